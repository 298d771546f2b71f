package org.rainbow.engines;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.List;

/**
 * Fails before an engine starts when one of its fixed loopback ports is taken: PostgreSQL would otherwise
 * seem up because the server already on the port answers, and Kafka halts the JVM on a failed bind, so
 * nothing started before it would be stopped.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    public static void requireFree(String engine, Collection<Integer> ports) {
        List<Integer> taken = ports.stream().filter(port -> port != 0 && !free(port)).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException(engine + " cannot start: 127.0.0.1 port(s) " + taken + " already in use "
                    + "(a Rainbow stack or test still running? another server?)");
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
