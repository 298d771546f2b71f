package org.rainbow.pipeline.model;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;

import org.rainbow.contracts.source.RawLoadColumns;

/** Renders model and test templates with the project's macros and dbt's functions. */
public final class JinjaRenderer {

    /** {@code load_columns.partition_date}, {@code load_columns.loaded_at}: the loaders' columns, for staging. */
    private static final Map<String, String> LOAD_COLUMNS = Map.of(
            "partition_date", RawLoadColumns.PARTITION_DATE, "loaded_at", RawLoadColumns.LOADED_AT);

    private final Jinjava jinjava;
    private final String macros;

    public JinjaRenderer(String macros) {
        this.macros = macros;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withFailOnUnknownTokens(true)
                .build());
        register("ref", "ref", String.class);
        register("source", "source", String.class, String.class);
        register("var", "var", Object[].class);
        register("is_incremental", "isIncremental");
        register("config", "config", Object[].class);
    }

    private void register(String name, String method, Class<?>... parameters) {
        jinjava.getGlobalContext().registerFunction(
                new ELFunctionDefinition("", name, JinjaFunctions.class, method, parameters));
    }

    /** Renders {@code template} (named {@code name} in errors) in {@code scope}. */
    public String render(String name, String template, RenderScope scope) {
        Map<String, Object> bindings = new HashMap<>();
        bindings.put(JinjaFunctions.SCOPE, scope);
        bindings.put("this", scope.self());
        bindings.put("target", Map.of("type", scope.targetType()));
        bindings.put("load_columns", LOAD_COLUMNS);
        // Macro definitions render to nothing, so prefixing them makes every macro callable from the template.
        RenderResult result = jinjava.renderForResult(macros + "\n" + template, bindings);
        if (result.hasErrors()) {
            String errors = result.getErrors().stream()
                    .map(JinjaRenderer::describe)
                    .collect(Collectors.joining("; "));
            throw new ModelRenderException(name + ": " + errors);
        }
        return result.getOutput().strip();
    }

    private static String describe(TemplateError error) {
        Throwable cause = error.getException();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return error.getMessage() + (cause != null && cause.getMessage() != null
                && !error.getMessage().contains(cause.getMessage()) ? " (" + cause.getMessage() + ")" : "");
    }
}
