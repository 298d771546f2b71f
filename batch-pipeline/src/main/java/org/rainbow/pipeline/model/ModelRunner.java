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
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.rainbow.pipeline.warehouse.MergedRows;
import org.rainbow.pipeline.warehouse.Relation;
import org.rainbow.pipeline.warehouse.Warehouse;
import org.rainbow.pipeline.warehouse.WarehouseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * dbt's {@code build} on the JVM: models of the selection in dependency order, each materialized and then
 * checked by its data tests; a model whose SQL fails, or a failed check on it, stops every model downstream of
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
        return run(request, result -> { });
    }

    /**
     * Runs the selection; {@code finished} hears of each model as soon as it is built, failed or skipped (in the
     * order they finish, which independent models make differ from run to run).
     */
    public RunReport run(RunRequest request, Consumer<ModelResult> finished) {
        ModelGraph graph = new ProjectParser(renderer).parse(project, warehouse.type(), request.vars());
        List<Model> selected = graph.select(request.select());
        Set<String> selectedNames = new HashSet<>();
        selected.forEach(m -> selectedNames.add(m.name()));
        Map<String, List<DataTest>> checks = checksOfSelected(graph, selected, selectedNames);
        Map<String, String> stoppedBy = new HashMap<>();
        Map<String, ModelResult> results = new HashMap<>();
        List<Model> pending = new ArrayList<>(selected);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, warehouse.parallelism()));
        CompletionService<ModelResult> built = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (!pending.isEmpty() || running > 0) {
                boolean skippedAny = false;
                for (Iterator<Model> it = pending.iterator(); it.hasNext();) {
                    Model model = it.next();
                    List<DataTest> tests = checks.getOrDefault(model.name(), List.of());
                    // A model waits for its parents, and for the other models its checks read.
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
                        log.warn("model {} skipped: {}", model.name(), blocker);
                        ModelResult skipped = ModelResult.skipped(model, blocker);
                        results.put(model.name(), skipped);
                        finished.accept(skipped);
                        skippedAny = true;
                    } else {
                        // A check that reads a model which failed to build has nothing sound to check.
                        List<DataTest> runnable = tests.stream()
                                .filter(t -> t.models().stream()
                                        .allMatch(m -> m.equals(model.name()) || !selectedNames.contains(m)
                                                || built(results.get(m))))
                                .toList();
                        built.submit(() -> build(graph, model, request, runnable));
                        running++;
                    }
                }
                if (running == 0 || skippedAny) {
                    continue;
                }
                ModelResult result = built.take().get();
                running--;
                results.put(result.model(), result);
                stopDownstreamOfFailures(graph, result, stoppedBy);
                finished.accept(result);
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

    /** The parsed project: every model with its refs and sources, every data test with the model it checks. */
    public ModelGraph graph() {
        return new ProjectParser(renderer).parse(project, warehouse.type(), Map.of());
    }

    private static boolean built(ModelResult result) {
        return result != null && (result.status() == ModelStatus.SUCCESS || result.status() == ModelStatus.TEST_FAILED);
    }

    /** A model that fails stops its descendants; so does a failed check, on the descendants of the model it checks. */
    private static void stopDownstreamOfFailures(ModelGraph graph, ModelResult result, Map<String, String> stoppedBy) {
        String reason = result.status() == ModelStatus.ERROR ? "upstream " + result.model() + " failed"
                : result.tests().stream().filter(t -> !t.passed()).findFirst()
                        .map(t -> "check " + t.name() + " on " + result.model() + " failed").orElse(null);
        if (reason != null) {
            graph.descendants(result.model()).forEach(d -> stoppedBy.putIfAbsent(d, reason));
        }
    }

    /** Where the project's models in {@code schema} land (e.g. the marts). */
    public List<Relation> relations(String schema) {
        return graph().models().stream()
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
        String sql = null;
        ModelMaterializer.Built built;
        try {
            boolean incremental = materializer.mergesIncrementally(model, request.fullRefresh());
            sql = renderer.render(model.path(), model.template(),
                    runScope(graph, request, incremental, warehouse.sqlName(model.relation())));
            built = materializer.materialize(model, sql, incremental);
        } catch (WarehouseException | ModelRenderException | IllegalArgumentException e) {
            log.error("model {} failed: {}", model.name(), e.getMessage());
            return new ModelResult(model.name(), materialization, ModelStatus.ERROR, null, null, null,
                    elapsed(started), List.of(), sql, e.getMessage());
        }
        List<TestResult> results = new ArrayList<>();
        for (DataTest test : tests) {
            TestResult result;
            try {
                result = testRunner.run(test.name(), renderer.render(test.name(), test.template(),
                        runScope(graph, request, false, null)));
            } catch (ModelRenderException | IllegalArgumentException e) {
                result = new TestResult(test.name(), 0, List.of(), e.getMessage(), null);
            }
            if (!result.passed()) {
                log.error("data test {} on {} failed: {} failing rows, e.g. {}", test.name(), model.name(),
                        result.failures(), result.error() != null ? result.error() : result.failingRows());
            }
            results.add(result);
        }
        boolean passed = results.stream().allMatch(TestResult::passed);
        MergedRows merged = built.merged();
        ModelResult result = new ModelResult(model.name(), materialization,
                passed ? ModelStatus.SUCCESS : ModelStatus.TEST_FAILED, built.rows(),
                merged == null ? null : merged.inserted(), merged == null ? null : merged.updated(), elapsed(started),
                results, sql, null);
        log.info("model {} ({}) {}: rows={} in {} ms, tests {} passed {} failed", model.name(), materialization,
                result.status(), result.rows(), result.duration().toMillis(), result.testsPassed(), result.testsFailed());
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
     * The checks run with each selected model: its data tests whose other models are selected too or already
     * built in the warehouse (so re-materializing one model runs every check on it).
     */
    private Map<String, List<DataTest>> checksOfSelected(ModelGraph graph, List<Model> selected, Set<String> names) {
        Map<String, List<DataTest>> checks = new LinkedHashMap<>();
        for (Model model : selected) {
            List<DataTest> runnable = graph.checksOf(model.name()).stream()
                    .filter(t -> t.models().stream()
                            .allMatch(m -> names.contains(m) || warehouse.exists(graph.model(m).relation())))
                    .toList();
            checks.put(model.name(), runnable);
        }
        return checks;
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
