/**
 * The serving store port and what every engine's store does the same way, written once: the merge rule of batch and
 * speed views (rendered per engine by its {@link org.rainbow.serving.store.SqlDialect}), export loading
 * ({@link org.rainbow.serving.store.ExportLoading} over the engine's steps), the routes' queries and the store's
 * status over the engine's row reader; one adapter package per engine.
 */
package org.rainbow.serving.store;
