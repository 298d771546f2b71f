package org.rainbow.local;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code ./rainbow}: {@code up} starts the local stack and runs until Ctrl-C; the
 * {@link OperatorCommands} operate a running stack; {@code kafka-node} is one Kafka node of the stack (the
 * launcher runs three).
 */
public final class RainbowLocal {

    private RainbowLocal() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("kafka-node")) {
            KafkaNodeProcess.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && OperatorCommands.COMMANDS.contains(args[0])) {
            try {
                System.exit(OperatorCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
            } catch (IllegalArgumentException | IllegalStateException | java.time.format.DateTimeParseException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        if (args.length == 0 || !args[0].equals("up")) {
            System.err.print(StackOptions.usage());
            System.exit(args.length == 0 ? 0 : 2);
        }
        StackOptions options;
        try {
            options = StackOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(StackOptions.usage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(Path.of("").toAbsolutePath(), options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "rainbow-stop"));
        stack.start();
        stack.awaitStop();
    }
}
