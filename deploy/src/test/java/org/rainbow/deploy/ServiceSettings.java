package org.rainbow.deploy;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.SimpleTypeConverter;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The settings a service reads, and which environment variables set one of them. Spring Boot decides, not an
 * imitation: the variables become the system-environment property source they are in a container, and Boot's
 * {@link Binder} binds the service's real {@code @ConfigurationProperties} classes from it; a variable binds when
 * the binder reads it for a value (a scalar, a list, a map entry), whether or not its value converts. Names the
 * service reads beyond its records (its application.yml's keys, Boot's own properties the manifests set) are
 * looked up through the same source, so they follow the same relaxed rules.
 */
record ServiceSettings(Set<String> names, List<Class<?>> propertiesClasses) {

    /** Spring Boot's own properties that the manifests set although no application.yml mentions them. */
    private static final Set<String> BOOT_PROPERTIES = Set.of("management.endpoint.health.probes.enabled",
            "management.server.port", "spring.datasource.password", "spring.flyway.user", "spring.flyway.password");

    private static final List<Class<?>> ON_THE_CLASSPATH = propertiesClassesOnTheClasspath();

    /** The settings of a service: its application.yml, and the properties classes of the Rainbow modules it runs. */
    static ServiceSettings of(String module) {
        Set<String> names = new TreeSet<>(BOOT_PROPERTIES);
        names.addAll(YamlNodes.flatten(YamlNodes.file(Checkout.path(module).resolve("src/main/resources/application.yml")))
                .keySet());
        Set<String> modules = RainbowModules.of(module);
        List<Class<?>> classes = ON_THE_CLASSPATH.stream()
                .filter(type -> modules.stream().anyMatch(m -> Files.exists(Checkout.path(m)
                        .resolve("src/main/java").resolve(type.getName().replace('.', '/') + ".java"))))
                .toList();
        return new ServiceSettings(names, classes);
    }

    /** The variables among {@code variables} that set none of the service's settings. */
    Set<String> unbound(Map<String, String> variables) {
        Map<String, Object> values = new HashMap<>();
        variables.forEach((name, value) -> values.put(name, value == null ? "" : value));
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, values));
        Set<String> bound = new TreeSet<>();
        for (String name : names) {
            for (ConfigurationPropertySource source : sources) {
                ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.adapt(name, '.'));
                if (property != null) {
                    bound.add(variable(property));
                }
            }
        }
        Binder binder = new Binder(sources);
        ValuesRead read = new ValuesRead(bound);
        for (Class<?> type : propertiesClasses) {
            String prefix = MergedAnnotations.from(type).get(ConfigurationProperties.class).getString("prefix");
            binder.bind(prefix, Bindable.of(type), read);
        }
        Set<String> unbound = new TreeSet<>(variables.keySet());
        unbound.removeAll(bound);
        return unbound;
    }

    private static List<Class<?>> propertiesClassesOnTheClasspath() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.rainbow")) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), ServiceSettings.class.getClassLoader()));
        }
        return classes;
    }

    private static String variable(ConfigurationProperty property) {
        return ((PropertySourceOrigin) property.getOrigin()).getPropertyName();
    }

    /** Notes each variable the binder reads for a value; a value that does not convert is not this check's concern. */
    private static final class ValuesRead extends AbstractBindHandler {

        private static final SimpleTypeConverter EDITORS = new SimpleTypeConverter();

        private final Set<String> variables;

        ValuesRead(Set<String> variables) {
            this.variables = variables;
        }

        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
                throws Exception {
            note(name, target, context);
            super.onFinish(name, target, context, result);
        }

        @Override
        public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
            note(name, target, context);
            return null;
        }

        /** A group (a nested record) read from one variable is no setting: only a value the binder converts to is. */
        private void note(ConfigurationPropertyName name, Bindable<?> target, BindContext context) {
            ConfigurationProperty property = context.getConfigurationProperty();
            if (property != null && property.getName().equals(name) && convertsFromText(target)) {
                variables.add(variable(property));
            }
        }

        /** As the binder converts: by the conversion service, or by a default property editor (e.g. a {@code Path}). */
        private static boolean convertsFromText(Bindable<?> target) {
            return ApplicationConversionService.getSharedInstance().canConvert(TypeDescriptor.valueOf(String.class),
                    new TypeDescriptor(target.getType(), null, target.getAnnotations()))
                    || EDITORS.getDefaultEditor(target.getType().resolve(Object.class)) != null;
        }
    }
}
