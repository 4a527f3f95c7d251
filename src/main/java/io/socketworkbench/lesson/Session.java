package io.socketworkbench.lesson;

import io.socketworkbench.engine.SocketOptionsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the panes did, kept so that "Export as Python" can write scripts that do it again: how each side was set
 * up, and the steps of one conversation per side (the server's first connection, the client's latest). Bounded:
 * past {@link #MAX_STEPS} steps or {@link #MAX_BYTES} of sent bytes, recording stops and says so.
 */
public final class Session {

    /** What the server does by itself. */
    public enum Reply { NONE, ECHO, GREET, GREET_CLOSE }

    /**
     * How the server was set up. {@code address} is how Python writes it ({@code ('127.0.0.1', 37777)} or the
     * socket file in quotes); {@code greeting} is used by the GREET replies.
     */
    public record ServerSetup(boolean unix, boolean udp, String address, int backlog, SocketOptionsSpec options,
                              Reply reply, byte[] greeting) {
        public ServerSetup {
            Objects.requireNonNull(address, "address");
            options = options == null ? SocketOptionsSpec.DEFAULTS : options;
            reply = reply == null ? Reply.NONE : reply;
            greeting = greeting == null ? new byte[0] : greeting.clone();
        }
    }

    /**
     * The client's socket lab: {@code connectEx} uses connect_ex (an error code, no exception); {@code timeout}
     * is settimeout's seconds (null: none); {@code nonBlocking} is setblocking(False); {@code bufsize} is what
     * each recv asks for; {@code manualReceive} receives only when the user presses recv.
     */
    public record ClientLab(boolean connectEx, Double timeout, boolean nonBlocking, int bufsize,
                            boolean manualReceive) {
        public static final ClientLab DEFAULT = new ClientLab(false, null, false, 1024, false);

        public ClientLab {
            if (bufsize < 1) {
                throw new IllegalArgumentException("bufsize must be at least 1");
            }
        }
    }

    public record ClientSetup(boolean unix, boolean udp, String target, SocketOptionsSpec options, ClientLab lab) {
        public ClientSetup {
            Objects.requireNonNull(target, "target");
            options = options == null ? SocketOptionsSpec.DEFAULTS : options;
            lab = lab == null ? ClientLab.DEFAULT : lab;
        }
    }

    /** One step of a conversation; {@code data} is what was sent, or for RECEIVE only its length matters. */
    public record Step(Action action, byte[] data, int length, String peer) {
        public enum Action { SEND, RECEIVE, SHUT_WR, PEER_CLOSED, CLOSE }

        static Step of(Action action) {
            return new Step(action, new byte[0], 0, null);
        }
    }

    static final int MAX_STEPS = 200;
    static final int MAX_BYTES = 1 << 20;

    private ServerSetup server;
    private ClientSetup client;
    private final List<Step> serverSteps = new ArrayList<>();
    private final List<Step> clientSteps = new ArrayList<>();
    private long serverConnection = -1;
    private boolean truncated;
    private int bytes;

    public ServerSetup server() {
        return server;
    }

    public ClientSetup client() {
        return client;
    }

    public List<Step> serverSteps() {
        return List.copyOf(serverSteps);
    }

    public List<Step> clientSteps() {
        return List.copyOf(clientSteps);
    }

    /** True when the conversation was longer than what is kept, so the scripts stop early. */
    public boolean truncated() {
        return truncated;
    }

    void server(ServerSetup setup) {
        server = setup;
        serverSteps.clear();
        serverConnection = -1;
    }

    void client(ClientSetup setup) {
        client = setup;
        clientSteps.clear();
    }

    /** The server's conversation follows its first connection only (for UDP, every datagram: pass -1). */
    boolean follows(long connection) {
        if (serverConnection == -1 && connection != -1) {
            serverConnection = connection;
        }
        return connection == serverConnection;
    }

    void serverStep(long connection, Step step) {
        if (server != null && follows(connection)) {
            record(serverSteps, step);
        }
    }

    void clientStep(Step step) {
        if (client != null) {
            record(clientSteps, step);
        }
    }

    private void record(List<Step> steps, Step step) {
        if (truncated) {
            return;
        }
        if (step.action() == Step.Action.RECEIVE && !steps.isEmpty()) {
            Step last = steps.get(steps.size() - 1);
            if (last.action() == Step.Action.RECEIVE && Objects.equals(last.peer(), step.peer()) && step.peer() == null) {
                steps.set(steps.size() - 1, new Step(Step.Action.RECEIVE, last.data(), last.length() + step.length(), null));
                return;
            }
        }
        if (steps.size() >= MAX_STEPS || bytes + step.data().length > MAX_BYTES) {
            truncated = true;
            return;
        }
        bytes += step.data().length;
        steps.add(step);
    }
}
