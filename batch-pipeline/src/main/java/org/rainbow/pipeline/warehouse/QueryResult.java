package org.rainbow.pipeline.warehouse;

import java.util.List;
import java.util.Map;

/** Rows of a query, each a column name → value map in select order. */
public record QueryResult(List<String> columns, List<Map<String, Object>> rows) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
