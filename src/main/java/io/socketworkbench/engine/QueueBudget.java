package io.socketworkbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The bytes all of an engine's connections may hold queued for sending, together. Each connection has its own cap;
 * this bounds the sum, so that many peers that send and never read (to an echo server) cannot fill the heap. Past
 * the budget, a connection with anything queued stops being read (TCP makes its peer wait) until the sum
 * is back under half the budget; a new or quiet client is still served. Reactor thread only.
 */
final class QueueBudget {

    private final long limit;
    private final Set<TcpConnection> heldBack = new LinkedHashSet<>();
    private long queued;

    /** A quarter of the heap, at most 256 MiB: room for the rest of the program and for the bytes in flight. */
    QueueBudget() {
        this(Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4));
    }

    QueueBudget(long limit) {
        this.limit = limit;
    }

    void add(long bytes) {
        queued += bytes;
        if (!heldBack.isEmpty() && queued <= limit / 2) {
            var freed = new ArrayList<>(heldBack);
            heldBack.clear();
            freed.forEach(TcpConnection::budgetFreed);
        }
    }

    boolean over() {
        return queued > limit;
    }

    /**
     * True when a connection with {@code own} bytes queued must stop being read: past the budget, any that has
     * bytes waiting (thousands of connections with a little each add up to more than the budget).
     */
    boolean overFor(long own) {
        return queued > limit && own > 0;
    }

    void heldBack(TcpConnection connection) {
        heldBack.add(connection);
    }

    void forget(TcpConnection connection) {
        heldBack.remove(connection);
    }
}
