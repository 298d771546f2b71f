package org.rainbow.pipeline.warehouse.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.Select;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rainbow.pipeline.model.ModelRunner;
import org.rainbow.pipeline.model.RunRequest;
import org.rainbow.pipeline.model.SqlProjectLoader;
import org.rainbow.pipeline.warehouse.MergeStatement;
import org.rainbow.pipeline.warehouse.Relation;

/**
 * Every model and data test of the bundled project, rendered for BigQuery (full and incremental runs),
 * parses with JSqlParser, and the MERGE the adapter wraps around each incremental model does too.
 * Rendering needs no BigQuery: compile() makes no request.
 */
class BigQueryDialectTest {

    private static FakeBigQueryServer server;
    private static BigQueryWarehouse warehouse;
    private static ModelRunner runner;

    @BeforeAll
    static void compileForBigQuery() throws IOException {
        server = new FakeBigQueryServer();
        warehouse = new BigQueryWarehouse(server.client("rainbow-prod"), "EU");
        runner = new ModelRunner(warehouse, new SqlProjectLoader().load(SqlProjectLoader.BUNDLED));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyRenderedModelAndTestParses(boolean incremental) {
        Map<String, String> compiled = runner.compile(RunRequest.all(), incremental);

        assertThat(compiled).hasSizeGreaterThan(40);
        assertThat(server.requests()).isEmpty();
        compiled.forEach((name, sql) -> {
            assertThat(sql).as(name).doesNotContain("\"").doesNotContain("strftime").doesNotContain("generate_series");
            assertThatCode(() -> assertThat(CCJSqlParserUtil.parse(sql)).isInstanceOf(Select.class))
                    .as(name + ":\n" + sql).doesNotThrowAnyException();
        });
        assertThat(compiled.get("fact_sales")).contains("`rainbow-prod.marts.dim_customers`", "format_date('%Y%m%d'",
                "cast(");
        assertThat(compiled.get("dim_dates")).contains("generate_date_array");
        if (incremental) {
            assertThat(compiled.get("dim_customers")).contains("from `rainbow-prod.marts.dim_customers`");
        }
    }

    @Test
    void theParserRejectsBrokenSql() {
        assertThatThrownBy(() -> CCJSqlParserUtil.parse("select a, from `p.d.t` where")).isInstanceOf(Exception.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dim_customers", "dim_products", "fact_sales"})
    void incrementalModelsMergeAsValidSql(String model) throws Exception {
        String select = runner.compile(RunRequest.select(model), true).get(model);
        String merge = MergeStatement.of(
                warehouse.sqlName(new Relation("marts", model)), select, List.of(model + "_key"),
                List.of(model + "_key", "a", "b"), c -> "`" + c + "`");

        assertThatCode(() -> assertThat(CCJSqlParserUtil.parse(merge)).isInstanceOf(Merge.class))
                .as(merge).doesNotThrowAnyException();
    }
}
