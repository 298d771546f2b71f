package org.rainbow.contracts.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rainbow.contracts.source.CatalogStatements.adding;
import static org.rainbow.contracts.source.CatalogStatements.differences;
import static org.rainbow.contracts.source.CatalogStatements.names;
import static org.rainbow.contracts.source.CatalogStatements.removing;
import static org.rainbow.contracts.source.CatalogStatements.withColumns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * warehouse-sql names the source tables twice: {@code sources.yml} lists their columns, and each staging model
 * selects columns of one of them. Both must agree with the catalog. Columns the layers add to a source table
 * start with an underscore and are not source columns: in {@code sources.yml}, the loaders' {@link RawLoadColumns}.
 */
class WarehouseSourcesTest {

    /** {@code {{ macro(source('rainbow', '<table>'), '<column>, <column>, ...') }}}: the form every staging model has. */
    private static final Pattern STAGING = Pattern.compile("source\\('rainbow',\\s*'(\\w+)'\\)\\s*,\\s*'([^']*)'");

    @Test
    void sourcesYmlListsTheCatalogsTablesAndColumns() throws IOException {
        assertThat(differences(names(RainbowTables.ALL), sourcesYml(), "sources.yml")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sourcesYmlListsTheLoadersColumnsOnEveryTable() throws IOException {
        Map<String, Object> rainbow = rainbowSource();

        assertThat(rainbow.get("loaded_at_field")).isEqualTo(RawLoadColumns.LOADED_AT);
        for (Map<String, Object> table : (List<Map<String, Object>>) rainbow.get("tables")) {
            assertThat(((List<String>) table.get("columns")).stream().filter(c -> c.startsWith("_")))
                    .as("%s's load columns", table.get("name")).containsExactlyElementsOf(RawLoadColumns.ALL);
        }
    }

    @Test
    void aColumnSourcesYmlLacksIsReported() throws IOException {
        List<CapturedTable> catalog = withColumns("orders", adding(Column.optional("channel", ColumnType.TEXT)));

        assertThat(differences(names(catalog), sourcesYml(), "sources.yml"))
                .containsExactly("in the catalog, not in sources.yml: orders.channel");
    }

    @Test
    void stagingModelsReadOnlyColumnsOfTheCatalog() throws IOException {
        Map<String, Set<String>> read = stagingModels();

        assertThat(read).hasSameSizeAs(RainbowTables.ALL);
        assertThat(unknownColumns(RainbowTables.ALL, read)).isEmpty();
    }

    @Test
    void aModelReadingAColumnTheCatalogLacksIsReported() throws IOException {
        List<CapturedTable> catalog = withColumns("order_details", removing("regular_price"));

        assertThat(unknownColumns(catalog, stagingModels()))
                .containsExactly("stg_order_details reads order_details.regular_price, which the catalog does not have");
    }

    /** The lines of {@link CatalogStatements#names} that {@code sources.yml}'s source {@code rainbow} states. */
    @SuppressWarnings("unchecked")
    private static Set<String> sourcesYml() throws IOException {
        Set<String> lines = new TreeSet<>();
        for (Map<String, Object> table : (List<Map<String, Object>>) rainbowSource().get("tables")) {
            lines.add((String) table.get("name"));
            ((List<String>) table.get("columns")).stream().filter(c -> !c.startsWith("_"))
                    .forEach(c -> lines.add(table.get("name") + "." + c));
        }
        return lines;
    }

    /** {@code sources.yml}'s source {@code rainbow}: the raw tables. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rainbowSource() throws IOException {
        Map<String, Object> yaml = new Yaml().load(read(new PathMatchingResourcePatternResolver()
                .getResource("classpath:warehouse-sql/sources.yml")));
        return ((List<Map<String, Object>>) yaml.get("sources")).stream()
                .filter(source -> source.get("name").equals("rainbow")).findFirst().orElseThrow();
    }

    /** Per staging model, the {@code <table>.<column>} it selects from its source. */
    private static Map<String, Set<String>> stagingModels() throws IOException {
        Map<String, Set<String>> models = new LinkedHashMap<>();
        for (Resource model : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:warehouse-sql/models/staging/stg_*.sql")) {
            String name = model.getFilename().replace(".sql", "");
            Matcher source = STAGING.matcher(read(model));
            assertThat(source.find()).as("%s selects columns of source('rainbow', ...) as a list", name).isTrue();
            Set<String> columns = new TreeSet<>();
            for (String column : source.group(2).split(",")) {
                columns.add(source.group(1) + "." + column.strip());
            }
            models.put(name, columns);
        }
        return models;
    }

    private static List<String> unknownColumns(List<CapturedTable> catalog, Map<String, Set<String>> models) {
        Set<String> known = names(catalog);
        List<String> unknown = new ArrayList<>();
        models.forEach((model, columns) -> columns.stream().filter(c -> !known.contains(c))
                .forEach(c -> unknown.add(model + " reads " + c + ", which the catalog does not have")));
        return unknown;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
