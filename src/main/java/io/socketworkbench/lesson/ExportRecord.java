package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Fact;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the panes did, kept so that "Export as Python" can write scripts that do it again: how the server was set
 * up and each conversation it had (one a client it accepted, in accept order), and each client socket with its own
 * setup and conversation (every tab, every connect, in the order they were opened). Addresses stay addresses here;
 * Python is written only when a script or the mirror is rendered. Bounded: {@link #MAX_CONVERSATIONS} a side, past
 * {@link #MAX_STEPS} steps or {@link #MAX_BYTES} of sent bytes a conversation, recording stops and counts
 * what it left out. A new server starts the server's side afresh.
 */
public final class ExportRecord {

    /** One step of a conversation; {@code data} is what was sent, or for RECEIVE only its length matters. */
    public record Step(Action action, byte[] data, int length, SocketAddress peer) {
        public enum Action { SEND, RECEIVE, SHUT_WR, PEER_CLOSED, CLOSE }

        static Step of(Action action) {
            return new Step(action, new byte[0], 0, null);
        }
    }

    static final int MAX_STEPS = 200;
    static final int MAX_BYTES = 1 << 20;
    /** Conversations kept a side: the first clients a server served, the first client sockets opened. */
    static final int MAX_CONVERSATIONS = 16;

    /**
     * One connection's steps, seen from one side (for a UDP socket, every datagram it sent or received). A client's
     * conversation has its own setup: tabs may connect to different places (the server, the relay).
     */
    public static final class Conversation {
        private final ClientSetup setup;
        private final List<Step> steps = new ArrayList<>();
        private int bytes;
        private int omittedSteps;
        private long omittedBytes;

        private Conversation(ClientSetup setup) {
            this.setup = setup;
        }

        /** The client's setup; null for a conversation of the server's. */
        public ClientSetup setup() {
            return setup;
        }

        public List<Step> steps() {
            return List.copyOf(steps);
        }

        public Omitted omitted() {
            return new Omitted(omittedSteps, omittedBytes);
        }

        /** Same steps with the same bytes: a server that served two clients alike needs one way of serving. */
        boolean sameSteps(Conversation other) {
            if (steps.size() != other.steps.size()) {
                return false;
            }
            for (int i = 0; i < steps.size(); i++) {
                Step a = steps.get(i);
                Step b = other.steps.get(i);
                if (a.action() != b.action() || a.length() != b.length() || !Arrays.equals(a.data(), b.data())
                        || !Objects.equals(a.peer(), b.peer())) {
                    return false;
                }
            }
            return true;
        }
    }

    private ServerSetup server;
    /** The server's conversations by connection id, in the order it accepted them (UDP: one, under -1). */
    private final Map<Long, Conversation> served = new LinkedHashMap<>();
    /** The client sockets' conversations by engine id, in the order they were opened. */
    private final Map<Long, Conversation> clients = new LinkedHashMap<>();
    private Conversation latestClient;
    private long nextAnonymousClient = -2;
    private int moreServed;
    private int moreClients;

    /** What a record left out: steps and the bytes they carried (both 0 when it is whole). */
    public record Omitted(int steps, long bytes) {
        public boolean any() {
            return steps > 0;
        }

        Omitted plus(Omitted other) {
            return new Omitted(steps + other.steps, bytes + other.bytes);
        }
    }

    public ServerSetup server() {
        return server;
    }

    /** The latest client's setup. */
    public ClientSetup client() {
        return latestClient == null ? null : latestClient.setup();
    }

    /** The server's conversations, in the order it accepted its clients; at most {@link #MAX_CONVERSATIONS}. */
    public List<Conversation> served() {
        return List.copyOf(served.values());
    }

    /** Every client socket's conversation, in the order they were opened; at most {@link #MAX_CONVERSATIONS}. */
    public List<Conversation> clients() {
        return List.copyOf(clients.values());
    }

    /** Clients past {@link #MAX_CONVERSATIONS}: served (server) or opened (client) and not kept. */
    public int moreServed() {
        return moreServed;
    }

    public int moreClients() {
        return moreClients;
    }

    /** The steps of the server's first conversation. */
    public List<Step> serverSteps() {
        return served.isEmpty() ? List.of() : served.values().iterator().next().steps();
    }

    /** The steps of the latest client's conversation. */
    public List<Step> clientSteps() {
        return latestClient == null ? List.of() : latestClient.steps();
    }

    /** What the server's first conversation left out, so its script stops early and says so. */
    public Omitted serverOmitted() {
        return served.isEmpty() ? new Omitted(0, 0) : served.values().iterator().next().omitted();
    }

    /** What the latest client's conversation left out. */
    public Omitted clientOmitted() {
        return latestClient == null ? new Omitted(0, 0) : latestClient.omitted();
    }

    /**
     * The record of a timeline (the facts an engine reported, in order): the first TCP or AF_UNIX server that is not
     * a relay, with each connection it accepted, and each client connection made that is not a relay's connection
     * onward. The wire says nothing of socket options, the socket lab or a reply mode: those are the defaults
     * (backlog 5, no reply mode; the lesson's own record keeps what the panes set). A connection with a TLS fact is
     * set up over TLS (the server with this machine's certificate, the client checking the server's, with the
     * name it sent and the ALPN protocol agreed). UDP is not read from facts yet.
     */
    public static ExportRecord fromFacts(List<Fact> facts) {
        Map<Long, Fact> listens = new LinkedHashMap<>();
        java.util.Set<Long> relays = new java.util.HashSet<>();
        Map<Long, Long> acceptedBy = new java.util.HashMap<>();
        Map<Long, io.socketworkbench.engine.TlsInfo> secured = new java.util.HashMap<>();
        for (Fact fact : facts) {
            if (fact.type() == Fact.Type.TLS && fact.tls() != null) {
                secured.putIfAbsent(fact.conn(), fact.tls());
            }
            if (fact.type() == Fact.Type.LISTEN) {
                listens.putIfAbsent(fact.conn(), fact);
            } else if (fact.type() == Fact.Type.ACCEPT) {
                acceptedBy.put(fact.conn(), fact.parent());
            } else if (fact.type() == Fact.Type.CONNECT && fact.parent() >= 0) {
                // A relay's connection onward: its parent is the client it forwards, accepted by the relay.
                relays.add(acceptedBy.getOrDefault(fact.parent(), -1L));
            }
        }
        ExportRecord record = new ExportRecord();
        long server = listens.keySet().stream().filter(id -> !relays.contains(id)
                && acceptedBy.containsValue(id)).findFirst().orElse(-1L);
        if (server >= 0) {
            // A server whose clients spoke TLS: with this machine's certificate (the wire does not say which file
            // it was), accepting the ALPN protocol it agreed.
            long id = server;
            var tls = acceptedBy.entrySet().stream().filter(e -> e.getValue() == id && secured.containsKey(e.getKey()))
                    .map(e -> secured.get(e.getKey())).findFirst().orElse(null);
            record.server(new ServerSetup(Address.of(listens.get(server).local()), false, null, null, 5, null, null,
                    null, tls == null ? null : new io.socketworkbench.session.ServerTlsChoice(null, null, null, null,
                            tls.alpn() == null ? List.of() : List.of(tls.alpn()), null)));
        }
        // A reset or an error ends a conversation without a step of its own, as the lesson records it.
        java.util.Set<Long> broken = new java.util.HashSet<>();
        for (Fact fact : facts) {
            long conn = fact.conn();
            boolean served = server >= 0 && acceptedBy.getOrDefault(conn, -1L) == server;
            switch (fact.type()) {
                case ACCEPT -> {
                    if (served) {
                        record.accepted(conn);
                    }
                }
                case CONNECT -> {
                    if (fact.parent() < 0) {
                        // Over TLS: checking the certificate (the wire does not say it was not), with the name it
                        // sent and the ALPN protocol it agreed.
                        var tls = secured.get(conn);
                        record.client(new ClientSetup(Address.of(fact.remote()), false, null, null, null, null,
                                tls == null ? null : new io.socketworkbench.session.TlsChoice(null, tls.sni(), true,
                                        tls.alpn() == null ? List.of() : List.of(tls.alpn()), null, null, null)),
                                conn);
                    }
                }
                case DATA -> record.fromFact(served, conn, fact.in()
                        ? new Step(Step.Action.RECEIVE, new byte[0], fact.data().length, null)
                        : new Step(Step.Action.SEND, fact.data(), fact.data().length, null));
                case FIN -> {
                    if (!fact.in()) {
                        record.fromFact(served, conn, Step.of(Step.Action.SHUT_WR));
                    }
                }
                case RST, ERROR -> broken.add(conn);
                case CLOSE -> {
                    if (!broken.contains(conn)) {
                        record.fromFact(served, conn, Step.of(fact.in() ? Step.Action.PEER_CLOSED
                                : Step.Action.CLOSE));
                    }
                }
                default -> { }
            }
        }
        return record;
    }

    /** A step of the conversation {@code conn} had: the server's, or a client's the record keeps. */
    private void fromFact(boolean served, long conn, Step step) {
        if (served) {
            serverStep(conn, step);
        } else if (clients.containsKey(conn)) {
            clientStep(conn, step);
        }
    }

    /** A new server: its side of the record starts again. */
    void server(ServerSetup setup) {
        server = setup;
        served.clear();
        moreServed = 0;
    }

    /** Where the server really listens, once it does; the steps so far stay. */
    void serverBound(Address actual) {
        server = server.at(actual);
    }

    /** The server accepted {@code connection}: its conversation comes next, in accept order. */
    void accepted(long connection) {
        conversationOf(connection, true);
    }

    /**
     * A new client socket, {@code id} in the engine (-1 when there is none yet): its conversation starts, after those
     * of the clients before it; past {@link #MAX_CONVERSATIONS} it is followed as the latest but not kept.
     */
    void client(ClientSetup setup, long id) {
        latestClient = new Conversation(setup);
        if (clients.size() < MAX_CONVERSATIONS) {
            clients.put(id == -1 ? nextAnonymousClient-- : id, latestClient);
        } else {
            moreClients++;
        }
    }

    /**
     * The latest client's connect failed. Alone, its script does the same (and raises as the session did); beside
     * others it is left out, so that it does not stop the scripts of the clients that worked.
     */
    void clientFailed() {
        if (clients.size() > 1 && clients.values().remove(latestClient)) {
            Conversation[] left = clients.values().toArray(new Conversation[0]);
            latestClient = left[left.length - 1];
        }
    }

    /**
     * The server's conversation on {@code connection}, begun if there is room; null past
     * {@link #MAX_CONVERSATIONS} (a client accepted then is counted once, at its accept, and nothing of it is kept).
     */
    private Conversation conversationOf(long connection, boolean accepting) {
        Conversation conversation = served.get(connection);
        if (conversation != null || server == null) {
            return conversation;
        }
        if (served.size() >= MAX_CONVERSATIONS) {
            if (accepting) {
                moreServed++;
            }
            return null;
        }
        conversation = new Conversation(null);
        served.put(connection, conversation);
        return conversation;
    }

    /** A step of the server's conversation on {@code connection} (-1: the UDP server's datagrams). */
    void serverStep(long connection, Step step) {
        Conversation conversation = conversationOf(connection, false);
        if (conversation != null) {
            record(conversation, step);
        }
    }

    /** A step of client socket {@code id}'s conversation (-1: the latest client's, as for its datagrams). */
    void clientStep(long id, Step step) {
        Conversation conversation = clients.get(id);
        if (conversation == null) {
            conversation = latestClient;
        }
        if (conversation != null) {
            record(conversation, step);
        }
    }

    private static void record(Conversation conversation, Step step) {
        List<Step> steps = conversation.steps;
        if (conversation.omittedSteps > 0) {
            conversation.omittedSteps++;
            conversation.omittedBytes += step.data().length;
            return;
        }
        if (step.action() == Step.Action.RECEIVE && !steps.isEmpty()) {
            Step last = steps.get(steps.size() - 1);
            if (last.action() == Step.Action.RECEIVE && Objects.equals(last.peer(),
                    step.peer()) && step.peer() == null) {
                steps.set(steps.size() - 1, new Step(Step.Action.RECEIVE, last.data(), last.length() + step.length(),
                        null));
                return;
            }
        }
        if (steps.size() >= MAX_STEPS || conversation.bytes + step.data().length > MAX_BYTES) {
            conversation.omittedSteps = 1;
            conversation.omittedBytes = step.data().length;
            return;
        }
        conversation.bytes += step.data().length;
        steps.add(step);
    }
}
