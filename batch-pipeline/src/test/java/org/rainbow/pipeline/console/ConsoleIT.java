package org.rainbow.pipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.rainbow.pipeline.asset.AssetGraph;
import org.rainbow.pipeline.asset.AssetNode;
import org.rainbow.pipeline.partition.PartitionOperations;
import org.rainbow.pipeline.partition.PipelineEngines;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console at {@code /} in Debian's headless Chromium, served by the pipeline on real engines: the graph draws
 * every asset, the grid shows the backfilled days green, a failed check shows red on its model and day with its
 * failing rows, and a re-run launched from the page (with the operator token typed in) turns it green.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.flyway.enabled=false",
        "rainbow.pipeline.schedule.enabled=false",
        "rainbow.pipeline.grid-size=2",
        "rainbow.security.token=" + ConsoleIT.TOKEN})
class ConsoleIT {

    static final String TOKEN = "console-it-operator-token-0123456789";
    private static final LocalDate DAY_0 = LocalDate.of(2026, 2, 28);
    private static final LocalDate DAY_2 = LocalDate.of(2026, 3, 2);
    private static final LocalDate DAY_3 = LocalDate.of(2026, 3, 3);
    private static final String GREEN = "rgb(22, 163, 74)";
    private static final String RED = "rgb(220, 38, 38)";
    private static JdbcTemplate source;

    @Autowired
    private PartitionOperations operations;
    @Autowired
    private AssetGraph graph;
    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void engines(DynamicPropertyRegistry registry) {
        source = PipelineEngines.register(registry, "console_it", "/partition/three-days.sql");
    }

    @Test
    void theConsoleShowsTheAssetsAndTheirChecksAndAReRunFromThePageTurnsAFailedDayGreen() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        boolean required = System.getenv("RAINBOW_REQUIRE_BROWSER") != null;
        Assumptions.assumeTrue(required || (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        assertThat(operations.backfill(DAY_0, DAY_2).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // A promotion of a kind that does not exist, on day 3: dim_promotions' accepted_values check fails.
        source.update("""
                insert into history.promotions (id, name, discount_type, discount_value, start_date, end_date,
                    usage_count, created_at, updated_at, change_op, changed_at, change_seq)
                values (7, 'Buy one get one', 'BOGUS', 50, '2026-03-03', '2026-03-31', 0, '2026-03-03 09:00+00',
                    '2026-03-03 09:00+00', 'I', '2026-03-03 09:00+00', nextval('history.change_seq'))""");
        JobExecution failed = operations.runPartition(DAY_3);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-dev-shm-usage", "--window-size=1400,1000",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://127.0.0.1:" + port + "/?from=" + DAY_0 + "&to=" + DAY_3 + "&partition=" + DAY_3);
            await("the console's first refresh", () -> number(browser, "refreshes") >= 1);

            List<String> assets = graph.nodes().stream().map(AssetNode::name).toList();
            assertThat(console(browser, "graphNodes")).asInstanceOf(LIST)
                    .containsExactlyInAnyOrderElementsOf(assets);
            assertThat(browser.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
            assertThat(console(browser, "nodeStates.dim_promotions")).isEqualTo("CHECK_FAILED");
            assertThat(console(browser, "nodeStates.fact_sales")).isEqualTo("SKIPPED");
            for (String asset : assets) {
                for (LocalDate day = DAY_0; !day.isAfter(DAY_2); day = day.plusDays(1)) {
                    assertThat(cellState(browser, asset, day)).as(asset + " " + day).isEqualTo("OK");
                }
            }
            assertThat(cellColour(browser, "fact_sales", DAY_2)).isEqualTo(GREEN);
            assertThat(cellColour(browser, "dim_promotions", DAY_3)).isEqualTo(RED);

            cell(browser, "dim_promotions", DAY_3).click();
            await("the asset page of dim_promotions", () -> "dim_promotions".equals(
                    browser.executeScript("return window.rainbowConsole.asset && window.rainbowConsole.asset.name")));
            assertThat(browser.findElement(By.id("overview")).isDisplayed()).isFalse();
            WebElement check = browser.findElement(By.cssSelector(
                    "#asset-checks tr[data-check='accepted_values_dim_promotions_discount_type'][data-day='" + DAY_3 + "']"));
            assertThat(check.getText()).contains("FAILED", "1 failing rows", "BOGUS");
            assertThat(browser.findElement(By.id("asset-sql")).getText()).contains("dim_promotions");

            source.update("delete from history.promotions where id = 7");
            browser.get("http://127.0.0.1:" + port + "/?from=" + DAY_0 + "&to=" + DAY_3 + "&partition=" + DAY_3);
            await("the overview", () -> number(browser, "refreshes") >= 1 && !browser.findElements(By.cssSelector(
                    "button.rerun[data-run='" + failed.getId() + "']")).isEmpty());
            browser.findElement(By.id("token")).sendKeys(TOKEN);
            browser.findElement(By.cssSelector("#auth button")).click();
            // The runs table redraws every few seconds: a button found just before a redraw is gone when clicked.
            await("the re-run button clicked", () -> {
                browser.findElement(By.cssSelector("button.rerun[data-run='" + failed.getId() + "']")).click();
                return true;
            });

            // The grid polls while the run goes on: dim_promotions turns green before the export has run.
            await("the re-run reported COMPLETED", () -> browser.findElement(By.id("launch-status")).getText()
                    .contains("COMPLETED"));
            await("dim_promotions and the export on " + DAY_3 + " green after the re-run",
                    () -> "OK".equals(cellState(browser, "dim_promotions", DAY_3))
                            && "OK".equals(cellState(browser, "export_batch_views", DAY_3)));
            assertThat(cellColour(browser, "dim_promotions", DAY_3)).isEqualTo(GREEN);
            browser.executeScript("window.scrollTo(0, 0)");
            Files.write(Path.of("target/console.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    private static WebElement cell(ChromeDriver browser, String asset, LocalDate day) {
        return browser.findElement(By.cssSelector(cellSelector(asset, day)));
    }

    /** A cell's state and colour, read in one script: the grid may be redrawn between two WebDriver calls. */
    private static String cellState(ChromeDriver browser, String asset, LocalDate day) {
        return (String) browser.executeScript("return document.querySelector(arguments[0]).dataset.state",
                cellSelector(asset, day));
    }

    private static String cellColour(ChromeDriver browser, String asset, LocalDate day) {
        return (String) browser.executeScript("return getComputedStyle(document.querySelector(arguments[0])).backgroundColor",
                cellSelector(asset, day));
    }

    private static String cellSelector(String asset, LocalDate day) {
        return "#grid a[data-asset='" + asset + "'][data-day='" + day + "']";
    }

    private static Object console(ChromeDriver browser, String field) {
        return browser.executeScript("return window.rainbowConsole && window.rainbowConsole." + field);
    }

    private static long number(ChromeDriver browser, String field) {
        return console(browser, field) instanceof Number n ? n.longValue() : -1;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the page is redrawing
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
