package org.rainbow.pipeline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rainbow.pipeline.model.SqlProject.TestSource;

/**
 * Turns the {@code tests:} declared per column in a models YAML file into test templates calling the
 * project's {@code test_<name>} macros, e.g. {@code relationships: {to: "ref('dim_dates')", field: date_key}}
 * becomes {@code {{ test_relationships(model=ref('fact_sales'), column_name='date_key', to=ref('dim_dates'), field='date_key') }}}.
 */
final class GenericTests {

    private GenericTests() {
    }

    @SuppressWarnings("unchecked")
    static List<TestSource> declaredIn(Map<String, Object> yaml) {
        List<TestSource> tests = new ArrayList<>();
        if (yaml == null) {
            return tests;
        }
        for (Map<String, Object> model : (List<Map<String, Object>>) yaml.getOrDefault("models", List.of())) {
            String modelName = (String) model.get("name");
            for (Map<String, Object> column : (List<Map<String, Object>>) model.getOrDefault("columns", List.of())) {
                String columnName = (String) column.get("name");
                for (Object test : (List<Object>) column.getOrDefault("tests", List.of())) {
                    tests.add(call(modelName, columnName, test));
                }
            }
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static TestSource call(String model, String column, Object declaration) {
        String testName;
        Map<String, Object> arguments;
        if (declaration instanceof String name) {
            testName = name;
            arguments = Map.of();
        } else if (declaration instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<String, Object> entry = ((Map<String, Object>) map).entrySet().iterator().next();
            testName = entry.getKey();
            arguments = entry.getValue() == null ? Map.of() : (Map<String, Object>) entry.getValue();
        } else {
            throw new IllegalArgumentException("cannot read test " + declaration + " of " + model + "." + column);
        }
        String extra = arguments.entrySet().stream()
                .map(e -> ", " + e.getKey() + "=" + literal(e.getValue()))
                .collect(Collectors.joining());
        String template = "{{ test_" + testName + "(model=ref('" + model + "'), column_name='" + column + "'"
                + extra + ") }}";
        return new TestSource(testName + "_" + model + "_" + column, template, model);
    }

    /** YAML values become Jinja literals; strings that are ref()/source() calls stay expressions. */
    private static String literal(Object value) {
        if (value instanceof String s) {
            return s.startsWith("ref(") || s.startsWith("source(") ? s : "'" + s.replace("'", "\\'") + "'";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GenericTests::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
