package org.rainbow.pipeline.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The latest materialization per asset and partition, kept beside Spring Batch's job repository. */
@Repository
public class AssetStatusRepository {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    AssetStatusRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A step that fails rolls its transaction back; the record of its failure must survive that.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        jdbc.execute("""
                create table if not exists pipeline_asset_materializations (
                    asset           varchar(100) not null,
                    partition_date  date         not null,
                    status          varchar(20)  not null,
                    materialized_at timestamptz  not null,
                    row_count       bigint       not null,
                    byte_count      bigint       not null,
                    duration_ms     bigint       not null,
                    checks_passed   integer      not null,
                    checks_failed   integer      not null,
                    message         text,
                    primary key (asset, partition_date))""");
    }

    public void record(Materialization m) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                insert into pipeline_asset_materializations values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (asset, partition_date) do update set status = excluded.status,
                    materialized_at = excluded.materialized_at, row_count = excluded.row_count,
                    byte_count = excluded.byte_count, duration_ms = excluded.duration_ms,
                    checks_passed = excluded.checks_passed, checks_failed = excluded.checks_failed,
                    message = excluded.message""",
                m.asset(), m.partition(), m.status().name(), Timestamp.from(m.materializedAt()), m.rows(), m.bytes(),
                m.durationMillis(), m.checksPassed(), m.checksFailed(), m.message()));
    }

    public List<Materialization> partitions(LocalDate from, LocalDate to) {
        return jdbc.query("select * from pipeline_asset_materializations where partition_date between ? and ? "
                + "order by partition_date, asset", this::map, from, to);
    }

    public Optional<Materialization> find(String asset, LocalDate partition) {
        return jdbc.query("select * from pipeline_asset_materializations where asset = ? and partition_date = ?",
                this::map, asset, partition).stream().findFirst();
    }

    /** The most recent materialization of {@code asset}, whatever its partition. */
    public Optional<Materialization> latest(String asset) {
        return jdbc.query("select * from pipeline_asset_materializations where asset = ? "
                + "order by materialized_at desc limit 1", this::map, asset).stream().findFirst();
    }

    /** Days on which {@code asset} is materialized, oldest first. */
    public List<LocalDate> materializedDays(String asset) {
        return jdbc.queryForList("select partition_date from pipeline_asset_materializations where asset = ? "
                + "and status = 'MATERIALIZED' order by partition_date", LocalDate.class, asset);
    }

    private Materialization map(ResultSet row, int n) throws SQLException {
        return new Materialization(row.getString("asset"), row.getObject("partition_date", LocalDate.class),
                Materialization.Status.valueOf(row.getString("status")), row.getTimestamp("materialized_at").toInstant(),
                row.getLong("row_count"), row.getLong("byte_count"), row.getLong("duration_ms"),
                row.getInt("checks_passed"), row.getInt("checks_failed"), row.getString("message"));
    }
}
