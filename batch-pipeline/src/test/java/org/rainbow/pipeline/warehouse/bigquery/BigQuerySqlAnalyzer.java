package org.rainbow.pipeline.warehouse.bigquery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.ErrorMessageMode;
import com.google.zetasql.ZetaSQLOptions.LanguageFeature;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.resolvedast.ResolvedCreateStatementEnums.CreateMode;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableAsSelectStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateViewBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedExportDataStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;

/**
 * BigQuery's SQL front end, offline: Google's ZetaSQL analyzer, which GoogleSQL (BigQuery's dialect) is built
 * on, set up like BigQuery. It resolves every name, function and type of a statement against the tables it
 * knows, and learns the table or view each CREATE makes, as BigQuery does running statements one after another.
 * The native analyzer ships inside the zetasql-jni-channel jar (Linux x86-64) and loads once per JVM, with the
 * first instance (a few seconds); each instance then reads the built-in functions once (under a second).
 */
final class BigQuerySqlAnalyzer {

    /** A column as BigQuery types it. */
    record Column(String name, Type type) {

        /** Its type as BigQuery names it: INT64, NUMERIC, STRING, ... */
        String typeName() {
            return type.typeName(ProductMode.PRODUCT_EXTERNAL);
        }
    }

    /** A statement ZetaSQL rejected: its first line, and ZetaSQL's reason with the position ([at line:column]). */
    static final class Rejected extends RuntimeException {

        private final String statement;
        private final String reason;

        Rejected(String statement, String reason) {
            super(statement + "\n" + reason, null, false, false);
            this.statement = statement;
            this.reason = reason;
        }

        String statement() {
            return statement;
        }

        String reason() {
            return reason;
        }
    }

    private static final LanguageOptions BIGQUERY = bigQuery();

    private final SimpleCatalog catalog = new SimpleCatalog("bigquery");
    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private final AnalyzerOptions options = new AnalyzerOptions();

    BigQuerySqlAnalyzer() {
        options.setLanguageOptions(BIGQUERY);
        options.setErrorMessageMode(ErrorMessageMode.ERROR_MESSAGE_MULTI_LINE_WITH_CARET);
        catalog.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(BIGQUERY));
    }

    /**
     * Every feature ZetaSQL has, in BigQuery's product mode (its type names and types: INT64, FLOAT64, NUMERIC;
     * no INT32, UINT64, FLOAT or PROTO), less the types BigQuery lacks, so SQL using them fails here as there.
     */
    private static LanguageOptions bigQuery() {
        LanguageOptions language = new LanguageOptions().enableMaximumLanguageFeatures();
        language.setSupportsAllStatementKinds();
        language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        Set<LanguageFeature> features = EnumSet.noneOf(LanguageFeature.class);
        features.addAll(language.serialize().getEnabledLanguageFeaturesList());
        // BigQuery keeps microseconds: TIMESTAMP has no nanosecond or picosecond precision.
        features.remove(LanguageFeature.FEATURE_TIMESTAMP_NANOS);
        features.remove(LanguageFeature.FEATURE_TIMESTAMP_PICO_TYPE);
        // No MAP or UUID column types in BigQuery.
        features.remove(LanguageFeature.FEATURE_V_1_4_MAP_TYPE);
        features.remove(LanguageFeature.FEATURE_V_1_4_UUID_TYPE);
        language.setEnabledLanguageFeatures(features);
        return language;
    }

    /** Declares a table by the name statements give it, e.g. {@code rainbow-prod.raw.orders} (no backquotes). */
    void declare(String name, List<Column> columns) {
        String key = name.toLowerCase();
        if (tables.containsKey(key)) {
            catalog.removeSimpleTable(key);
        }
        SimpleTable table = new SimpleTable(name);
        columns.forEach(c -> table.addSimpleColumn(c.name(), c.type()));
        catalog.addSimpleTable(key, table);
        tables.put(key, List.copyOf(columns));
    }

    /** The columns of a declared (or created) table; empty when it is unknown. */
    List<Column> columns(String name) {
        return tables.getOrDefault(name.toLowerCase(), List.of());
    }

    /**
     * Analyzes {@code sql}, one statement or a script of several separated by semicolons, statement by
     * statement; a CREATE TABLE or VIEW declares its relation for the statements after it.
     *
     * @return the resolved statements, in order
     * @throws Rejected naming the rejected statement, the position and ZetaSQL's reason
     */
    List<ResolvedStatement> analyze(String sql) {
        List<ResolvedStatement> resolved = new ArrayList<>();
        byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
        ParseResumeLocation location = new ParseResumeLocation(sql);
        while (!rest(utf8, location).isBlank()) {
            String statement = rest(utf8, location).stripLeading().lines().findFirst().orElse("");
            try {
                ResolvedStatement next = Analyzer.analyzeNextStatement(location, options, catalog);
                declareCreated(next);
                resolved.add(next);
            } catch (SqlException e) {
                throw new Rejected(statement, e.getMessage());
            }
        }
        return resolved;
    }

    /** The columns a query, CREATE ... AS SELECT or EXPORT DATA statement outputs. */
    static List<Column> outputColumns(ResolvedStatement statement) {
        List<ResolvedOutputColumn> columns;
        if (statement instanceof ResolvedQueryStmt query) {
            columns = query.getOutputColumnList();
        } else if (statement instanceof ResolvedCreateTableAsSelectStmt table) {
            columns = table.getOutputColumnList();
        } else if (statement instanceof ResolvedCreateViewBase view) {
            columns = view.getOutputColumnList();
        } else if (statement instanceof ResolvedExportDataStmt export) {
            columns = export.getOutputColumnList();
        } else {
            throw new IllegalArgumentException("no output columns: " + statement.nodeKindString());
        }
        return columns.stream().map(c -> new Column(c.getName(), c.getColumn().getType())).toList();
    }

    /** As BigQuery: CREATE OR REPLACE and CREATE define the relation; CREATE IF NOT EXISTS keeps one that exists. */
    private void declareCreated(ResolvedStatement statement) {
        if (statement instanceof ResolvedCreateTableAsSelectStmt || statement instanceof ResolvedCreateViewBase) {
            ResolvedCreateStatement create = (ResolvedCreateStatement) statement;
            String name = String.join(".", create.getNamePath());
            if (create.getCreateMode() != CreateMode.CREATE_IF_NOT_EXISTS || columns(name).isEmpty()) {
                declare(name, outputColumns(statement));
            }
        }
    }

    /** What is left to analyze: ZetaSQL resumes at a byte offset of the UTF-8 text. */
    private static String rest(byte[] utf8, ParseResumeLocation location) {
        int from = Math.min(location.getBytePosition(), utf8.length);
        return new String(utf8, from, utf8.length - from, StandardCharsets.UTF_8);
    }
}
