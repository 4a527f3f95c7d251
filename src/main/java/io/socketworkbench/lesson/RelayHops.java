package io.socketworkbench.lesson;

/**
 * The relay's part of a lesson: its hops on the sequence diagram, between four lifelines (its client, the relay's
 * listening address, its own address on the onward connection, and the server). Each hop is drawn once.
 */
public final class RelayHops {
    private final SequenceRecorder diagram;
    private final Runnable changed;

    RelayHops(SequenceRecorder diagram, Runnable changed) {
        this.diagram = diagram;
        this.changed = changed;
    }

    /**
     * The relay at {@code relay} connected its client {@code client} onward, from {@code upstream} (its own
     * address on that connection, which the server sees as its client) to {@code server}: three lifelines, the
     * relay's hops drawn by the relay, each once.
     */
    public void forwarding(String client, String relay, String upstream, String server) {
        diagram.relayForwarding(client, relay, upstream, server);
        changed.run();
    }

    /**
     * A TLS handshake of the relay's finished, with its client ({@code toTarget} false) or with the target: its
     * records on the diagram, between the relay and that side.
     */
    public void secured(String client, String relay, String upstream, String server, boolean toTarget,
                        io.socketworkbench.engine.TlsInfo info) {
        diagram.relaySecured(client, relay, upstream, server, toTarget, info.records());
        changed.run();
    }

    /** A chunk passed the relay: an arrow into the relay (unless a pane's send drew it) and one on. */
    public void chunk(String client, String relay, String upstream, String server, boolean toServer,
                      byte[] data) {
        diagram.relayChunk(client, relay, upstream, server, toServer, PythonMirror.preview(data), data.length);
        changed.run();
    }

    /** One side's FIN, passed on by the relay: a half-close into the relay and one out of it. */
    public void halfClosed(String client, String relay, String upstream, String server, boolean toServer) {
        diagram.relayHalfClosed(client, relay, upstream, server, toServer);
        changed.run();
    }
}
