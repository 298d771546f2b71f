package org.rainbow.e2e;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.Column;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.speed.sink.ChangeRow;
import org.rainbow.speed.sink.SpeedTableWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes PostgreSQL rows into speed tables through speed-store's own writers, as the CDC stream would,
 * but with a chosen commit time. The boundary is about time: rows a test writes now must be able to stand
 * for changes committed days ago, which a live stream cannot fake (the stream itself is tested by
 * stream-bridge's SpeedLayerIT and the local-stack test).
 */
final class SpeedReplica {

    private final JdbcTemplate source;
    private final List<SpeedTableWriter> writers;
    private final AtomicLong version = new AtomicLong();

    SpeedReplica(JdbcTemplate source, List<SpeedTableWriter> writers) {
        this.source = source;
        this.writers = writers;
    }

    /** Every row of {@code table} matching {@code where}, committed when {@code committedAt} says. */
    void copy(String table, String where, Function<Object[], Instant> committedAt) {
        CapturedTable captured = RainbowTables.byName(table).orElseThrow();
        List<ChangeRow> rows = new ArrayList<>();
        for (Object[] values : read(captured, where)) {
            rows.add(new ChangeRow(captured, values, version.incrementAndGet(), false, committedAt.apply(values)));
        }
        writers.forEach(w -> w.write(captured, rows));
    }

    /**
     * Every change of a master-data table in PostgreSQL's row history (inserts and updates), in the order they were
     * made, each committed at its own {@code updated_at}: what the stream delivered since the table was created.
     */
    void copyHistory(String table) {
        CapturedTable captured = RainbowTables.byName(table).orElseThrow();
        List<ChangeRow> rows = new ArrayList<>();
        for (Object[] values : source.query("select * from history." + table + " where change_op <> 'D' order by change_seq",
                (rs, n) -> values(captured, rs))) {
            rows.add(new ChangeRow(captured, values, version.incrementAndGet(), false, asWritten(values)));
        }
        writers.forEach(w -> w.write(captured, rows));
    }

    /** The rows' current images, in {@link CapturedTable#columns()} order: what a delete would carry. */
    List<Object[]> read(CapturedTable table, String where) {
        return source.query("select * from public." + table.name() + " where " + where + " order by id",
                (rs, n) -> values(table, rs));
    }

    void deleted(String table, List<Object[]> beforeImages, Instant committedAt) {
        CapturedTable captured = RainbowTables.byName(table).orElseThrow();
        List<ChangeRow> rows = beforeImages.stream()
                .map(values -> new ChangeRow(captured, values, version.incrementAndGet(), true, committedAt)).toList();
        writers.forEach(w -> w.write(captured, rows));
    }

    /** The commit time a live stream would have seen for a row written at its own {@code updated_at}. */
    static Instant asWritten(Object[] values) {
        return (Instant) values[values.length - 1];
    }

    private static Object[] values(CapturedTable table, ResultSet rs) throws SQLException {
        Object[] values = new Object[table.columns().size()];
        for (int i = 0; i < values.length; i++) {
            Column column = table.columns().get(i);
            Object value = switch (column.type()) {
                case BIGINT -> rs.getObject(column.name(), Long.class);
                case INTEGER -> rs.getObject(column.name(), Integer.class);
                case TEXT -> rs.getString(column.name());
                case DECIMAL -> rs.getObject(column.name(), BigDecimal.class);
                case DATE -> rs.getObject(column.name(), LocalDate.class);
                case TIMESTAMP -> rs.getObject(column.name(), OffsetDateTime.class).toInstant();
            };
            values[i] = value;
        }
        return values;
    }
}
