package org.rainbow.pipeline.extract;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Opens the Rainbow database the extract reads: a plain DataSource (the extract holds one connection per table),
 * through the PostgreSQL driver's own type, so that {@code EngineIsolationTest} sees where the driver is used.
 */
public final class SourceDatabase {

    private SourceDatabase() {
    }

    public static DataSource dataSource(String url, String username, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }
}
