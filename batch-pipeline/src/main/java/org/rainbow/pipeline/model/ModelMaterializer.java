package org.rainbow.pipeline.model;

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

    /** Returns the rows built or merged; {@code null} for a view. */
    public Long materialize(Model model, String select, boolean incremental) {
        warehouse.createSchemaIfAbsent(model.relation().schema());
        return switch (model.config().materialized()) {
            case VIEW -> {
                warehouse.replaceView(model.relation(), select);
                yield null;
            }
            case TABLE -> warehouse.replaceTable(model.relation(), select);
            case INCREMENTAL -> incremental
                    ? warehouse.merge(model.relation(), select, model.config().uniqueKey())
                    : warehouse.replaceTable(model.relation(), select);
        };
    }
}
