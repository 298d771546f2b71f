package org.rainbow.pipeline.asset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.rainbow.pipeline.extract.RawTables;
import org.rainbow.pipeline.model.DataTest;
import org.rainbow.pipeline.model.Model;
import org.rainbow.pipeline.model.ModelGraph;
import org.rainbow.pipeline.warehouse.Relation;

/**
 * The pipeline's assets per daily partition, in dependency order: {@code extract_<table>} → {@code load_raw_<table>}
 * → every model of the SQL project (its refs, and the raw tables its sources read) → {@code export_batch_views}
 * after the batch views. Selects assets as dbt does ({@code name}, {@code +name}, {@code name+}, {@code +name+}).
 */
public final class AssetGraph {

    public static final String EXPORT_BATCH_VIEWS = "export_batch_views";

    private final Map<String, AssetNode> nodes = new LinkedHashMap<>();
    private final Map<String, Set<String>> downstream = new HashMap<>();

    public AssetGraph(ModelGraph models, List<String> tables, List<String> batchViews) {
        for (String table : tables) {
            add(new AssetNode(extract(table), AssetKind.EXTRACT, "extract", List.of(), List.of()));
        }
        Map<Relation, String> loads = new HashMap<>();
        for (String table : tables) {
            add(new AssetNode(loadRaw(table), AssetKind.LOAD, "raw", List.of(extract(table)), List.of()));
            loads.put(RawTables.relation(table), loadRaw(table));
        }
        for (Model model : models.models()) {
            List<String> upstream = new ArrayList<>(new TreeSet<>(model.parents()));
            model.sources().stream().map(loads::get).filter(Objects::nonNull).sorted()
                    .forEach(upstream::add);
            add(new AssetNode(model.name(), AssetKind.of(model.config().materialized()), model.relation().schema(),
                    upstream, models.checksOf(model.name()).stream().map(DataTest::name).toList()));
        }
        add(new AssetNode(EXPORT_BATCH_VIEWS, AssetKind.EXPORT, "export", batchViews, List.of()));
    }

    public static String extract(String table) {
        return "extract_" + table;
    }

    public static String loadRaw(String table) {
        return "load_raw_" + table;
    }

    private void add(AssetNode node) {
        for (String up : node.upstream()) {
            if (!nodes.containsKey(up)) {
                throw new IllegalArgumentException(node.name() + " reads unknown asset " + up);
            }
            downstream.computeIfAbsent(up, k -> new TreeSet<>()).add(node.name());
        }
        nodes.put(node.name(), node);
    }

    /** Every asset, upstream before downstream. */
    public List<AssetNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public AssetNode node(String name) {
        AssetNode node = nodes.get(name);
        if (node == null) {
            throw new UnknownAssetException(name);
        }
        return node;
    }

    public List<String> upstreamOf(String asset) {
        return node(asset).upstream();
    }

    /** Every asset downstream of {@code asset}, in dependency order. */
    public List<String> downstreamOf(String asset) {
        Set<String> below = ModelGraph.reachable(asset, a -> downstream.getOrDefault(a, Set.of()));
        return nodes.keySet().stream().filter(below::contains).toList();
    }

    /**
     * The assets a dbt-style selection names, in dependency order: selectors separated by spaces or commas, each
     * {@code name}, {@code +name} (with everything upstream), {@code name+} (with everything downstream) or
     * {@code +name+}. A blank selection selects every asset.
     */
    public Set<String> select(String selection) {
        if (selection == null || selection.isBlank()) {
            return new LinkedHashSet<>(nodes.keySet());
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String selector : selection.trim().split("[\\s,]+")) {
            boolean ancestors = selector.startsWith("+");
            boolean descendants = selector.endsWith("+") && selector.length() > 1;
            String name = selector.substring(ancestors ? 1 : 0, selector.length() - (descendants ? 1 : 0));
            if (!nodes.containsKey(name)) {
                throw new IllegalArgumentException("selector '" + selector + "' names no asset (assets: models, "
                        + "extract_<table>, load_raw_<table>, " + EXPORT_BATCH_VIEWS + ")");
            }
            selected.add(name);
            if (ancestors) {
                selected.addAll(ModelGraph.reachable(name, a -> new LinkedHashSet<>(nodes.get(a).upstream())));
            }
            if (descendants) {
                selected.addAll(ModelGraph.reachable(name, a -> downstream.getOrDefault(a, Set.of())));
            }
        }
        return nodes.keySet().stream().filter(selected::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
