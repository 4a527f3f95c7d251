package io.socketworkbench.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Which side of a relay each connection id is, learned from the relay's {@link SocketEvent.Forwarding} events:
 * for a listener that shows a relay's traffic by direction. Not thread-safe: feed it from one thread, in order.
 */
public final class RelaySides {
    private final Map<Long, Long> clientOfUpstream = new HashMap<>();

    /**
     * Takes note of a pairing, or forgets a connection that closed or could not connect; other events leave it as
     * it is. Call it after looking up the event's own source.
     */
    public void learn(SocketEvent event) {
        if (event instanceof SocketEvent.Forwarding forwarding) {
            clientOfUpstream.put(forwarding.upstream(), forwarding.client());
        } else if (event instanceof SocketEvent.Closed closed) {
            clientOfUpstream.remove(closed.source());
        } else if (event instanceof SocketEvent.Failed failed && failed.operation() == Operation.CONNECT) {
            clientOfUpstream.remove(failed.source());
        }
    }

    /** Whether {@code connection} is a relay's own connection to the target (else it is a client's). */
    public boolean isUpstream(long connection) {
        return clientOfUpstream.containsKey(connection);
    }

    /** The client that {@code connection} belongs to: itself for a client's, its client for an upstream one. */
    public long clientOf(long connection) {
        return clientOfUpstream.getOrDefault(connection, connection);
    }
}
