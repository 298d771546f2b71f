package org.rainbow.pipeline.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.pipeline.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dbt's {@code build} on the JVM: models of the selection in dependency order, each materialized and then
 * checked by the data tests that need it; a model whose SQL or tests fail stops every model downstream of
 * it. Independent models build side by side, up to the warehouse's {@link Warehouse#parallelism()}.
 */
public final class ModelRunner {

    private static final Logger log = LoggerFactory.getLogger(ModelRunner.class);

    private final Warehouse warehouse;
    private final SqlProject project;
    private final JinjaRenderer renderer;
    private final ModelMaterializer materializer;
    private final DataTestRunner testRunner;

    public ModelRunner(Warehouse warehouse, SqlProject project) {
        this.warehouse = warehouse;
        this.project = project;
        this.renderer = new JinjaRenderer(project.macros());
        this.materializer = new ModelMaterializer(warehouse);
        this.testRunner = new DataTestRunner(warehouse);
    }

    public RunReport run(RunRequest request) {
        ModelGraph graph = new ProjectParser(renderer).parse(project, warehouse.type(), request.vars());
        List<Model> selected = graph.select(request.select());
        Map<String, List<DataTest>> testsAfter = testsAfterTheirLastModel(graph, selected);
        Set<String> selectedNames = new HashSet<>();
        selected.forEach(m -> selectedNames.add(m.name()));
        Map<String, String> stoppedBy = new HashMap<>();
        Map<String, ModelResult> results = new HashMap<>();
        List<Model> pending = new ArrayList<>(selected);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, warehouse.parallelism()));
        CompletionService<ModelResult> finished = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (!pending.isEmpty() || running > 0) {
                boolean skippedAny = false;
                for (Iterator<Model> it = pending.iterator(); it.hasNext();) {
                    Model model = it.next();
                    List<DataTest> tests = testsAfter.getOrDefault(model.name(), List.of());
                    // A model waits for its parents, and for the other models its tests read.
                    boolean ready = Stream.concat(model.parents().stream(),
                                    tests.stream().flatMap(t -> t.models().stream()))
                            .filter(p -> !p.equals(model.name()))
                            .allMatch(p -> !selectedNames.contains(p) || results.containsKey(p));
                    if (!ready) {
                        continue;
                    }
                    it.remove();
                    String blocker = stoppedBy.get(model.name());
                    if (blocker != null) {
                        log.warn("model {} skipped: upstream {} failed", model.name(), blocker);
                        results.put(model.name(), new ModelResult(model.name(), model.config().materialized(),
                                ModelStatus.SKIPPED, null, Duration.ZERO, List.of(),
                                "skipped: upstream " + blocker + " failed"));
                        skippedAny = true;
                    } else {
                        // A test that reads a model which failed to build has nothing sound to check.
                        List<DataTest> runnable = tests.stream()
                                .filter(t -> t.models().stream()
                                        .allMatch(m -> m.equals(model.name()) || built(results.get(m))))
                                .toList();
                        finished.submit(() -> build(graph, model, request, runnable));
                        running++;
                    }
                }
                if (running == 0 || skippedAny) {
                    continue;
                }
                ModelResult result = finished.take().get();
                running--;
                results.put(result.model(), result);
                stopDownstreamOfFailures(graph, result, testsAfter.getOrDefault(result.model(), List.of()), stoppedBy);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("model run interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("model run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        RunReport report = new RunReport(selected.stream().map(m -> results.get(m.name())).toList());
        log.info("model run finished\n{}", report.format());
        return report;
    }

    private static boolean built(ModelResult result) {
        return result != null && (result.status() == ModelStatus.SUCCESS || result.status() == ModelStatus.TEST_FAILED);
    }

    private static void stopDownstreamOfFailures(ModelGraph graph, ModelResult result, List<DataTest> tests,
            Map<String, String> stoppedBy) {
        if (result.status() == ModelStatus.ERROR) {
            graph.descendants(result.model()).forEach(d -> stoppedBy.putIfAbsent(d, result.model()));
        }
        for (DataTest test : tests) {
            boolean failed = result.tests().stream().anyMatch(t -> t.name().equals(test.name()) && !t.passed());
            if (failed) {
                for (String tested : test.models()) {
                    graph.descendants(tested).forEach(d -> stoppedBy.putIfAbsent(d, tested));
                }
            }
        }
    }

    /** Where the project's models in {@code schema} land (e.g. the marts). */
    public List<Relation> relations(String schema) {
        return new ProjectParser(renderer).parse(project, warehouse.type(), Map.of()).models().stream()
                .map(Model::relation).filter(r -> r.schema().equals(schema)).toList();
    }

    /**
     * dbt's {@code compile}: the SQL every selected model and data test would run, by name, with
     * {@code is_incremental()} answering {@code incremental} for incremental models.
     */
    public Map<String, String> compile(RunRequest request, boolean incremental) {
        ModelGraph graph = new ProjectParser(renderer).parse(project, warehouse.type(), request.vars());
        Map<String, String> compiled = new LinkedHashMap<>();
        for (Model model : graph.select(request.select())) {
            boolean merges = incremental && model.config().materialized() == Materialization.INCREMENTAL;
            compiled.put(model.name(), renderer.render(model.path(), model.template(),
                    runScope(graph, request, merges, warehouse.sqlName(model.relation()))));
        }
        for (DataTest test : graph.tests()) {
            compiled.put(test.name(),
                    renderer.render(test.name(), test.template(), runScope(graph, request, false, null)));
        }
        return compiled;
    }

    private ModelResult build(ModelGraph graph, Model model, RunRequest request, List<DataTest> tests) {
        long started = System.nanoTime();
        Materialization materialization = model.config().materialized();
        Long rows;
        try {
            boolean incremental = materializer.mergesIncrementally(model, request.fullRefresh());
            String sql = renderer.render(model.path(), model.template(),
                    runScope(graph, request, incremental, warehouse.sqlName(model.relation())));
            rows = materializer.materialize(model, sql, incremental);
        } catch (WarehouseException | ModelRenderException | IllegalArgumentException e) {
            log.error("model {} failed: {}", model.name(), e.getMessage());
            return new ModelResult(model.name(), materialization, ModelStatus.ERROR, null, elapsed(started),
                    List.of(), e.getMessage());
        }
        List<TestResult> results = new ArrayList<>();
        for (DataTest test : tests) {
            TestResult result;
            try {
                result = testRunner.run(test.name(), renderer.render(test.name(), test.template(),
                        runScope(graph, request, false, null)));
            } catch (ModelRenderException | IllegalArgumentException e) {
                result = new TestResult(test.name(), 0, List.of(), e.getMessage());
            }
            if (!result.passed()) {
                log.error("data test {} failed after {}: {} failing rows, e.g. {}", test.name(), model.name(),
                        result.failures(), result.error() != null ? result.error() : result.failingRows());
            }
            results.add(result);
        }
        boolean passed = results.stream().allMatch(TestResult::passed);
        ModelResult result = new ModelResult(model.name(), materialization,
                passed ? ModelStatus.SUCCESS : ModelStatus.TEST_FAILED, rows, elapsed(started), results, null);
        log.info("model {} ({}) {}: rows={} in {} ms, tests {} passed {} failed", model.name(), materialization,
                result.status(), rows, result.duration().toMillis(), result.testsPassed(), result.testsFailed());
        return result;
    }

    private RenderScope runScope(ModelGraph graph, RunRequest request, boolean incremental, String self) {
        return new RenderScope(
                name -> warehouse.sqlName(graph.model(name).relation()),
                (source, table) -> {
                    Relation relation = project.sources().get(source + "." + table);
                    if (relation == null) {
                        throw new IllegalArgumentException("source('" + source + "', '" + table + "') is not declared");
                    }
                    return warehouse.sqlName(relation);
                },
                request.vars(), incremental, self, warehouse.type());
    }

    /**
     * A test runs right after the last (in dependency order) model it refs, when every model it refs is
     * selected (dbt's cautious indirect selection).
     */
    private static Map<String, List<DataTest>> testsAfterTheirLastModel(ModelGraph graph, List<Model> selected) {
        Set<String> names = new HashSet<>();
        selected.forEach(m -> names.add(m.name()));
        Map<String, Integer> positions = graph.positions();
        Map<String, List<DataTest>> after = new LinkedHashMap<>();
        for (DataTest test : graph.tests()) {
            if (names.containsAll(test.models())) {
                test.models().stream().max((a, b) -> positions.get(a) - positions.get(b))
                        .ifPresent(last -> after.computeIfAbsent(last, k -> new ArrayList<>()).add(test));
            }
        }
        return after;
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
