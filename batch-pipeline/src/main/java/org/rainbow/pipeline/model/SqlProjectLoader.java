package org.rainbow.pipeline.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rainbow.pipeline.model.SqlProject.ModelSource;
import org.rainbow.pipeline.model.SqlProject.TestSource;
import org.rainbow.pipeline.warehouse.Relation;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a dbt-style project: {@code models/**.sql}, {@code models/**.yml} (generic tests per column),
 * {@code tests/*.sql}, {@code macros/*.sql} and {@code sources.yml}, from a Spring resource location such
 * as {@code classpath:warehouse-sql} (the warehouse-sql jar) or {@code file:/path/to/project}.
 */
public final class SqlProjectLoader {

    /** The project shipped by the warehouse-sql module. */
    public static final String BUNDLED = "classpath:warehouse-sql";

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public SqlProject load(String location) {
        try {
            String root = location.endsWith("/") ? location : location + "/";
            List<ModelSource> models = new ArrayList<>();
            for (Resource file : files(root + "models/**/*.sql")) {
                String path = relativePath(file, "/models/");
                String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.sql$", "");
                String schema = path.contains("/") ? path.substring(0, path.indexOf('/')) : "main";
                models.add(new ModelSource(name, "models/" + path, schema, read(file)));
            }
            List<TestSource> tests = new ArrayList<>();
            for (Resource file : files(root + "tests/*.sql")) {
                tests.add(new TestSource(file.getFilename().replaceFirst("\\.sql$", ""), read(file), null));
            }
            for (Resource file : files(root + "models/**/*.yml")) {
                tests.addAll(GenericTests.declaredIn(new Yaml().load(read(file))));
            }
            String macros = files(root + "macros/*.sql").stream().map(SqlProjectLoader::read)
                    .collect(Collectors.joining("\n"));
            return new SqlProject(models, tests, macros, sources(root + "sources.yml"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the SQL project at " + location, e);
        }
    }

    private List<Resource> files(String pattern) throws IOException {
        List<Resource> files = new ArrayList<>(List.of(resolver.getResources(pattern)));
        files.removeIf(r -> !r.isReadable());
        files.sort(Comparator.comparing(r -> describe(r)));
        return files;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Relation> sources(String location) {
        Resource file = resolver.getResource(location);
        if (!file.exists()) {
            return Map.of();
        }
        Map<String, Object> yaml = new Yaml().load(read(file));
        Map<String, Relation> sources = new LinkedHashMap<>();
        for (Map<String, Object> source : (List<Map<String, Object>>) yaml.getOrDefault("sources", List.of())) {
            String name = (String) source.get("name");
            String schema = (String) source.getOrDefault("schema", name);
            for (Map<String, Object> table : (List<Map<String, Object>>) source.getOrDefault("tables", List.of())) {
                String tableName = (String) table.get("name");
                String identifier = (String) table.getOrDefault("identifier", tableName);
                sources.put(name + "." + tableName, new Relation(schema, identifier));
            }
        }
        return sources;
    }

    private static String relativePath(Resource file, String marker) {
        String url = describe(file);
        return url.substring(url.lastIndexOf(marker) + marker.length());
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private static String read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + describe(file), e);
        }
    }
}
