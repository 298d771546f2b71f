package org.rainbow.local;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code ./rainbow}: {@code up} starts the local stack and runs until Ctrl-C; {@code status},
 * {@code run-partition} and {@code backfill} operate the batch layer of a running stack.
 */
public final class RainbowLocal {

    private RainbowLocal() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && java.util.Set.of("status", "run-partition", "backfill").contains(args[0])) {
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
