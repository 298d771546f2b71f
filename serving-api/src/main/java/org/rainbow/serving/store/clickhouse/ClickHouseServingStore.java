package org.rainbow.serving.store.clickhouse;

import com.clickhouse.client.api.Client;
import org.rainbow.serving.store.ComposedServingStore;
import org.rainbow.serving.store.ExportLoading;
import org.rainbow.serving.store.SalesQueries;
import org.rainbow.serving.store.StoreStatus;
import org.rainbow.speed.ServingStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving store on ClickHouse: speed tables ({@code ReplacingMergeTree(_version, _deleted)}, written by
 * stream-bridge) and the batch views in {@code database}, partitioned by export. Made of the schema
 * ({@link ClickHouseSchema}), the export steps ({@link ClickHouseExportSteps}), the statements on one client
 * ({@link ClickHouseStatements}) and the compaction ({@link ClickHouseSpeedCompaction}).
 */
public final class ClickHouseServingStore extends ComposedServingStore {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseServingStore.class);

    private final ClickHouseStatements statements;

    private ClickHouseServingStore(ClickHouseStatements statements, ClickHouseDialect dialect) {
        super(parts(statements, dialect));
        this.statements = statements;
    }

    public static ClickHouseServingStore connect(ServingStoreProperties.ClickHouse settings) {
        // Column statistics and the automatic PREWHERE cost ClickHouse 26.7 ~10 ms per lookup of a few thousand
        // orders among millions of batch lines, found by benchmark P4, more than they ever save on these queries.
        Client client = new Client.Builder().addEndpoint(settings.url()).setUsername(settings.user())
                .setPassword(settings.password()).serverSetting("use_statistics", "0")
                .serverSetting("optimize_move_to_prewhere", "0").build();
        ClickHouseStatements statements = new ClickHouseStatements(client);
        ClickHouseDialect dialect = new ClickHouseDialect(settings.database(), settings.speedDatabase());
        new ClickHouseSchema(statements, dialect).create(settings.database());
        log.info("serving store: ClickHouse {} (batch views in {}, speed tables in {})", settings.url(),
                settings.database(), settings.speedDatabase());
        return new ClickHouseServingStore(statements, dialect);
    }

    private static Parts parts(ClickHouseStatements statements, ClickHouseDialect dialect) {
        StoreStatus status = new StoreStatus(dialect, statements);
        ClickHouseServedExport served = new ClickHouseServedExport(status);
        return new Parts(status, served::current, new SalesQueries(dialect, statements, served::current),
                new ExportLoading(status, new ClickHouseExportSteps(statements, dialect, served)),
                new ClickHouseSpeedCompaction(statements, dialect)::compactTo);
    }

    @Override
    public void close() {
        statements.close();
    }
}
