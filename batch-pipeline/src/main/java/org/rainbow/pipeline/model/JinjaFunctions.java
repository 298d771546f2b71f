package org.rainbow.pipeline.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * dbt's Jinja functions for Jinjava, which calls static methods: each finds the {@link RenderScope} of the
 * template being rendered in the interpreter's context.
 */
final class JinjaFunctions {

    static final String SCOPE = "__rainbow_scope";

    private JinjaFunctions() {
    }

    public static String ref(String model) {
        return scope().ref(model);
    }

    public static String source(String source, String table) {
        return scope().source(source, table);
    }

    public static Object var(Object... arguments) {
        if (arguments.length == 0 || arguments.length > 2) {
            throw new IllegalArgumentException("var(name[, default]) takes one or two arguments");
        }
        return scope().var(String.valueOf(arguments[0]), arguments.length == 2 ? arguments[1] : null);
    }

    public static boolean isIncremental() {
        return scope().incremental();
    }

    /** {@code config(materialized='table', unique_key='id')}: Jinjava passes keyword arguments as NamedParameters. */
    public static String config(Object... arguments) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Object argument : arguments) {
            if (!(argument instanceof NamedParameter named)) {
                throw new IllegalArgumentException("config() takes keyword arguments only, got " + argument);
            }
            settings.put(named.getName(), named.getValue());
        }
        scope().config(settings);
        return "";
    }

    private static RenderScope scope() {
        return (RenderScope) JinjavaInterpreter.getCurrent().getContext().get(SCOPE);
    }
}
