package org.rainbow.e2e;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.rainbow.storage.export.BatchViews.Attribute;
import org.rainbow.serving.store.BatchTables;
import tools.jackson.databind.JsonNode;
import org.rainbow.storage.export.BatchViews;

/** One order line as {@code unified_sales_lines} lists it: attribute values in {@link Attribute} order. */
record SalesLine(long orderId, long orderLineId, LocalDate salesDate, Instant orderedAt, List<Object> attributes,
                 long salesQuantity, BigDecimal extendedSalesAmount, BigDecimal extendedDiscountAmount) {

    /** The line in the current row of {@code rs}, whose order time the engine's driver gives as {@code orderedAt}. */
    static SalesLine of(ResultSet rs, Instant orderedAt) throws SQLException {
        List<Object> attributes = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            attributes.add(attribute.type() == BatchViews.Type.BIGINT ? rs.getObject(attribute.column(), Long.class)
                    : rs.getString(attribute.column()));
        }
        return new SalesLine(rs.getLong("order_id"), rs.getLong("order_line_id"),
                rs.getObject("sales_date", LocalDate.class), orderedAt, attributes, rs.getLong("sales_quantity"),
                rs.getBigDecimal("extended_sales_amount").setScale(2), rs.getBigDecimal("extended_discount_amount").setScale(2));
    }

    /** The line in a row of ClickHouse's JSON output (64-bit integers quoted, times as {@code yyyy-MM-dd HH:mm:ss.SSSSSS}). */
    static SalesLine of(JsonNode row) {
        List<Object> attributes = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            JsonNode value = row.get(attribute.column());
            attributes.add(value.isNull() ? null : attribute.type() == BatchViews.Type.BIGINT
                    ? Long.valueOf(value.asString()) : value.asString());
        }
        return new SalesLine(Long.parseLong(row.get("order_id").asString()),
                Long.parseLong(row.get("order_line_id").asString()), LocalDate.parse(row.get("sales_date").asString()),
                LocalDateTime.parse(row.get("ordered_at").asString().replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                attributes, Long.parseLong(row.get("sales_quantity").asString()),
                new BigDecimal(row.get("extended_sales_amount").asString()).setScale(2),
                new BigDecimal(row.get("extended_discount_amount").asString()).setScale(2));
    }
}
