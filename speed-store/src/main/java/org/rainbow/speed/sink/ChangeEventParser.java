package org.rainbow.speed.sink;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rainbow.contracts.source.CapturedTable;
import org.rainbow.contracts.source.Column;
import org.rainbow.contracts.source.RainbowTables;
import org.rainbow.speed.topic.SpeedTopics;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Debezium's JSON change events (no schemas; decimals as strings, {@code timestamptz} as ISO-8601,
 * {@code date} as days since 1970-01-01) into {@link ChangeRow}s. Anything else is a {@link PoisonMessageException}.
 */
@Component
public class ChangeEventParser {

    private final JsonMapper json = JsonMapper.builder().build();
    private final String topicPrefix;

    public ChangeEventParser(SpeedTopics topics) {
        this.topicPrefix = topics.prefix() + ".public.";
    }

    public ChangeRow parse(String topic, String value) {
        CapturedTable table = topic.startsWith(topicPrefix)
                ? RainbowTables.byName(topic.substring(topicPrefix.length())).orElse(null) : null;
        if (table == null) {
            throw new PoisonMessageException("topic " + topic + " is not a captured table");
        }
        if (value == null) {
            throw new PoisonMessageException("empty message (tombstone)");
        }
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (JacksonException e) {
            throw new PoisonMessageException("not JSON: " + e.getOriginalMessage(), e);
        }
        String op = event.path("op").asString("");
        boolean deleted = op.equals("d");
        if (!List.of("c", "u", "d", "r").contains(op)) {
            throw new PoisonMessageException("unknown operation '" + op + "'");
        }
        JsonNode row = event.path(deleted ? "before" : "after");
        JsonNode source = event.path("source");
        if (!row.isObject() || !source.path("lsn").isIntegralNumber() || !source.path("ts_ms").isIntegralNumber()) {
            throw new PoisonMessageException("missing " + (deleted ? "before" : "after") + ", source.lsn or source.ts_ms");
        }
        List<Column> columns = table.columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(columns.get(i), row.path(columns.get(i).name()));
        }
        return new ChangeRow(table, values, source.path("lsn").asLong(), deleted,
                Instant.ofEpochMilli(source.path("ts_ms").asLong()));
    }

    private static Object value(Column column, JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            if (column.nullable()) {
                return null;
            }
            throw new PoisonMessageException("column " + column.name() + " is missing or null");
        }
        try {
            return switch (column.type()) {
                case BIGINT -> requireIntegral(node, column).asLong();
                case INTEGER -> requireIntegral(node, column).asInt();
                case TEXT -> requireString(node, column);
                case DECIMAL -> decimal(node, column);
                case DATE -> LocalDate.ofEpochDay(requireIntegral(node, column).asLong());
                case TIMESTAMP -> Instant.parse(requireString(node, column));
            };
        } catch (RuntimeException e) {
            if (e instanceof PoisonMessageException poison) {
                throw poison;
            }
            throw new PoisonMessageException("column " + column.name() + ": cannot read " + node, e);
        }
    }

    private static BigDecimal decimal(JsonNode node, Column column) {
        BigDecimal decimal = new BigDecimal(requireString(node, column));
        if (decimal.scale() > column.scale() || decimal.precision() - decimal.scale() > column.precision() - column.scale()) {
            throw new PoisonMessageException("column " + column.name() + ": " + decimal + " does not fit numeric("
                    + column.precision() + "," + column.scale() + ")");
        }
        return decimal;
    }

    private static JsonNode requireIntegral(JsonNode node, Column column) {
        if (!node.isIntegralNumber()) {
            throw new PoisonMessageException("column " + column.name() + ": expected an integer, got " + node);
        }
        return node;
    }

    private static String requireString(JsonNode node, Column column) {
        if (!node.isString()) {
            throw new PoisonMessageException("column " + column.name() + ": expected a string, got " + node);
        }
        return node.asString();
    }
}
