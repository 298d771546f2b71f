package org.rainbow.bench.serving;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.rainbow.bench.harness.InProcessService;
import org.rainbow.bench.harness.InProcessService.Foreign;
import org.rainbow.bench.harness.Verdict;
import org.rainbow.engines.clickhouse.LocalClickHouse;
import org.rainbow.serving.ServingApplication;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SpeedRows;
import org.rainbow.serving.store.clickhouse.ClickHouseServingStore;
import org.rainbow.serving.store.duckdb.DuckDbServingStore;
import org.rainbow.speed.ServingStoreProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark P4. Per engine (ClickHouse 26.7 from chDB, DuckDB): {@code --lines} batch fact rows (order lines)
 * over {@code --days} days before today with the batch views built from them, a day of speed rows (today's
 * orders, committed after the watermark), then the latency of {@code GET /api/v1/sales/daily} for a 30-day
 * and a 365-day range through serving-api over HTTP, of the same unified query at the store, and of the
 * batch-only query (the batch view alone) in the same run.
 */
final class ServingBenchmark {

    private static final List<Integer> RANGES = List.of(30, 365);
    private static final List<String> GOALS = new ArrayList<>();

    private ServingBenchmark() {
    }

    /**
     * @param lines        batch fact rows (order lines) over the {@code days} days before today
     * @param requests     timed calls per query and range
     * @param speedHistory the speed tables also hold every batch line and order (as after months of streaming),
     *                     committed on their days, so only today's orders are dirty but every speed read covers
     *                     the whole history
     */
    static void run(long lines, int days, int requests, List<Engine> engines, boolean speedHistory) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BenchData data = new BenchData(lines, days, today, speedHistory);
        Path work = Files.createTempDirectory("rainbow-serving-bench");
        List<String> report = new ArrayList<>();
        for (Engine engine : engines) {
            System.out.printf("%n== %s: %,d batch fact rows over %d days, %,d speed lines today ==%n", engine.label(),
                    lines, days, data.speedLines());
            switch (engine) {
                case DUCKDB -> report.addAll(runDuckDb(data, work.resolve("serving.duckdb"), requests, today));
                case CLICKHOUSE -> report.addAll(runClickHouse(data, work.resolve("clickhouse"), requests, today));
            }
        }
        System.out.printf("%nBenchmark P4 — serving layer on %d cores (%s), load average before: %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), BenchData.loadAverage());
        System.out.println("  engine      range  query                         p50 ms   p99 ms   max ms   unified / (batch-only + bare speed) (p50, p99)");
        report.forEach(System.out::println);
        System.out.println("Goals:");
        GOALS.forEach(System.out::println);
        // The engines' files (gigabytes with the default 10 M rows) are not needed once the figures are printed.
        FileSystemUtils.deleteRecursively(work);
    }

    private static List<String> runDuckDb(BenchData data, Path file, int requests, LocalDate today) throws Exception {
        try (DuckDbServingStore store = DuckDbServingStore.open(file)) {
            data.fillDuckDb(file);
            ConfigurableApplicationContext serving = servingApi(Map.of("rainbow.serving.engine", "duckdb",
                    "rainbow.serving.duckdb.path", file.toString()));
            try {
                return measure("duckdb", store, data.duckDbBatchOnly(file), data.duckDbBareSpeed(file), port(serving),
                        requests, today);
            } finally {
                serving.close();
            }
        }
    }

    private static List<String> runClickHouse(BenchData data, Path directory, int requests, LocalDate today) throws Exception {
        try (LocalClickHouse clickHouse = LocalClickHouse.start(48124, 49901, directory)) {
            String url = "http://127.0.0.1:" + clickHouse.httpPort();
            ServingStoreProperties.ClickHouse settings =
                    new ServingStoreProperties.ClickHouse(url, "default", "", "serving", "speed");
            try (ServingStore store = ClickHouseServingStore.connect(settings)) {
                data.fillClickHouse(clickHouse, url);
                ConfigurableApplicationContext serving = servingApi(Map.of("rainbow.serving.engine", "clickhouse",
                        "rainbow.serving.clickhouse.url", url));
                try {
                    return measure("clickhouse", store, data.clickHouseBatchOnly(clickHouse),
                            data.clickHouseBareSpeed(clickHouse), port(serving), requests, today);
                } finally {
                    serving.close();
                }
            }
        }
    }

