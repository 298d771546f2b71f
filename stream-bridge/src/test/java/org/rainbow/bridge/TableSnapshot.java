package org.rainbow.bridge;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.Column;
import org.rainbow.engines.clickhouse.LocalClickHouse;

/**
 * The live rows of a table as comparable text, one line per row ordered by key, read from PostgreSQL, a DuckDB
 * speed table or a ClickHouse speed table. Values are normalised by column type (decimals at their scale,
 * timestamps as instants), so equal lines mean equal values, to the cent and the microsecond.
 */
final class TableSnapshot {

    private TableSnapshot() {
    }

    static List<String> postgres(Connection connection, CapturedTable table) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET TIME ZONE 'UTC'");
        }
        return jdbc(connection, table, "SELECT " + columnList(table) + " FROM public." + table.name() + " ORDER BY id");
    }

    /** Every version of a row PostgreSQL's row history recorded (deletes add none), ordered by key and time. */
    static List<String> postgresVersions(Connection connection, CapturedTable table) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET TIME ZONE 'UTC'");
        }
        return jdbc(connection, table, "SELECT DISTINCT ON (id, updated_at) " + columnList(table) + " FROM history."
                + table.name() + " WHERE change_op <> 'D' ORDER BY id, updated_at, change_seq DESC");
    }

    static List<String> duckDbVersions(Connection connection, CapturedTable table) throws SQLException {
        return jdbc(connection, table, "SELECT " + columnList(table) + " FROM speed." + table.versionsTable()
                + " ORDER BY id, updated_at");
    }

    static List<String> clickHouseVersions(LocalClickHouse clickHouse, String database, CapturedTable table) {
        return tsv(table, clickHouse.query("SELECT " + columnList(table) + " FROM " + database + "."
                + table.versionsTable() + " FINAL ORDER BY id, updated_at FORMAT TSV"));
    }

    static List<String> duckDb(Connection connection, CapturedTable table) throws SQLException {
        return jdbc(connection, table, "SELECT " + columnList(table) + " FROM speed." + table.name()
                + " WHERE NOT _deleted ORDER BY id");
    }

    static List<String> clickHouse(LocalClickHouse clickHouse, String database, CapturedTable table) {
        return tsv(table, clickHouse.query("SELECT " + columnList(table) + " FROM " + database + "." + table.name()
                + " FINAL ORDER BY id FORMAT TSV"));
    }

    private static List<String> tsv(CapturedTable table, String tsv) {
        List<String> lines = new ArrayList<>();
        for (String line : tsv.isEmpty() ? new String[0] : tsv.split("\n")) {
            String[] fields = line.split("\t", -1);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                values.add(normalise(table.columns().get(i), fields[i].equals("\\N") ? null : fields[i]));
            }
            lines.add(String.join("|", values));
        }
        return lines;
    }

    private static List<String> jdbc(Connection connection, CapturedTable table, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    values.add(normalise(table.columns().get(i), rows.getString(i + 1)));
                }
                lines.add(String.join("|", values));
            }
        }
        return lines;
    }

    private static String columnList(CapturedTable table) {
        return table.columns().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String normalise(Column column, String text) {
        if (text == null) {
            return "NULL";
        }
        return switch (column.type()) {
            case DECIMAL -> new BigDecimal(text).setScale(column.scale()).toPlainString();
            case TIMESTAMP -> timestamp(text).toString();
            default -> text;
        };
    }

    /** Accepts "2026-01-02 03:04:05.123456", with or without fraction and a "+00" zone suffix. */
    private static Instant timestamp(String text) {
        String iso = text.replace(' ', 'T');
        if (iso.endsWith("+00")) {
            iso = iso.substring(0, iso.length() - 3);
        }
        return Instant.parse(iso + "Z");
    }
}
