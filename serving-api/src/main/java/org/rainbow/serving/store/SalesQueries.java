package org.rainbow.serving.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.rainbow.storage.export.BatchViews;
import org.rainbow.storage.export.BatchViews.Attribute;

/**
 * The routes' queries ({@link ServingStore#dailySales}, {@link ServingStore#salesBy}): the merge rule bound to the
 * served export and the range as literals ({@link Binding#of}), read into totals.
 */
public final class SalesQueries {

    private final SqlDialect sql;
    private final RowReader reader;
    private final Supplier<Optional<LoadedExport>> served;

    public SalesQueries(SqlDialect sql, RowReader reader, Supplier<Optional<LoadedExport>> served) {
        this.sql = sql;
        this.reader = reader;
        this.served = served;
    }

    public Map<LocalDate, SalesTotals> dailySales(LocalDate from, LocalDate to) {
        Map<LocalDate, SalesTotals> days = new LinkedHashMap<>();
        reader.read(unified(Breakdown.DAY, from, to, "order by date"), row -> days.put(row.date("date"), totals(row)));
        return days;
    }

    public List<SliceSales> salesBy(Breakdown breakdown, LocalDate from, LocalDate to, int limit) {
        List<SliceSales> slices = new ArrayList<>();
        reader.read(unified(breakdown, from, to, "order by extended_sales_amount desc, " + breakdown.keys().stream()
                        .map(Attribute::column).collect(Collectors.joining(", ")) + " limit " + limit),
                row -> slices.add(new SliceSales(breakdown.keys().stream().map(key -> key(row, key)).toList(),
                        totals(row))));
        return slices;
    }

    /** The rule bound to the served export and the range, its rows ordered (and cut) by {@code order}. */
    private String unified(Breakdown breakdown, LocalDate from, LocalDate to, String order) {
        Optional<LoadedExport> export = served.get();
        return UnifiedSalesSql.select(sql, Binding.of(sql, export.map(LoadedExport::exportId).orElse(""),
                export.map(LoadedExport::watermark).orElse(Instant.EPOCH), from, to), breakdown) + "\n" + order + "\n"
                + sql.settings();
    }

    private static Object key(ResultRow row, Attribute attribute) {
        return attribute.type() == BatchViews.Type.BIGINT ? row.bigint(attribute.column()) : row.text(attribute.column());
    }

    private static SalesTotals totals(ResultRow row) {
        return new SalesTotals(row.bigint("order_count"), row.bigint("sales_quantity"),
                money(row.decimal("extended_sales_amount")), money(row.decimal("extended_discount_amount")));
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
