package org.rainbow.serving.store.clickhouse;

import com.clickhouse.client.api.Client;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rainbow.serving.store.Breakdown;
import org.rainbow.serving.store.ExportLoading;
import org.rainbow.serving.store.LoadedExport;
import org.rainbow.serving.store.SalesQueries;
import org.rainbow.serving.store.SalesTotals;
import org.rainbow.serving.store.ServingStore;
import org.rainbow.serving.store.SliceSales;
import org.rainbow.serving.store.SpeedProgress;
import org.rainbow.serving.store.SpeedRows;
import org.rainbow.serving.store.StoreStatus;
import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.storage.ObjectStorage;
import org.rainbow.storage.export.BatchExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving store on ClickHouse: speed tables ({@code ReplacingMergeTree(_version, _deleted)}, written by
 * stream-bridge) and the batch views in {@code database}, partitioned by export. Composed of the schema
 * ({@link ClickHouseSchema}), the export steps ({@link ClickHouseExportSteps}), the statements on one client
 * ({@link ClickHouseStatements}) and the compaction ({@link ClickHouseSpeedCompaction}).
 */
public final class ClickHouseServingStore implements ServingStore {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseServingStore.class);

    private final ClickHouseStatements statements;
    private final StoreStatus status;
    private final ClickHouseServedExport served;
    private final SalesQueries sales;
    private final ExportLoading loading;
    private final ClickHouseSpeedCompaction compaction;

    private ClickHouseServingStore(ClickHouseStatements statements, ClickHouseDialect dialect) {
        this.statements = statements;
        this.status = new StoreStatus(dialect, statements);
        this.served = new ClickHouseServedExport(status);
        this.sales = new SalesQueries(dialect, statements, served::current);
        this.loading = new ExportLoading(status, new ClickHouseExportSteps(statements, dialect, served));
        this.compaction = new ClickHouseSpeedCompaction(statements, dialect);
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

    @Override
    public Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to) {
        return sales.dailySales(from, to);
    }

    @Override
    public List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit) {
        return sales.salesBy(breakdown, from, to, limit);
    }

    @Override
    public Optional<LoadedExport> currentExport() {
        return served.current();
    }

    @Override
    public SpeedProgress speedProgress() {
        return status.speedProgress();
    }

    @Override
    public void load(BatchExport export, ObjectStorage storage) {
        loading.load(export, storage);
    }

    @Override
    public SpeedRows compactSpeed() {
        status.servedExport().ifPresent(compaction::compactTo);
        return status.speedRows();
    }

    @Override
    public SpeedRows speedRows() {
        return status.speedRows();
    }

    @Override
    public void close() {
        statements.close();
    }
}
