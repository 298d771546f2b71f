package org.rainbow.bench.speed;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.WRITTEN_AT;

import java.time.Duration;
import org.rainbow.engines.clickhouse.LocalClickHouse;

/** The bridge's speed tables in ClickHouse (database {@code bench}), as the benchmark watches them fill. */
final class ClickHouseSpeedTables {

    private final LocalClickHouse clickHouse;

    ClickHouseSpeedTables(LocalClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Waits until {@code expected} orders and their two lines each are visible. */
    void awaitOrders(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long orders = Long.parseLong(clickHouse.query("SELECT count() FROM bench.orders FINAL"));
                long lines = Long.parseLong(clickHouse.query("SELECT count() FROM bench.order_details FINAL"));
                if (orders >= expected && lines >= 2 * expected) {
                    return;
                }
            } catch (RuntimeException tablesNotYetCreated) {
                // the sink creates them at start-up
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("ClickHouse did not reach " + expected + " orders within " + timeout);
    }

    /** Commit in PostgreSQL → written into ClickHouse, over the orders with ids above {@code afterId}. */
    Freshness freshnessAfter(int afterId, double achievedRate) {
        String[] q = clickHouse.query("SELECT quantileExact(0.5)(ms), quantileExact(0.99)(ms), max(ms), count() FROM ("
                + "SELECT dateDiff('millisecond', " + COMMITTED_AT + ", " + WRITTEN_AT + ") AS ms FROM bench.orders"
                + " WHERE id > " + afterId + ") FORMAT TSV").split("\t");
        return new Freshness(Double.parseDouble(q[0]), Double.parseDouble(q[1]), Double.parseDouble(q[2]),
                Long.parseLong(q[3].trim()), achievedRate);
    }

    /** Milliseconds from commit to visible, over {@code orders} orders placed at {@code achievedRate} orders/s. */
    record Freshness(double p50, double p99, double max, long orders, double achievedRate) {
    }
}
