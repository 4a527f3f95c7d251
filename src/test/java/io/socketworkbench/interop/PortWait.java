package io.socketworkbench.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Waits, bounded, until a fixed port such as 37777 can be bound. Linux lets SO_REUSEADDR bind over TIME_WAIT only
 * when the old sockets had it too, and Python's sockets (the seed's) do not, so for up to 60 s after the seed ran
 * nobody can bind its port.
 */
public final class PortWait {
    private PortWait() {
    }

    public static boolean bindable(int port, boolean reuseAddress) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(70);
        while (System.nanoTime() < deadline) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(reuseAddress);
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return true;
            } catch (IOException busy) {
                Thread.sleep(500);
            }
        }
        return false;
    }
}
