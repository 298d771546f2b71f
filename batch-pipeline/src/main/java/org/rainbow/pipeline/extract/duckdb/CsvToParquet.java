package org.rainbow.pipeline.extract.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.rainbow.pipeline.extract.SourceColumn;

/**
 * Turns a CSV file as PostgreSQL's {@code COPY ... (FORMAT csv, HEADER)} writes it into a Parquet file with
 * the given column types, in a throwaway in-memory DuckDB: money stays exact decimals, timestamps plain
 * (UTC wall-clock) {@code TIMESTAMP}, an unquoted empty field is {@code NULL} and a quoted one an empty string.
 * This adapter's one DuckDB opener: typed as DuckDB's connection, so that {@code EngineIsolationTest} sees it.
 */
public final class CsvToParquet {

    private CsvToParquet() {
    }

    /** Returns the rows written; a header-only CSV gives an empty file with the schema. */
    public static long convert(Path csv, List<SourceColumn> columns, Path parquet) throws SQLException {
        String types = columns.stream().map(c -> "'" + c.name() + "': '" + c.type() + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        try (DuckDBConnection duckDb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duckDb.createStatement()) {
            sql.execute("set TimeZone = 'UTC'");
            return sql.executeUpdate("copy (select * from read_csv(" + literal(csv) + ", header = true, auto_detect = false, "
                    + "delim = ',', quote = '\"', escape = '\"', allow_quoted_nulls = false, columns = " + types + ")) to "
                    + literal(parquet) + " (format parquet, compression snappy)");
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
