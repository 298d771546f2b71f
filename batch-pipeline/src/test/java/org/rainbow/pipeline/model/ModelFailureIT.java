package org.rainbow.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.duckdb.DuckDbWarehouse;

/** A project read from disk whose SQL breaks: the failing model keeps its old relation, downstream is skipped. */
class ModelFailureIT {

    @TempDir
    Path project;

    @TempDir
    Path data;

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = DuckDbWarehouse.open(data.resolve("warehouse.duckdb"));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private RunReport run() {
        SqlProject loaded = new SqlProjectLoader().load("file:" + project);
        return new ModelRunner(warehouse, loaded).run(RunRequest.all());
    }

    @Test
    void aModelWhoseSqlFailsKeepsItsTableAndStopsItsDescendantsOnly() throws IOException {
        write("macros/tests.sql", """
                {% macro test_positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% endmacro %}
                """);
        write("models/core/numbers.sql", "{{ config(materialized='table') }}\nselect 1 as n union all select 2");
        write("models/core/doubled.sql", "{{ config(materialized='table') }}\nselect n * 2 as n from {{ ref('numbers') }}");
        write("models/core/quadrupled.sql", "select n * 2 as n from {{ ref('doubled') }}");
        write("models/core/tripled.sql", "select n * 3 as n from {{ ref('numbers') }}");
        write("models/core/schema.yml", """
                models:
                  - name: doubled
                    columns:
                      - name: n
                        tests: [positive]
                """);
        assertThat(run().succeeded()).isTrue();

        write("models/core/doubled.sql", "{{ config(materialized='table') }}\nselect n * 2 as n from {{ ref('numbers') }} where no_such_column");
        RunReport report = run();

        assertThat(report.models()).extracting(ModelResult::model, ModelResult::status).containsExactly(
                tuple("numbers", ModelStatus.SUCCESS),
                tuple("doubled", ModelStatus.ERROR),
                tuple("quadrupled", ModelStatus.SKIPPED),
                tuple("tripled", ModelStatus.SUCCESS));
        assertThat(report.result("doubled").orElseThrow().message()).contains("no_such_column");
        assertThat(warehouse.query("select n from core.doubled order by n", 10).rows())
                .extracting(r -> r.get("n")).containsExactly(2, 4);
        assertThat(report.format()).contains("quadrupled: skipped: upstream doubled failed");
    }

    @Test
    void customGenericTestsFromMacrosRunAfterTheirModel() throws IOException {
        write("macros/tests.sql", """
                {% macro test_positive(model, column_name) %}select * from {{ model }} where {{ column_name }} <= 0{% endmacro %}
                """);
        write("models/core/numbers.sql", "{{ config(materialized='table') }}\nselect -1 as n union all select 2");
        write("models/core/later.sql", "select * from {{ ref('numbers') }}");
        write("models/core/schema.yml", """
                models:
                  - name: numbers
                    columns:
                      - name: n
                        tests: [positive]
                """);

        RunReport report = run();

        ModelResult numbers = report.result("numbers").orElseThrow();
        assertThat(numbers.status()).isEqualTo(ModelStatus.TEST_FAILED);
        assertThat(numbers.tests()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("positive_numbers_n");
            assertThat(t.failingRows()).containsExactly(Map.of("n", -1));
        });
        assertThat(report.result("later").orElseThrow().status()).isEqualTo(ModelStatus.SKIPPED);
        assertThat(warehouse.exists(new Relation("core", "later"))).isFalse();
        assertThat(List.of(report.format().split("\n"))).contains("    {n=-1}");
    }
}
