package org.rainbow.pipeline.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Models ordered by their {@code ref()}s, with dbt's node selection: {@code name}, {@code +name} (with its
 * ancestors), {@code name+} (with its descendants), {@code +name+}; and each data test as a check on one model.
 */
public final class ModelGraph {

    private final Map<String, Model> ordered;
    private final Map<String, Set<String>> children = new HashMap<>();
    private final List<DataTest> tests;

    public ModelGraph(List<Model> models, List<DataTest> tests) {
        Map<String, Model> byName = new HashMap<>();
        for (Model model : models) {
            if (byName.put(model.name(), model) != null) {
                throw new IllegalArgumentException("two models are named " + model.name());
            }
        }
        for (Model model : models) {
            for (String parent : model.parents()) {
                if (!byName.containsKey(parent)) {
                    throw new IllegalArgumentException(model.name() + " refs unknown model " + parent);
                }
                children.computeIfAbsent(parent, k -> new TreeSet<>()).add(model.name());
            }
        }
        for (DataTest test : tests) {
            for (String model : test.models()) {
                if (!byName.containsKey(model)) {
                    throw new IllegalArgumentException("test " + test.name() + " refs unknown model " + model);
                }
            }
        }
        this.ordered = topologicalOrder(byName);
        this.tests = tests.stream().map(this::checkedModel).toList();
    }

    /**
     * The test with the model it checks: the one it is declared on, or else the last (in dependency order) it
     * refs. It runs with that model, so the models it reads beside it must not depend on it.
     */
    private DataTest checkedModel(DataTest test) {
        List<String> names = new ArrayList<>(ordered.keySet());
        String model = test.model() != null ? test.model()
                : test.models().stream().max((a, b) -> names.indexOf(a) - names.indexOf(b))
                        .orElseThrow(() -> new IllegalArgumentException("test " + test.name() + " refs no model"));
        if (!ordered.containsKey(model)) {
            throw new IllegalArgumentException("test " + test.name() + " is declared on unknown model " + model);
        }
        Set<String> downstream = descendants(model);
        test.models().stream().filter(downstream::contains).findFirst().ifPresent(d -> {
            throw new IllegalArgumentException("test " + test.name() + " on " + model + " reads " + d
                    + ", which depends on " + model + ": declare it on " + d);
        });
        return new DataTest(test.name(), test.template(), test.models(), model);
    }

    /** The data tests that check {@code model}. */
    public List<DataTest> checksOf(String model) {
        return tests.stream().filter(t -> t.model().equals(model)).toList();
    }

    /** Kahn's algorithm, alphabetical among ready models so runs are reproducible. */
    private Map<String, Model> topologicalOrder(Map<String, Model> byName) {
        Map<String, Integer> waiting = new HashMap<>();
        TreeSet<String> ready = new TreeSet<>();
        byName.values().forEach(m -> {
            waiting.put(m.name(), m.parents().size());
            if (m.parents().isEmpty()) {
                ready.add(m.name());
            }
        });
        Map<String, Model> order = new LinkedHashMap<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            order.put(next, byName.get(next));
            for (String child : children.getOrDefault(next, Set.of())) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        if (order.size() != byName.size()) {
            Set<String> cycle = new TreeSet<>(byName.keySet());
            cycle.removeAll(order.keySet());
            throw new IllegalArgumentException("models ref each other in a cycle: " + cycle);
        }
        return order;
    }

    /** Every model in dependency order. */
    public List<Model> models() {
        return List.copyOf(ordered.values());
    }

    public List<DataTest> tests() {
        return tests;
    }

    public Model model(String name) {
        Model model = ordered.get(name);
        if (model == null) {
            throw new IllegalArgumentException("no model named " + name);
        }
        return model;
    }

    /** The selected models in dependency order; no selector selects everything. */
    public List<Model> select(List<String> selectors) {
        if (selectors.isEmpty()) {
            return models();
        }
        Set<String> selected = new LinkedHashSet<>();
        for (String selector : selectors) {
            boolean ancestors = selector.startsWith("+");
            boolean descendants = selector.endsWith("+") && selector.length() > 1;
            String name = selector.substring(ancestors ? 1 : 0, selector.length() - (descendants ? 1 : 0));
            selected.add(model(name).name());
            if (ancestors) {
                selected.addAll(reachable(name, m -> model(m).parents()));
            }
            if (descendants) {
                selected.addAll(descendants(name));
            }
        }
        return ordered.values().stream().filter(m -> selected.contains(m.name())).toList();
    }

    /** Every model downstream of {@code name}. */
    public Set<String> descendants(String name) {
        return reachable(name, m -> children.getOrDefault(m, Set.of()));
    }

    /** Every node reachable from {@code start} (itself left out) along {@code next}, nearest first. */
    public static Set<String> reachable(String start, Function<String, Set<String>> next) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(next.apply(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name)) {
                todo.addAll(next.apply(name));
            }
        }
        return seen;
    }
}
