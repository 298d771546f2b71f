package org.rainbow.pipeline.warehouse.bigquery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLType.TypeKind;
import org.rainbow.pipeline.warehouse.bigquery.BigQuerySqlAnalyzer.Column;

/**
 * The table a BigQuery load job makes of a Parquet file when no schema is given (the adapter gives none): its
 * columns in file order, typed by BigQuery's Parquet conversions. The file's schema is read with DuckDB, the
 * engine that wrote it.
 */
final class ParquetLoadSchema {

    /** BigQuery's default decimal target: NUMERIC holds 29 integer digits and 9 decimals. */
    private static final int NUMERIC_INTEGER_DIGITS = 29;
    private static final int NUMERIC_SCALE = 9;

    private ParquetLoadSchema() {
    }

    static List<Column> of(Path parquet) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement schema = duckDb.prepareStatement("select name, type, converted_type, precision, scale "
                     + "from parquet_schema(?) where num_children is null or num_children = 0")) {
            schema.setString(1, parquet.toString());
            try (ResultSet rows = schema.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString("name");
                    columns.add(new Column(name, bigQueryType(name, rows.getString("type"),
                            rows.getString("converted_type"), rows.getInt("precision"), rows.getInt("scale"))));
                }
            }
        }
        return columns;
    }

    private static Type bigQueryType(String column, String physical, String converted, int precision, int scale) {
        TypeKind kind;
        if ("DECIMAL".equals(converted)) {
            if (precision - scale > NUMERIC_INTEGER_DIGITS || scale > NUMERIC_SCALE) {
                throw new IllegalStateException(column + ": DECIMAL(" + precision + "," + scale
                        + ") does not fit NUMERIC, the load job would fail");
            }
            kind = TypeKind.TYPE_NUMERIC;
        } else if (converted != null) {
            kind = switch (converted) {
                case "UTF8" -> TypeKind.TYPE_STRING;
                case "DATE" -> TypeKind.TYPE_DATE;
                // The extract's UTC wall-clock TIMESTAMP: DuckDB marks it TIMESTAMP_MICROS, which BigQuery loads as TIMESTAMP.
                case "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS" -> TypeKind.TYPE_TIMESTAMP;
                case "INT_8", "INT_16", "INT_32", "INT_64" -> TypeKind.TYPE_INT64;
                default -> throw noConversion(column, physical + " " + converted);
            };
        } else {
            kind = switch (physical) {
                case "BOOLEAN" -> TypeKind.TYPE_BOOL;
                case "INT32", "INT64" -> TypeKind.TYPE_INT64;
                case "FLOAT", "DOUBLE" -> TypeKind.TYPE_DOUBLE;
                case "BYTE_ARRAY" -> TypeKind.TYPE_BYTES;
                default -> throw noConversion(column, physical);
            };
        }
        return TypeFactory.createSimpleType(kind);
    }

    private static IllegalStateException noConversion(String column, String parquetType) {
        return new IllegalStateException(column + ": no BigQuery load conversion known for Parquet " + parquetType);
    }
}
