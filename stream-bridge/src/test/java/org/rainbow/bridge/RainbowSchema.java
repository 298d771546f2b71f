package org.rainbow.bridge;

import org.flywaydb.core.Flyway;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;

/**
 * A fresh PostgreSQL database with the Rainbow schema, built by rainbow-api's migrations (the one source of
 * truth) as the admin login, as a deployment does: the tables, the publication and the services' grants.
 */
final class RainbowSchema {

    private RainbowSchema() {
    }

    static void create(String database) {
        String url = PostgresFixture.freshDatabase(database);
        LocalPostgres postgres = PostgresFixture.shared();
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).load().migrate();
    }
}