    private static List<String> measure(String engine, ServingStore store, BenchData.Baseline batchOnly,
                                        BenchData.Baseline bareSpeed, int port, int requests, LocalDate today)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> rows = new ArrayList<>();
        // What serving-api does after loading an export: the speed tables forget what the batch side holds.
        SpeedRows before = store.speedRows();
        long began = System.nanoTime();
        SpeedRows after = store.compactSpeed();
        rows.add(String.format("  %-10s speed tables: %,d order rows, %,d line rows; compacted in %.1f s to %,d order rows, "
                + "%,d line rows", engine, before.orders(), before.orderLines(), (System.nanoTime() - began) / 1e9,
                after.orders(), after.orderLines()));
        for (int range : RANGES) {
            LocalDate from = today.minusDays(range - 1L);
            URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/sales/daily?from=" + from + "&to=" + today);
            Histogram api = time(requests, () -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.body());
                }
                return response.body().length();
            });
            Histogram unified = time(requests, () -> store.dailySales(from, today).size());
            Histogram batch = time(requests, () -> batchOnly.daily(from, today));
            Histogram speed = time(requests, () -> bareSpeed.daily(from, today));
            Histogram baseline = time(requests, () -> batchOnly.daily(from, today) + bareSpeed.daily(from, today));
            rows.add(row(engine, range, "GET /api/v1/sales/daily", api, null));
            rows.add(row(engine, range, "unified query (store)", unified, baseline));
            rows.add(row(engine, range, "batch-only query (store)", batch, null));
            rows.add(row(engine, range, "bare speed aggregate (store)", speed, null));
            rows.add(row(engine, range, "batch-only + bare speed", baseline, null));
            GOALS.add(goal(engine + " " + range + " d: GET /api/v1/sales/daily p99 <= 50 ms",
                    api.getValueAtPercentile(99) / 1e6, 50, "ms"));
            GOALS.add(goal(engine + " " + range + " d: unified <= 1.5 x (batch-only + bare speed) at p50",
                    (double) unified.getValueAtPercentile(50) / baseline.getValueAtPercentile(50), 1.5, "x"));
            GOALS.add(goal(engine + " " + range + " d: unified <= 1.5 x (batch-only + bare speed) at p99",
                    (double) unified.getValueAtPercentile(99) / baseline.getValueAtPercentile(99), 1.5, "x"));
        }
        return rows;
    }

    private static String goal(String what, double figure, double limit, String unit) {
        return String.format("  %-4s %-64s %8.2f %s (goal <= %.1f)", Verdict.of(figure <= limit), what, figure,
                unit, limit);
    }

    /** Warm-up of a third of the requests, then {@code requests} sequential timed calls. */
    private static Histogram time(int requests, Callable<Integer> call) throws Exception {
        for (int i = 0; i < Math.max(20, requests / 3); i++) {
            call.call();
        }
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < requests; i++) {
            long began = System.nanoTime();
            call.call();
            histogram.recordValue(System.nanoTime() - began);
        }
        return histogram;
    }

    private static String row(String engine, int range, String query, Histogram h, Histogram baseline) {
        String ratio = baseline == null ? "" : String.format("%.2f x, %.2f x",
                (double) h.getValueAtPercentile(50) / baseline.getValueAtPercentile(50),
                (double) h.getValueAtPercentile(99) / baseline.getValueAtPercentile(99));
        return String.format("  %-10s %4d d  %-28s %8.2f %8.2f %8.2f   %s", engine, range, query,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, ratio);
    }

    /** serving-api as it runs in production, on a free port; settings as arguments, which outrank its application.yml. */
    private static ConfigurableApplicationContext servingApi(Map<String, Object> engine) {
        Map<String, Object> properties = new HashMap<>(engine);
        properties.put("server.port", "0");
        properties.put("rainbow.serving.exports.load-enabled", "false");
        properties.put("rainbow.serving.speed-sink.enabled", "false");
        properties.put("logging.level.root", "WARN");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return InProcessService.builder(ServingApplication.class,
                EnumSet.of(Foreign.DATABASE, Foreign.BATCH, Foreign.SECURITY)).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
