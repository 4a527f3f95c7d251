package io.socketworkbench.lesson;

import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.SocketOptionsSpec;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the panes did, kept so that "Export as Python" can write scripts that do it again: how each side was set
 * up, and the steps of one conversation per side (the server's first connection, the client's latest). Addresses
 * stay addresses here; Python is written only when a script or the mirror is rendered. Bounded per side: past
 * {@link #MAX_STEPS} steps or {@link #MAX_BYTES} of sent bytes, recording stops and counts what it left out. A new
 * server or client starts its side afresh.
 */
public final class ExportRecord {

    /**
     * How the server was set up: where it binds (once listening, where it really is: port 0 becomes the real
     * port); {@code greeting} is used by the GREET replies.
     */
    public record ServerSetup(boolean udp, Address address, int backlog, SocketOptionsSpec options,
                              ReplyMode reply, byte[] greeting, Multicast multicast) {
        public ServerSetup {
            Objects.requireNonNull(address, "address");
            options = options == null ? SocketOptionsSpec.DEFAULTS : options;
            reply = reply == null ? ReplyMode.NONE : reply;
            greeting = greeting == null ? new byte[0] : greeting.clone();
            multicast = multicast == null ? Multicast.NONE : multicast;
        }

        public ServerSetup(boolean udp, Address address, int backlog, SocketOptionsSpec options, ReplyMode reply,
                           byte[] greeting) {
            this(udp, address, backlog, options, reply, greeting, null);
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

    /** How the client was set up: where it connects or sends to, as the user gave it. */
    public record ClientSetup(boolean udp, Address target, SocketOptionsSpec options, ClientLab lab,
                              Multicast multicast) {
        public ClientSetup {
            Objects.requireNonNull(target, "target");
            options = options == null ? SocketOptionsSpec.DEFAULTS : options;
            lab = lab == null ? ClientLab.DEFAULT : lab;
            multicast = multicast == null ? Multicast.NONE : multicast;
        }

        public ClientSetup(boolean udp, Address target, SocketOptionsSpec options, ClientLab lab) {
            this(udp, target, options, lab, null);
        }
    }

    /** One step of a conversation; {@code data} is what was sent, or for RECEIVE only its length matters. */
    public record Step(Action action, byte[] data, int length, SocketAddress peer) {
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
    private final Record serverRecord = new Record();
    private final Record clientRecord = new Record();

    /** One side's bounds: bytes kept, and what was left out once they were reached. */
    private static final class Record {
        int bytes;
        int omittedSteps;
        long omittedBytes;

        void reset() {
            bytes = 0;
            omittedSteps = 0;
            omittedBytes = 0;
        }
    }

    /** What one side's record left out: steps and the bytes they carried (both 0 when it is whole). */
    public record Omitted(int steps, long bytes) {
        public boolean any() {
            return steps > 0;
        }
    }

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

    /** What the server's record left out, so its script stops early and says so. */
    public Omitted serverOmitted() {
        return new Omitted(serverRecord.omittedSteps, serverRecord.omittedBytes);
    }

    /** What the client's record left out. */
    public Omitted clientOmitted() {
        return new Omitted(clientRecord.omittedSteps, clientRecord.omittedBytes);
    }

    /** A new server: its side of the record starts again. */
    void server(ServerSetup setup) {
        server = setup;
        serverSteps.clear();
        serverConnection = -1;
        serverRecord.reset();
    }

    /** Where the server really listens, once it does; the steps so far stay. */
    void serverBound(Address actual) {
        server = new ServerSetup(server.udp(), actual, server.backlog(), server.options(), server.reply(),
                server.greeting(), server.multicast());
    }

    /** A new client: its side of the record starts again. */
    void client(ClientSetup setup) {
        client = setup;
        clientSteps.clear();
        clientRecord.reset();
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
            record(serverSteps, serverRecord, step);
        }
    }

    void clientStep(Step step) {
        if (client != null) {
            record(clientSteps, clientRecord, step);
        }
    }

    private static void record(List<Step> steps, Record bounds, Step step) {
        if (bounds.omittedSteps > 0) {
            bounds.omittedSteps++;
            bounds.omittedBytes += step.data().length;
            return;
        }
        if (step.action() == Step.Action.RECEIVE && !steps.isEmpty()) {
            Step last = steps.get(steps.size() - 1);
            if (last.action() == Step.Action.RECEIVE && Objects.equals(last.peer(), step.peer()) && step.peer() == null) {
                steps.set(steps.size() - 1, new Step(Step.Action.RECEIVE, last.data(), last.length() + step.length(), null));
                return;
            }
        }
        if (steps.size() >= MAX_STEPS || bounds.bytes + step.data().length > MAX_BYTES) {
            bounds.omittedSteps = 1;
            bounds.omittedBytes = step.data().length;
            return;
        }
        bounds.bytes += step.data().length;
        steps.add(step);
    }
}
