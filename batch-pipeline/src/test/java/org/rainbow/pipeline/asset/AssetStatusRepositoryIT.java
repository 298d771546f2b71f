package org.rainbow.pipeline.asset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rainbow.engines.postgres.LocalPostgres;
import org.rainbow.engines.postgres.PostgresFixture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** A job repository written by the pipeline before assets had history keeps its exported days: the watermark. */
class AssetStatusRepositoryIT {

    @Test
    void theLatestStateOfAnEarlierVersionBecomesHistoryAndItsBuildStepIsLeftOut() {
        LocalPostgres postgres = PostgresFixture.shared();
        DriverManagerDataSource database = new DriverManagerDataSource(
                PostgresFixture.freshDatabase("asset_records_it"), postgres.user(), postgres.password());
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("""
                create table pipeline_asset_materializations (
                    asset varchar(100) not null, partition_date date not null, status varchar(20) not null,
                    materialized_at timestamptz not null, row_count bigint not null, byte_count bigint not null,
                    duration_ms bigint not null, checks_passed integer not null, checks_failed integer not null,
                    message text, primary key (asset, partition_date))""");
        jdbc.update("""
                insert into pipeline_asset_materializations values
                  ('extract_orders', '2026-03-01', 'MATERIALIZED', '2026-03-02 00:01+00', 5, 900, 40, 0, 0, 'file:/x'),
                  ('build_models', '2026-03-01', 'MATERIALIZED', '2026-03-02 00:02+00', 30, 0, 900, 36, 0, null),
                  ('export_batch_views', '2026-03-01', 'MATERIALIZED', '2026-03-02 00:03+00', 9, 1200, 80, 0, 0, null),
                  ('export_batch_views', '2026-03-02', 'FAILED', '2026-03-03 00:03+00', 0, 0, 10, 0, 0, 'disk full')""");

        AssetStatusRepository repository = new AssetStatusRepository(jdbc, new DataSourceTransactionManager(database),
                JsonMapper.builder().build());

        assertThat(repository.materializedDays(AssetGraph.EXPORT_BATCH_VIEWS)).containsExactly(LocalDate.of(2026, 3, 1));
        assertThat(repository.latest(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
                .extracting(l -> l.materialization().asset() + " " + l.materialization().kind() + " "
                        + l.materialization().status())
                .containsExactlyInAnyOrder("extract_orders EXTRACT MATERIALIZED",
                        "export_batch_views EXPORT MATERIALIZED", "export_batch_views EXPORT FAILED");
        assertThat(jdbc.queryForObject("select to_regclass('pipeline_asset_materializations') is null", Boolean.class))
                .isTrue();
    }
}
