package org.rainbow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rainbow.bench.harness.SpringProperties;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code ./rainbow bench}, {@code bench-speed}, {@code bench-batch} and {@code bench-serving} as the
 * README documents them; a wrong option is refused (exit 2) before any engine starts. Only parsing runs here: a
 * command that accepted its arguments would start its benchmark.
 */
class BenchmarksCommandLineTest {

    private final StringWriter errors = new StringWriter();
    private final CommandLine commandLine = Benchmarks.commandLine().setErr(new PrintWriter(errors));

    @Test
    void ordersTakesItsOptionsAndHandsThoseWithADotToRainbowApi() {
        ParseResult orders = commandLine.parseArgs("orders", "--clients=8", "--warmup=2", "--seconds=5", "--rate=200",
                "--spring.datasource.hikari.maximum-pool-size=8", "--server.tomcat.threads.max=16").subcommand();

        assertThat(orders.matchedOptionValue("--clients", 0)).isEqualTo(8);
        assertThat(orders.matchedOptionValue("--warmup", 0L)).isEqualTo(2L);
        assertThat(orders.matchedOptionValue("--seconds", 0L)).isEqualTo(5L);
        assertThat(orders.matchedOptionValue("--rate", 0)).isEqualTo(200);
        assertThat(springProperties(orders).values()).containsExactly(
                Map.entry("spring.datasource.hikari.maximum-pool-size", "8"),
                Map.entry("server.tomcat.threads.max", "16"));
    }

    @Test
    void speedHandsOptionsWithADotToStreamBridge() {
        ParseResult speed = commandLine.parseArgs("speed", "--orders=2000", "--rate=200", "--seconds=5", "--rounds=1",
                "--rainbow.bridge.capture.max-batch-size=8192").subcommand();

        assertThat(speed.matchedOptionValue("--orders", 0)).isEqualTo(2000);
        assertThat(speed.matchedOptionValue("--rounds", 0)).isEqualTo(1);
        assertThat(springProperties(speed).asArguments()).containsExactly("--rainbow.bridge.capture.max-batch-size=8192");
    }

    @Test
    void batchAndServingTakeTheirDocumentedOptions() {
        ParseResult batch = commandLine.parseArgs("batch", "--lines=20000", "--backfill-days=2", "--backfill-lines=5000")
                .subcommand();
        assertThat(batch.matchedOptionValue("--lines", 0L)).isEqualTo(20_000L);
        assertThat(batch.matchedOptionValue("--backfill-days", 0)).isEqualTo(2);
        assertThat(batch.matchedOptionValue("--backfill-lines", 0L)).isEqualTo(5_000L);

        ParseResult serving = Benchmarks.commandLine().parseArgs("serving", "--lines=100000", "--days=30", "--requests=20", "--engines=duckdb",
                        "--speed-history").subcommand();
        assertThat(serving.matchedOptionValue("--days", 0)).isEqualTo(30);
        assertThat(serving.matchedOptionValue("--engines", List.of()).toString()).isEqualTo("[DUCKDB]");
        assertThat(serving.matchedOptionValue("--speed-history", false)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "orders, --bogus=1, Unknown option: '--bogus=1'",
            "orders, stray, Unexpected argument: 'stray'",
            "speed, --order=10, Unknown option: '--order=10'"})
    void refusesAnUnknownOptionWithoutADot(String benchmark, String option, String message) {
        ParseResult parsed = commandLine.parseArgs(benchmark, option).subcommand();

        assertThatThrownBy(() -> springProperties(parsed).values()).isInstanceOf(ParameterException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({
            "batch, --rainbow.x=1, Unknown option: '--rainbow.x=1'",
            "speed, --rounds=0, --rounds must be at least 1, not 0",
            "serving, --engines=mysql, expected one of [CLICKHOUSE, DUCKDB]"})
    void refusesWhatABenchmarkDoesNotTakeWithExitCodeTwo(String benchmark, String option, String message) {
        assertThat(commandLine.execute(benchmark, option)).isEqualTo(2);
        assertThat(errors.toString()).contains(message).contains("Usage: benchmarks " + benchmark);
    }

    private static SpringProperties springProperties(ParseResult command) {
        return command.commandSpec().mixins().values().stream().map(mixin -> mixin.userObject())
                .filter(SpringProperties.class::isInstance).map(SpringProperties.class::cast).findFirst().orElseThrow();
    }
}
