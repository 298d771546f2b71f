package org.rainbow.pipeline.model;

import org.rainbow.pipeline.warehouse.MergedRows;
import org.rainbow.pipeline.warehouse.Warehouse;

/**
 * Builds a model's relation from its rendered select: {@code view} and {@code table} are replaced whole;
 * {@code incremental} is created on first run or full refresh, otherwise MERGEd on its unique key.
 */
public final class ModelMaterializer {

    private final Warehouse warehouse;

    public ModelMaterializer(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Whether this run of {@code model} merges into an existing table ({@code is_incremental()}). */
    public boolean mergesIncrementally(Model model, boolean fullRefresh) {
        return model.config().materialized() == Materialization.INCREMENTAL && !fullRefresh
                && warehouse.exists(model.relation());
    }

    /** The rows built (a table), merged (an incremental run, with its inserts and updates) or none (a view). */
    public Built materialize(Model model, String select, boolean incremental) {
        warehouse.createSchemaIfAbsent(model.relation().schema());
        return switch (model.config().materialized()) {
            case VIEW -> {
                warehouse.replaceView(model.relation(), select);
                yield new Built(null, null);
            }
            case TABLE -> new Built(warehouse.replaceTable(model.relation(), select), null);
            case INCREMENTAL -> incremental
                    ? new Built(null, warehouse.merge(model.relation(), select, model.config().uniqueKey()))
                    : new Built(warehouse.replaceTable(model.relation(), select), null);
        };
    }

    /** {@code tableRows} of a replaced table, or {@code merged} rows of an incremental run; neither for a view. */
    public record Built(Long tableRows, MergedRows merged) {

        Long rows() {
            return merged != null ? Long.valueOf(merged.total()) : tableRows;
        }
    }
}
