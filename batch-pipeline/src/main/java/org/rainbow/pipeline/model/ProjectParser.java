package org.rainbow.pipeline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rainbow.pipeline.model.SqlProject.ModelSource;
import org.rainbow.pipeline.model.SqlProject.TestSource;
import org.rainbow.pipeline.warehouse.Relation;

/**
 * Renders every template once, as dbt's parse does, to learn each model's config and refs (including
 * {@code -- depends_on: {{ ref('x') }}} hints) and each test's models.
 */
public final class ProjectParser {

    private final JinjaRenderer renderer;

    public ProjectParser(JinjaRenderer renderer) {
        this.renderer = renderer;
    }

    public ModelGraph parse(SqlProject project, String targetType, Map<String, Object> vars) {
        List<Model> models = new ArrayList<>();
        for (ModelSource source : project.models()) {
            RenderScope scope = parseScope(project, targetType, vars);
            renderer.render(source.path(), source.template(), scope);
            ModelConfig config = ModelConfig.of(source.name(), scope.config(), source.schema());
            Set<Relation> sources = scope.usedSources().stream().map(project.sources()::get).collect(Collectors.toSet());
            models.add(new Model(source.name(), source.path(), new Relation(config.schema(), source.name()), config,
                    scope.usedRefs(), sources, source.template()));
        }
        List<DataTest> tests = new ArrayList<>();
        for (TestSource source : project.tests()) {
            RenderScope scope = parseScope(project, targetType, vars);
            renderer.render(source.name(), source.template(), scope);
            tests.add(new DataTest(source.name(), source.template(), scope.usedRefs(), source.model()));
        }
        return new ModelGraph(models, tests);
    }

    private static RenderScope parseScope(SqlProject project, String targetType, Map<String, Object> vars) {
        return new RenderScope(model -> "__ref_" + model, (source, table) -> {
            if (!project.sources().containsKey(source + "." + table)) {
                throw new IllegalArgumentException("source('" + source + "', '" + table + "') is not in sources.yml");
            }
            return "__source_" + source + "_" + table;
        }, vars, false, "__this", targetType);
    }
}
