package org.rainbow.bench.orders;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;

/**
 * Benchmark P1: orders/s and latency of {@code POST /api/v1/orders} against the ceiling, the same rows
 * written with raw JDBC, on the same database, at the same concurrency, in one run.
 */
final class OrdersBenchmark {

    /** How many orders the cold-start figure waits for. */
    private static final int COLD_ORDERS = 1_000;

    private final OrdersOptions options;
    private final PrintStream out;

    OrdersBenchmark(OrdersOptions options, PrintStream out) {
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
                            + " first %,d orders cold, raw JDBC, API, then %d orders/s paced;%n  %d cores, Java %s;"
                            + " %s", options.clients(), ClosedLoopLoad.LINES_PER_ORDER, options.warmup().toSeconds(), options.measure().toSeconds(),
                    COLD_ORDERS, options.rate(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), stack.describe());
            out.printf("Ready in %.1f s; seeded %d customers, %d sellers, %d products, %d payment methods.%n",
                    (System.nanoTime() - began) / 1e9, catalog.customerIds().size(), CatalogSeeder.SELLERS,
                    catalog.products().size(), catalog.paymentIds().size());

            PhaseMeter meter = new PhaseMeter(stack.postmasterPid(), out);
            ClosedLoopLoad load = new ClosedLoopLoad(options, catalog, meter, out);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            ApiOrderPlacer api = new ApiOrderPlacer(http, stack.ordersUri(), BenchStack.API_TOKEN);
            Duration firstOrders = load.firstOrders(COLD_ORDERS, () -> api);
            out.printf("%nCold start: rainbow-api ready in %.1f s, its first %,d orders took %.1f s.%n",
                    stack.apiReadySeconds(), COLD_ORDERS, firstOrders.toMillis() / 1e3);
            // The ceiling runs next, so the API then writes into tables the ceiling already grew: any cost of
            // growth counts against the API, never for it.
            PhaseResult ceiling = load.run("raw JDBC",
                    () -> JdbcOrderPlacer.connect(stack.jdbcUrl(), stack.user(), stack.password()));
            PhaseResult closedLoop = load.run("API", () -> api);
            PhaseResult openLoop = new OpenLoopLoad(options, catalog, meter, out).run("API paced", api);
            ResultTable.print(out, setup, new ResultTable.ColdStart(stack.apiReadySeconds(), COLD_ORDERS,
                    firstOrders.toMillis() / 1e3), ceiling, closedLoop, openLoop, options.rate());
        }
        out.printf("%nStopped rainbow-api and PostgreSQL, deleted the data (%.0f s in all).%n",
                (System.nanoTime() - began) / 1e9);
    }
}
