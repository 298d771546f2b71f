package org.rainbow.speed.sink.clickhouse;

import static org.rainbow.contracts.speed.SpeedColumns.COMMITTED_AT;
import static org.rainbow.contracts.speed.SpeedColumns.DELETED;
import static org.rainbow.contracts.speed.SpeedColumns.VERSION;
import static org.rainbow.contracts.speed.SpeedColumns.WRITTEN_AT;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.Column;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.speed.ServingStoreProperties;
import org.rainbow.speed.sink.ChangeRow;
import org.rainbow.speed.sink.SpeedTableWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends every change as a row of {@code <database>.<table>}, a {@code ReplacingMergeTree} whose version is
 * the source LSN and whose {@code _deleted} flag drops deleted keys: a redelivered change merges into the
 * same row, so counting with {@code FINAL} never double-counts. Master data's changes also go to
 * {@code <database>.<table>_versions}, which keeps one row per version.
 */
public class ClickHouseSpeedTableWriter implements SpeedTableWriter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSpeedTableWriter.class);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private static final ClickHouseTypes TYPES = new ClickHouseTypes();
    private static final String COMMITTED_INDEX = "committed_minmax " + COMMITTED_AT + " TYPE minmax GRANULARITY 1";

    private final Client client;
    private final String database;
    private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public ClickHouseSpeedTableWriter(ServingStoreProperties.ClickHouse settings) throws Exception {
        this.database = settings.speedDatabase();
        this.client = new Client.Builder().addEndpoint(settings.url()).setUsername(settings.user())
                .setPassword(settings.password()).build();
        createMissingTables();
        log.info("speed tables ready in ClickHouse {} database {}", settings.url(), database);
    }

    /**
     * Creates the tables and indexes that are not there yet, asking once what is: a restarted sink (after a crash,
     * under load) is back sooner than with a statement per table and index.
     */
    private void createMissingTables() throws Exception {
        client.execute("CREATE DATABASE IF NOT EXISTS " + database).get(60, TimeUnit.SECONDS).close();
        Set<String> existing = new HashSet<>();
        client.queryAll("SELECT name FROM system.tables WHERE database = '" + database + "' UNION ALL SELECT concat(table, '.', "
                + "name) AS name FROM system.data_skipping_indices WHERE database = '" + database + "'")
                .forEach(row -> existing.add(row.getString("name")));
        for (CapturedTable table : RainbowTables.ALL) {
            if (!existing.contains(table.name())) {
                execute(createTable(table));
            }
            for (String index : indexes(table)) {
                if (!existing.contains(table.name() + "." + index.substring(0, index.indexOf(' ')))) {
                    execute("ALTER TABLE " + database + "." + table.name() + " ADD INDEX IF NOT EXISTS " + index);
                }
            }
            if (table.versioned() && !existing.contains(table.versionsTable())) {
                execute(createVersionsTable(table));
            }
        }
    }

    private void execute(String statement) throws Exception {
        client.execute(statement).get(60, TimeUnit.SECONDS).close();
    }

    /** The versions first: a failure in between leaves versions that the retried batch writes again, harmlessly. */
    @Override
    public void write(CapturedTable table, List<ChangeRow> rows) {
        if (table.versioned()) {
            // A delete repeats the last version's image: it adds no version.
            insert(table.versionsTable(), table, rows.stream().filter(r -> !r.deleted()).toList(), false);
        }
        insert(table.name(), table, rows, true);
    }

    private void insert(String target, CapturedTable table, List<ChangeRow> rows, boolean deletedFlag) {
        if (rows.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(rows.size() * 256);
        List<Column> columns = table.columns();
        for (ChangeRow row : rows) {
            ObjectNode node = json.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                put(node, columns.get(i).name(), row.values()[i]);
            }
            node.put(VERSION, row.version());
            if (deletedFlag) {
                node.put(DELETED, row.deleted() ? 1 : 0);
            }
            node.put(COMMITTED_AT, MICROS.format(row.committedAt()));
            json.writeValue(body, node);
            body.write('\n');
        }
        try {
            client.insert(database + "." + target, new ByteArrayInputStream(body.toByteArray()),
                    ClickHouseFormat.JSONEachRow).get(2, TimeUnit.MINUTES).close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("ClickHouse insert into " + database + "." + target + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Map<String, Object>> find(CapturedTable table, long key) {
        return client.queryAll("SELECT * FROM " + database + "." + table.name() + " FINAL WHERE " + CapturedTable.KEY
                + " = " + key).stream().findFirst().map(record -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    record.getValues().forEach((name, value) -> row.put(name,
                            value == null || value instanceof Number ? value : value.toString()));
                    return row;
                });
    }

    @Override
    public void close() {
        client.close();
    }

    private static void put(ObjectNode node, String name, Object value) {
        if (value == null) {
            node.putNull(name);
        } else if (value instanceof Long l) {
            node.put(name, l);
        } else if (value instanceof Integer i) {
            node.put(name, i);
        } else if (value instanceof BigDecimal d) {
            node.put(name, d);
        } else if (value instanceof Instant t) {
            node.put(name, MICROS.format(t));
        } else {
            node.put(name, value.toString()); // String, and LocalDate as yyyy-MM-dd
        }
    }

    private static String sourceColumns(CapturedTable table) {
        return table.columns().stream()
                .map(c -> c.name() + " " + TYPES.of(c))
                .collect(Collectors.joining(", "));
    }

    /**
     * Every version of a versioned table's rows, one per {@code (id, updated_at)} once merged (a redelivered change
     * merges into its version). Serving reads the versions committed since its watermark, and compaction deletes the
     * older ones, by the commit-time index.
     */
    private String createVersionsTable(CapturedTable table) {
        return "CREATE TABLE IF NOT EXISTS " + database + "." + table.versionsTable() + " (" + sourceColumns(table)
                + ", " + VERSION + " " + ClickHouseTypes.UNSIGNED_BIGINT + ", " + COMMITTED_AT + " "
                + TYPES.timestamp() + ", " + WRITTEN_AT + " " + TYPES.timestamp()
                + " DEFAULT now64(6), INDEX " + COMMITTED_INDEX + ")"
                + " ENGINE = ReplacingMergeTree(" + VERSION + ") ORDER BY (" + CapturedTable.KEY + ", "
                + CapturedTable.VERSION_TIME + ")";
    }

    private String createTable(CapturedTable table) {
        return "CREATE TABLE IF NOT EXISTS " + database + "." + table.name() + " (" + sourceColumns(table)
                + ", " + VERSION + " " + ClickHouseTypes.UNSIGNED_BIGINT + ", " + DELETED + " " + ClickHouseTypes.FLAG
                + ", " + COMMITTED_AT + " " + TYPES.timestamp() + ", " + WRITTEN_AT + " "
                + TYPES.timestamp() + " DEFAULT now64(6))"
                + " ENGINE = ReplacingMergeTree(" + VERSION + ", " + DELETED + ") ORDER BY " + CapturedTable.KEY;
    }

    /**
     * Rows arrive in commit order, so minmax indexes over the commit time and an order line's order skip most
     * granules when serving looks up what changed since the watermark, and the lines of those orders.
     */
    private static List<String> indexes(CapturedTable table) {
        List<String> indexes = new ArrayList<>(List.of(COMMITTED_INDEX));
        if (table.columns().stream().anyMatch(c -> c.name().equals("order_id"))) {
            indexes.add("order_minmax order_id TYPE minmax GRANULARITY 1");
        }
        return indexes;
    }
}
