package org.rainbow.bench.orders;

import java.time.Duration;
import java.util.Map;

/**
 * What one run of P1 does: {@code clients} concurrent clients, {@code warmup} + {@code measure} per closed-loop
 * phase, {@code rate} orders/s in the paced phase, and Spring properties handed to rainbow-api.
 */
record OrdersOptions(int clients, Duration warmup, Duration measure, int rate, Map<String, String> apiProperties) {

    OrdersOptions {
        if (clients < 1 || clients > 150) {
            // Each raw-JDBC client holds a connection, and PostgreSQL allows 200 next to the API's pool.
            throw new IllegalArgumentException("--clients must be between 1 and 150");
        }
        if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --seconds > 0");
        }
        if (rate < 1 || rate > 20_000) {
            throw new IllegalArgumentException("--rate must be between 1 and 20000 orders/s");
        }
        apiProperties = Map.copyOf(apiProperties);
    }
}
