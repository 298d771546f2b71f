package org.rainbow.pipeline.warehouse;

/** A table or view: schema (BigQuery: dataset) and name. */
public record Relation(String schema, String name) {

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
