package org.rainbow.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of a benchmark that name a Spring property ({@code --spring.datasource.hikari.maximum-pool-size=8}):
 * they go to the service under test, so a tuning idea is measured without a rebuild. An option without a dot that
 * the benchmark does not know is refused.
 */
@Command
public final class SpringProperties {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /**
     * {@code name -> value} in the order given; a wrong option fails as a usage error (exit 2). They are the
     * arguments the command did not match, which its command line keeps (see {@code Benchmarks.commandLine}).
     */
    public Map<String, String> values() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : spec.commandLine().getUnmatchedArguments()) {
            int eq = argument.indexOf('=');
            String name = argument.startsWith("--") && eq > 2 ? argument.substring(2, eq) : "";
            if (!name.contains(".")) {
                throw new ParameterException(spec.commandLine(), argument.startsWith("--")
                        ? "Unknown option: '" + argument + "' (an option with a dot is a Spring property: --name=value)"
                        : "Unexpected argument: '" + argument + "'");
            }
            properties.put(name, argument.substring(eq + 1));
        }
        return properties;
    }

    /** The same as command-line arguments of a Spring application, which outrank its application.yml. */
    public List<String> asArguments() {
        return values().entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toList();
    }
}
