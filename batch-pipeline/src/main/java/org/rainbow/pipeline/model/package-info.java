/**
 * The model runner: reads the dbt-style SQL project (models, data tests, macros, sources), renders its
 * Jinja, orders models by {@code ref()}, materializes them on a {@link org.rainbow.pipeline.warehouse.Warehouse}
 * and runs each model's data tests right after it, stopping everything downstream of a failure.
 */
package org.rainbow.pipeline.model;
