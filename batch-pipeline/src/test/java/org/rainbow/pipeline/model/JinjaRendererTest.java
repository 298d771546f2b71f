package org.rainbow.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rainbow.contracts.source.RawLoadColumns;

class JinjaRendererTest {

    private final JinjaRenderer renderer = new JinjaRenderer(
            "{% macro upper_of(column) %}upper({{ column }}){% endmacro %}");

    private RenderScope scope(boolean incremental) {
        return new RenderScope(model -> "\"marts\".\"" + model + "\"", (source, table) -> "\"raw\".\"" + table + "\"",
                Map.of("days", 3), incremental, "\"marts\".\"me\"", "duckdb");
    }

    @Test
    void configArrivesAsKeywordArgumentsAndRefsAndSourcesAreRecorded() {
        RenderScope scope = scope(false);
        String sql = renderer.render("m", """
                {{ config(materialized='incremental', unique_key=['a', 'b']) }}
                select {{ upper_of('name') }} from {{ ref('stg_x') }} join {{ source('rainbow', 'orders') }} using (id)
                """, scope);

        assertThat(sql).isEqualTo("select upper(name) from \"marts\".\"stg_x\" join \"raw\".\"orders\" using (id)");
        assertThat(scope.config()).containsEntry("materialized", "incremental");
        assertThat(scope.config().get("unique_key")).asList().containsExactly("a", "b");
        assertThat(scope.usedRefs()).containsExactly("stg_x");
        assertThat(scope.usedSources()).containsExactly("rainbow.orders");
    }

    @Test
    void isIncrementalThisVarAndTargetAreAvailable() {
        String template = """
                select {{ var('days') }}, {{ var('missing', 'fallback') }}, '{{ target.type }}'
                {% if is_incremental() %}from {{ this }}{% endif %}
                """;

        assertThat(renderer.render("m", template, scope(true)))
                .isEqualTo("select 3, fallback, 'duckdb'\nfrom \"marts\".\"me\"");
        assertThat(renderer.render("m", template, scope(false))).isEqualTo("select 3, fallback, 'duckdb'");
    }

    @Test
    void theLoadersColumnsAreNamedAsTheContractNamesThem() {
        assertThat(renderer.render("m", "select {{ load_columns.partition_date }}, {{ load_columns.loaded_at }}",
                scope(false))).isEqualTo("select " + RawLoadColumns.PARTITION_DATE + ", " + RawLoadColumns.LOADED_AT);
    }

    @Test
    void dependsOnHintsInCommentsAreRefsToo() {
        RenderScope scope = scope(false);
        renderer.render("m", "-- depends_on: {{ ref('dim_dates') }}\nselect 1", scope);

        assertThat(scope.usedRefs()).containsExactly("dim_dates");
    }

    @Test
    void unknownFunctionsAreErrorsNamingTheTemplate() {
        assertThatThrownBy(() -> renderer.render("models/marts/broken.sql", "select {{ nope('x') }}", scope(false)))
                .isInstanceOf(ModelRenderException.class)
                .hasMessageContaining("models/marts/broken.sql");
    }
}
