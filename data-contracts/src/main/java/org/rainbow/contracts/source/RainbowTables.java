package org.rainbow.contracts.source;

import static org.rainbow.contracts.source.Column.decimal;
import static org.rainbow.contracts.source.Column.optional;
import static org.rainbow.contracts.source.Column.required;
import static org.rainbow.contracts.source.ColumnType.BIGINT;
import static org.rainbow.contracts.source.ColumnType.DATE;
import static org.rainbow.contracts.source.ColumnType.INTEGER;
import static org.rainbow.contracts.source.ColumnType.TEXT;
import static org.rainbow.contracts.source.ColumnType.TIMESTAMP;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The source tables, column for column as rainbow-api's migrations create them (held to them by
 * {@code SourceSchemaIT}), in dependency order: a table comes after the tables it references. Master data keeps
 * its versions.
 */
public final class RainbowTables {

    public static final List<CapturedTable> ALL = List.of(
            new CapturedTable("payments", List.of(required("id", BIGINT), required("method", TEXT),
                    required("created_at", TIMESTAMP), required("updated_at", TIMESTAMP)), true),
            new CapturedTable("sellers", List.of(required("id", BIGINT), required("name", TEXT),
                    optional("city", TEXT), required("created_at", TIMESTAMP), required("updated_at", TIMESTAMP)), true),
            new CapturedTable("customers", List.of(required("id", BIGINT), required("first_name", TEXT),
                    required("last_name", TEXT), required("email", TEXT), optional("phone", TEXT),
                    optional("city", TEXT), required("created_at", TIMESTAMP), required("updated_at", TIMESTAMP)), true),
            new CapturedTable("products", List.of(required("id", BIGINT), required("seller_id", BIGINT),
                    required("name", TEXT), required("category", TEXT), decimal("price", 10, 2),
                    required("created_at", TIMESTAMP), required("updated_at", TIMESTAMP)), true),
            new CapturedTable("promotions", List.of(required("id", BIGINT), required("name", TEXT),
                    required("discount_type", TEXT), decimal("discount_value", 10, 2), required("start_date", DATE),
                    required("end_date", DATE), optional("usage_limit", INTEGER), required("usage_count", INTEGER),
                    required("created_at", TIMESTAMP), required("updated_at", TIMESTAMP)), true),
            new CapturedTable("orders", List.of(required("id", BIGINT), required("customer_id", BIGINT),
                    required("payment_id", BIGINT), optional("promotion_id", BIGINT), required("status", TEXT),
                    decimal("total_amount", 12, 2), required("created_at", TIMESTAMP),
                    required("updated_at", TIMESTAMP)), false),
            new CapturedTable("order_details", List.of(required("id", BIGINT), required("order_id", BIGINT),
                    required("product_id", BIGINT), required("quantity", INTEGER), decimal("regular_price", 10, 2),
                    decimal("price", 10, 2), required("created_at", TIMESTAMP), required("updated_at", TIMESTAMP)), false));

    private static final Map<String, CapturedTable> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(CapturedTable::name, Function.identity()));

    private RainbowTables() {
    }

    public static Optional<CapturedTable> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
