package org.rainbow.pipeline.warehouse.bigquery;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * BigQuery's MERGE: update every non-key column of matched rows, insert the others. Identifiers arrive
 * quoted by the adapter.
 */
final class MergeStatement {

    private MergeStatement() {
    }

    static String of(String target, String select, List<String> uniqueKey, List<String> columns,
            UnaryOperator<String> quote) {
        String on = uniqueKey.stream()
                .map(k -> "merge_target." + quote.apply(k) + " = merge_source." + quote.apply(k))
                .collect(Collectors.joining(" and "));
        List<String> updated = columns.stream().filter(c -> !uniqueKey.contains(c)).toList();
        String set = updated.stream()
                .map(c -> quote.apply(c) + " = merge_source." + quote.apply(c))
                .collect(Collectors.joining(", "));
        String insertColumns = columns.stream().map(quote).collect(Collectors.joining(", "));
        String insertValues = columns.stream().map(c -> "merge_source." + quote.apply(c))
                .collect(Collectors.joining(", "));
        return "merge into " + target + " as merge_target\nusing (\n" + select + "\n) as merge_source\non " + on
                + (updated.isEmpty() ? "" : "\nwhen matched then update set " + set)
                + "\nwhen not matched then insert (" + insertColumns + ") values (" + insertValues + ")";
    }
}
