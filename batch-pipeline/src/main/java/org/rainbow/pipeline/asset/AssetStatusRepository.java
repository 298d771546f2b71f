package org.rainbow.pipeline.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every materialization and check evaluation per asset and partition (history: the newest of each is the
 * asset's state), kept beside Spring Batch's job repository. Each asset is written as it finishes, in a
 * transaction of its own: a failed step rolls its own back, and the record of the failure must survive that.
 */
@Repository
public class AssetStatusRepository {

    private static final String MATERIALIZATION_COLUMNS = "asset, partition_date, run_id, status, kind, "
            + "materialized_at, duration_ms, row_count, rows_inserted, rows_updated, byte_count, message";
    private static final String CHECK_COLUMNS = "check_name, asset, partition_date, run_id, status, failing_rows, "
            + "sample_rows, message, evaluated_at";
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate ownTransaction;

    AssetStatusRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.executeWithoutResult(tx -> createTables());
    }

    private void createTables() {
        jdbc.execute("""
                create table if not exists pipeline_materializations (
                    id              bigserial    primary key,
                    asset           varchar(100) not null,
                    partition_date  date         not null,
                    run_id          bigint,
                    status          varchar(20)  not null,
                    kind            varchar(20)  not null,
                    materialized_at timestamptz  not null,
                    duration_ms     bigint       not null,
                    row_count       bigint,
                    rows_inserted   bigint,
                    rows_updated    bigint,
                    byte_count      bigint,
                    message         text,
                    compiled_sql    text)""");
        jdbc.execute("create index if not exists pipeline_materializations_by_partition "
                + "on pipeline_materializations (partition_date, asset, id)");
        jdbc.execute("create index if not exists pipeline_materializations_by_asset "
                + "on pipeline_materializations (asset, partition_date, id)");
        jdbc.execute("create index if not exists pipeline_materializations_by_run on pipeline_materializations (run_id)");
        jdbc.execute("""
                create table if not exists pipeline_check_results (
                    id             bigserial    primary key,
                    check_name     varchar(200) not null,
                    asset          varchar(100) not null,
                    partition_date date         not null,
                    run_id         bigint,
                    status         varchar(20)  not null,
                    failing_rows   bigint       not null,
                    sample_rows    text         not null,
                    message        text,
                    evaluated_at   timestamptz  not null,
                    compiled_sql   text)""");
        jdbc.execute("create index if not exists pipeline_check_results_by_partition "
                + "on pipeline_check_results (partition_date, asset, check_name, id)");
        jdbc.execute("create index if not exists pipeline_check_results_by_run on pipeline_check_results (run_id)");
        // The table of an earlier version held the latest state per asset and partition: it becomes history.
        Boolean earlier = jdbc.queryForObject("select to_regclass('pipeline_asset_materializations') is not null",
                Boolean.class);
        if (Boolean.TRUE.equals(earlier)) {
            jdbc.update("insert into pipeline_materializations (" + MATERIALIZATION_COLUMNS + ") "
                    + "select asset, partition_date, null, status, case when asset like 'extract\\_%' then 'EXTRACT' "
                    + "when asset like 'load\\_raw\\_%' then 'LOAD' else 'EXPORT' end, materialized_at, duration_ms, "
                    + "row_count, null, null, byte_count, message from pipeline_asset_materializations "
                    + "where asset <> 'build_models' order by materialized_at");
            jdbc.execute("drop table pipeline_asset_materializations");
        }
    }

    public void record(Materialization m, String compiledSql) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("insert into pipeline_materializations ("
                        + MATERIALIZATION_COLUMNS + ", compiled_sql) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.asset(), m.partition(), m.runId(), m.status().name(), m.kind().name(),
                Timestamp.from(m.materializedAt()), m.durationMillis(), m.rows(), m.inserted(), m.updated(), m.bytes(),
                m.message(), compiledSql));
    }

    /** The evaluations of one model's checks, with each check's compiled SQL, in one transaction. */
    public void record(List<CheckResult> checks, Map<String, String> compiledSql) {
        if (checks.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> jdbc.batchUpdate("insert into pipeline_check_results ("
                        + CHECK_COLUMNS + ", compiled_sql) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checks.stream().map(c -> new Object[] {c.check(), c.asset(), c.partition(), c.runId(), c.status().name(),
                        c.failingRows(), json.writeValueAsString(c.sample()), c.message(),
                        Timestamp.from(c.evaluatedAt()), compiledSql.get(c.check())}).toList()));
    }

    /** The newest materialization of each asset per partition in the range, with its last successful one. */
    List<Latest> latest(LocalDate from, LocalDate to) {
        return jdbc.query("select distinct on (partition_date, asset) " + MATERIALIZATION_COLUMNS
                + ", max(materialized_at) filter (where status = 'MATERIALIZED') over (partition by partition_date, asset)"
                + " as last_materialized_at from pipeline_materializations where partition_date between ? and ? "
                + "order by partition_date, asset, id desc", (row, n) -> new Latest(materialization(row),
                instant(row, "last_materialized_at")), from, to);
    }

    /** Every materialization of {@code asset} in the range, newest first. */
    List<Materialization> history(String asset, LocalDate from, LocalDate to) {
        return jdbc.query("select " + MATERIALIZATION_COLUMNS + " from pipeline_materializations where asset = ? "
                + "and partition_date between ? and ? order by id desc", (row, n) -> materialization(row), asset, from, to);
    }

    /** The newest evaluation of each check per partition in the range. */
    List<CheckResult> latestChecks(LocalDate from, LocalDate to) {
        return jdbc.query("select distinct on (partition_date, check_name) " + CHECK_COLUMNS + " from pipeline_check_results "
                + "where partition_date between ? and ? order by partition_date, check_name, id desc",
                (row, n) -> check(row), from, to);
    }

    /** Every evaluation of the checks on {@code asset} in the range, newest first. */
    List<CheckResult> checkHistory(String asset, LocalDate from, LocalDate to) {
        return jdbc.query("select " + CHECK_COLUMNS + " from pipeline_check_results where asset = ? "
                + "and partition_date between ? and ? order by id desc", (row, n) -> check(row), asset, from, to);
    }

    /** The SQL of the newest materialization of {@code asset}, and of the newest evaluation of each of its checks. */
    Map<String, String> compiledSql(String asset) {
        Map<String, String> sql = new LinkedHashMap<>();
        jdbc.query("select asset as name, compiled_sql from (select asset, compiled_sql from pipeline_materializations "
                + "where asset = ? and compiled_sql is not null order by id desc limit 1) m "
                + "union all select * from (select distinct on (check_name) check_name, compiled_sql "
                + "from pipeline_check_results where asset = ? and compiled_sql is not null order by check_name, id desc) c",
                row -> {
                    sql.put(row.getString("name"), row.getString("compiled_sql"));
                }, asset, asset);
        return sql;
    }

    /** The materializations and check results one run recorded, in the order they were recorded. */
    List<Materialization> ofRun(long runId) {
        return jdbc.query("select " + MATERIALIZATION_COLUMNS + " from pipeline_materializations where run_id = ? "
                + "order by id", (row, n) -> materialization(row), runId);
    }

    List<CheckResult> checksOfRun(long runId) {
        return jdbc.query("select " + CHECK_COLUMNS + " from pipeline_check_results where run_id = ? order by id",
                (row, n) -> check(row), runId);
    }

    /** Whether the newest run that built models left one failed, skipped or with a failed check. */
    public boolean lastModelRunFailed() {
        List<Long> last = jdbc.queryForList("select run_id from pipeline_materializations "
                + "where kind in ('VIEW', 'TABLE', 'INCREMENTAL') order by id desc limit 1", Long.class);
        if (last.isEmpty() || last.get(0) == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from pipeline_materializations "
                + "where run_id = ? and kind in ('VIEW', 'TABLE', 'INCREMENTAL') and status <> 'MATERIALIZED') "
                + "or exists (select 1 from pipeline_check_results where run_id = ? and status <> 'PASSED')",
                Boolean.class, last.get(0), last.get(0)));
    }

    /** Days on which {@code asset} is materialized, oldest first. */
    public List<LocalDate> materializedDays(String asset) {
        return jdbc.queryForList("select distinct partition_date from pipeline_materializations where asset = ? "
                + "and status = 'MATERIALIZED' order by partition_date", LocalDate.class, asset);
    }

    private Materialization materialization(ResultSet row) throws SQLException {
        return new Materialization(row.getString("asset"), row.getObject("partition_date", LocalDate.class),
                row.getObject("run_id", Long.class), Materialization.Status.valueOf(row.getString("status")),
                AssetKind.valueOf(row.getString("kind")), instant(row, "materialized_at"), row.getLong("duration_ms"),
                row.getObject("row_count", Long.class), row.getObject("rows_inserted", Long.class),
                row.getObject("rows_updated", Long.class), row.getObject("byte_count", Long.class),
                row.getString("message"));
    }

    private CheckResult check(ResultSet row) throws SQLException {
        return new CheckResult(row.getString("check_name"), row.getString("asset"),
                row.getObject("partition_date", LocalDate.class), row.getObject("run_id", Long.class),
                CheckResult.Status.valueOf(row.getString("status")), row.getLong("failing_rows"),
                json.readValue(row.getString("sample_rows"), ROWS), row.getString("message"),
                instant(row, "evaluated_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An asset's newest materialization in a partition, and when it last materialized successfully there. */
    record Latest(Materialization materialization, Instant lastMaterializedAt) {
    }
}
