package org.rainbow.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;

/**
 * Benchmark P1: orders/s and latency of {@code POST /api/v1/orders} against the ceiling, the same rows
 * written with raw JDBC, on the same database, at the same concurrency, in one run.
 */
final class OrdersBenchmark {

    private final BenchOptions options;
    private final PrintStream out;

    OrdersBenchmark(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() throws Exception {
        long began = System.nanoTime();
        out.println("Starting PostgreSQL and rainbow-api ...");
        try (BenchStack stack = BenchStack.start(options.apiProperties())) {
            Catalog catalog;
            try (Connection connection = stack.connect()) {
                catalog = CatalogSeeder.seed(connection);
            }
            String setup = String.format("%d clients, %d lines per order, %d s warm-up + %d s measured per phase,"
                            + " raw JDBC first, then API;%n  %d cores, Java %s; %s", options.clients(),
                    ClosedLoopLoad.LINES_PER_ORDER, options.warmup().toSeconds(), options.measure().toSeconds(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), stack.describe());
            out.printf("Ready in %.1f s; seeded %d customers, %d sellers, %d products, %d payment methods.%n",
                    (System.nanoTime() - began) / 1e9, catalog.customerIds().size(), CatalogSeeder.SELLERS,
                    catalog.products().size(), catalog.paymentIds().size());

            ClosedLoopLoad load = new ClosedLoopLoad(options, catalog, stack.postmasterPid(), out);
            // The ceiling runs first so the API then writes into tables the ceiling already grew: any cost of
            // growth counts against the API, never for it.
            PhaseResult ceiling = load.run("raw JDBC",
                    () -> JdbcOrderPlacer.connect(stack.jdbcUrl(), stack.user(), stack.password()));
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            PhaseResult api = load.run("API", () -> new ApiOrderPlacer(http, stack.ordersUri(), BenchStack.API_TOKEN));
            ResultTable.print(out, setup, ceiling, api);
        }
        out.printf("%nStopped rainbow-api and PostgreSQL, deleted the data (%.0f s in all).%n",
                (System.nanoTime() - began) / 1e9);
    }
}
