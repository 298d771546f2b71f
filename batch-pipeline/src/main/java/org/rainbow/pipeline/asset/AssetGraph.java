package org.rainbow.pipeline.asset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rainbow.pipeline.extract.RawTables;

/** The pipeline's assets in run order, and each one's upstream assets. */
public final class AssetGraph {

    public static final String BUILD_MODELS = "build_models";
    public static final String EXPORT_BATCH_VIEWS = "export_batch_views";

    private static final Map<String, List<String>> UPSTREAM = upstream();

    private AssetGraph() {
    }

    public static String extract(String table) {
        return "extract_" + table;
    }

    public static String loadRaw(String table) {
        return "load_raw_" + table;
    }

    public static List<String> assets() {
        return List.copyOf(UPSTREAM.keySet());
    }

    public static List<String> upstreamOf(String asset) {
        return UPSTREAM.getOrDefault(asset, List.of());
    }

    private static Map<String, List<String>> upstream() {
        Map<String, List<String>> upstream = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        for (String table : RawTables.ALL) {
            upstream.put(extract(table), List.of());
        }
        for (String table : RawTables.ALL) {
            upstream.put(loadRaw(table), List.of(extract(table)));
            loads.add(loadRaw(table));
        }
        upstream.put(BUILD_MODELS, List.copyOf(loads));
        upstream.put(EXPORT_BATCH_VIEWS, List.of(BUILD_MODELS));
        return upstream;
    }
}
