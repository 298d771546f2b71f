package org.rainbow.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML documents as SnakeYAML loads them (maps, lists, scalars), and lenient reads of their nodes. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** Every non-empty document of a multi-document file. */
    static List<Map<String, Object>> documents(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return documents(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> documents(String yaml) {
        return documents(new StringReader(yaml));
    }

    /** The first document of a file. */
    static Map<String, Object> file(Path file) {
        return documents(file).get(0);
    }

    private static List<Map<String, Object>> documents(Reader reader) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    /** A mapping node, or an empty map for anything else (absent keys read as empty). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A sequence of mappings, or an empty list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node) {
        return node instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** A sequence of scalars as strings; a single scalar as a list of one; nothing as an empty list. */
    static List<String> strings(Object node) {
        if (node instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return node == null ? List.of() : List.of(String.valueOf(node));
    }

    /** Leaf keys of a tree, dot-separated, with their values: an application.yml's property names. */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        flatten("", tree, leaves);
        return leaves;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> leaves) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(path, map(value), leaves);
            } else {
                leaves.put(path, value);
            }
        });
    }
}
