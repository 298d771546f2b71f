package org.rainbow.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

/** A project with one model's template edited in memory: how tests show that a check catches a broken model. */
public final class ProjectEdits {

    private ProjectEdits() {
    }

    public static SqlProject withModel(SqlProject project, String name, UnaryOperator<String> edit) {
        List<SqlProject.ModelSource> models = project.models().stream()
                .map(m -> m.name().equals(name) ? new SqlProject.ModelSource(m.name(), m.path(), m.schema(),
                        edit.apply(m.template())) : m)
                .toList();
        assertThat(models).as("the edit changes %s", name).isNotEqualTo(project.models());
        return new SqlProject(models, project.tests(), project.macros(), project.sources());
    }
}
