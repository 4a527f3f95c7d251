package io.socketworkbench.lesson;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the lesson draws on the sequence diagram: which lifeline is whose, which two lifelines each connection runs
 * between, and which connects and closes are already drawn (both panes report them, in either order). A crossing
 * between two of our own panes is drawn once, at the send.
 */
final class SequenceRecorder {
    /** Connections remembered; a flood of clients beyond this is drawn on the others' line. */
    private static final int MAX_CONNECTIONS = 4096;

    /** Both ends of one connection, as lifelines (ours and the other side's) and as addresses. */
    private record Ends(int local, int remote, String localAddress, String remoteAddress) {
        Ends moved(java.util.function.IntUnaryOperator moved) {
            return new Ends(moved.applyAsInt(local), moved.applyAsInt(remote), localAddress, remoteAddress);
        }
    }

    private final SequenceDiagram sequence = new SequenceDiagram();
    private final Map<Long, Ends> connections = new HashMap<>();
    /** Lifelines our panes own: their sends draw their own arrows. */
    private final Set<Integer> owned = new HashSet<>();
    /** Connects and closes already drawn, by kind and the addresses of both ends (one connection, one way). */
    private final Set<String> drawn = new HashSet<>();
    private int serverLine = -1;
    private int clientLine = -1;

    SequenceDiagram sequence() {
        return sequence;
    }

    void clear() {
        sequence.clear();
        connections.clear();
        owned.clear();
        drawn.clear();
        serverLine = -1;
        clientLine = -1;
        group = null;
    }

    void serverAt(SocketAddress local) {
        serverLine = own(local, SequenceDiagram.Role.SERVER);
    }

    /** The client pane's socket is at {@code local} (connected, or bound by its first datagram). */
    void clientAt(SocketAddress local) {
        int placeholder = clientLine < 0 ? sequence.indexOf("c") : -1;
        if (placeholder >= 0 && !sequence.knows(Address.format(local))) {
            // The first datagram was drawn before the system bound the socket: that line is this socket's.
            sequence.rename(placeholder, Address.format(local));
            owned.add(placeholder);
            clientLine = placeholder;
        } else {
            clientLine = own(local, SequenceDiagram.Role.CLIENT);
        }
        if (local instanceof java.net.InetSocketAddress inet && inet.getAddress().isAnyLocalAddress()) {
            // Bound to every address: its peers on this machine see it as loopback.
            sequence.alias(Address.format(new java.net.InetSocketAddress("127.0.0.1", inet.getPort())), clientLine);
            sequence.alias(Address.format(new java.net.InetSocketAddress("::1", inet.getPort())), clientLine);
        }
    }

    /** The client pane opens a new socket, whose address is not known yet. */
    void clientOpening() {
        clientLine = -1;
    }

    private int own(SocketAddress address, SequenceDiagram.Role role) {
        int line = sequence.lifeline(Address.format(address), role);
        owned.add(line);
        return line;
    }

    /** The group the server joined, as its lifeline's address, or null. */
    private String group;

    private int peer(SocketAddress address) {
        return sequence.lifeline(Address.format(address), SequenceDiagram.Role.PEER);
    }

    void clientConnected(long connection, SocketAddress local, SocketAddress remote) {
        clientAt(local);
        int server = peer(remote);
        String from = Address.format(local);
        String to = Address.format(remote);
        remember(connection, new Ends(clientLine, server, from, to));
        once(clientLine, server, from, to, SequenceDiagram.Kind.CONNECT, "");
    }

    void accepted(long connection, SocketAddress remote, SocketAddress local) {
        int client = peer(remote);
        int server = sequence.lifeline(Address.format(local), SequenceDiagram.Role.SERVER);
        String from = Address.format(remote);
        String to = Address.format(local);
        remember(connection, new Ends(server, client, to, from));
        once(client, server, from, to, SequenceDiagram.Kind.CONNECT, "");
    }

    /** A connect to {@code target} (ip:port) that failed with {@code text}: drawn as the answer coming back. */
    void refused(String target, String text) {
        int client = sequence.lifeline("c", SequenceDiagram.Role.CLIENT);
        sequence.add(sequence.lifeline(target, SequenceDiagram.Role.PEER), client, SequenceDiagram.Kind.REFUSED, text, 0);
    }

    private void remember(long connection, Ends ends) {
        if (connections.size() < MAX_CONNECTIONS) {
            connections.put(connection, ends);
        }
    }

    void sent(long connection, String preview, long bytes) {
        Ends ends = connections.get(connection);
        if (ends != null) {
            sequence.add(ends.local(), ends.remote(), SequenceDiagram.Kind.DATA, preview, bytes);
        }
    }

    /** Drawn only from a peer outside our panes: a pane's own send drew it already. */
    void received(long connection, String preview, long bytes) {
        Ends ends = connections.get(connection);
        if (ends != null && !owned.contains(ends.remote())) {
            sequence.add(ends.remote(), ends.local(), SequenceDiagram.Kind.DATA, preview, bytes);
        }
    }

    void datagramSent(Lesson.Side side, String peerLabel, String preview, long bytes) {
        // A multicast group is one lifeline: what is sent to it goes there, and from there to each member.
        String host = host(peerLabel);
        int to = io.socketworkbench.engine.Multicast.isGroup(host) ? sequence.lifeline(host, SequenceDiagram.Role.GROUP)
                : sequence.lifeline(peerLabel, SequenceDiagram.Role.PEER);
        sequence.add(mine(side), to, SequenceDiagram.Kind.DATAGRAM, preview, bytes);
    }

    void datagramReceived(Lesson.Side side, SocketAddress from, String preview, long bytes) {
        int sender = peer(from);
        if (group != null && side == Lesson.Side.SERVER) {
            int line = sequence.lifeline(group, SequenceDiagram.Role.GROUP);
            if (!owned.contains(sender)) {
                // A sender outside the app: its datagram went to the group first.
                sequence.add(sender, line, SequenceDiagram.Kind.DATAGRAM, preview, bytes);
            }
            sequence.add(line, mine(side), SequenceDiagram.Kind.DATAGRAM, preview, bytes);
            return;
        }
        if (!owned.contains(sender)) {
            sequence.add(sender, mine(side), SequenceDiagram.Kind.DATAGRAM, preview, bytes);
        }
    }

    /**
     * The server joined {@code group} ({@code 239.255.0.1}): the group gets a lifeline of its own (named by its
     * address alone, as a server bound to the group has the group and port), and its datagrams hang from it.
     */
    void joined(String group) {
        this.group = group;
        sequence.lifeline(group, SequenceDiagram.Role.GROUP);
    }

    /** The host of {@code 239.255.0.1:37781} or {@code [ff02::1]:37781}. */
    private static String host(String label) {
        int colon = label.lastIndexOf(':');
        return colon < 0 || !label.contains(".") && !label.startsWith("[") ? label
                : label.substring(0, colon).replace("[", "").replace("]", "");
    }

    private int mine(Lesson.Side side) {
        if (side == Lesson.Side.SERVER) {
            return serverLine;
        }
        return clientLine >= 0 ? clientLine : sequence.lifeline("c", SequenceDiagram.Role.CLIENT);
    }

    /**
     * The TLS handshake on {@code connection}, one arrow a record as this side saw it cross the wire (records of the
     * same kind one after the other collapse, with their bytes added). Both ends of a connection between our own
     * panes report the same handshake: it is drawn once, from whichever reports first. A crowd's are left out.
     */
    void secured(long connection, java.util.List<io.socketworkbench.engine.TlsRecord> records) {
        Ends ends = connections.get(connection);
        if (ends == null) {
            return;
        }
        String a = ends.localAddress();
        String b = ends.remoteAddress();
        String pair = a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        if (crowd(ends) || !drawn.add("tls:" + pair)) {
            return; // on the line shared by a crowd, a handshake a client would bury the rest
        }
        for (var record : records) {
            String preview = record.encrypted() ? "" : record.message();
            if (record.sent()) {
                sequence.add(ends.local(), ends.remote(), SequenceDiagram.Kind.TLS, preview, record.bytes());
            } else {
                sequence.add(ends.remote(), ends.local(), SequenceDiagram.Kind.TLS, preview, record.bytes());
            }
        }
    }

    void halfClosed(long connection) {
        Ends ends = connections.get(connection);
        if (ends != null) {
            sequence.add(ends.local(), ends.remote(), SequenceDiagram.Kind.HALF_CLOSE, "", 0);
        }
    }

    /** The other side's FIN arrived, before this side closes. */
    void finArrived(long connection) {
        arrow(connections.get(connection), true, SequenceDiagram.Kind.FIN, "");
    }

    void closed(long connection, CloseReason reason, String errorText) {
        Ends ends = connections.remove(connection);
        switch (reason) {
            case LOCAL, STALLED -> arrow(ends, false, SequenceDiagram.Kind.FIN, "");
            case PEER -> {
                arrow(ends, true, SequenceDiagram.Kind.FIN, "");
                // On the line shared by a crowd, our answering FIN is left out, so that a hundred clients
                // closing draw one "FIN ×100" row instead of two hundred alternating ones.
                if (!crowd(ends)) {
                    arrow(ends, false, SequenceDiagram.Kind.FIN, "");
                }
            }
            case RESET, ERROR -> arrow(ends, true, SequenceDiagram.Kind.RST, errorText);
        }
    }

    /** True when one end of the connection is drawn on the "others" line, shared by many clients. */
    private boolean crowd(Ends ends) {
        return ends != null && (shared(ends.local()) || shared(ends.remote()));
    }

    private boolean shared(int lifeline) {
        return sequence.lifelines().get(lifeline).role() == SequenceDiagram.Role.OTHERS;
    }

    private void arrow(Ends ends, boolean inbound, SequenceDiagram.Kind kind, String text) {
        if (ends != null) {
            if (inbound) {
                once(ends.remote(), ends.local(), ends.remoteAddress(), ends.localAddress(), kind, text);
            } else {
                once(ends.local(), ends.remote(), ends.localAddress(), ends.remoteAddress(), kind, text);
            }
        }
    }

    /**
     * Draws an arrow unless the same one (kind, from one address to the other) was drawn before: both ends of a
     * connection report its connect and its FINs, in either order, and so does the relay for its hops. The "others"
     * line, shared by many clients, is not deduplicated.
     */
    private void once(int from, int to, String fromAddress, String toAddress, SequenceDiagram.Kind kind,
                      String text) {
        if (shared(from) || shared(to) || drawn.add(kind + ":" + fromAddress + ">" + toAddress)) {
            if (drawn.size() > MAX_CONNECTIONS) {
                drawn.clear();
            }
            sequence.add(from, to, kind, text, 0);
        }
    }

    /**
     * The relay's lifeline: where clients reach it ({@code relay}), and the address of its connection onward
     * ({@code upstream}, null before it is made), which the server sees as its client. The relay draws its own
     * hops, so the panes' receives from it draw nothing.
     */
    private int relayLine(String relay, String upstream) {
        int line = sequence.lifeline(relay, SequenceDiagram.Role.RELAY);
        owned.add(line);
        if (upstream == null) {
            return line;
        }
        int seen = sequence.indexOf(upstream);
        if (seen < 0) {
            sequence.alias(upstream, line);
        } else if (seen != line && !shared(seen) && sequence.merge(seen, line)) {
            // The server met the relay's connection before the relay said it was its own.
            java.util.function.IntUnaryOperator moved = SequenceDiagram.moved(seen, line);
            connections.replaceAll((id, ends) -> ends.moved(moved));
            Set<Integer> ownedBefore = Set.copyOf(owned);
            owned.clear();
            ownedBefore.forEach(index -> owned.add(moved.applyAsInt(index)));
            serverLine = serverLine < 0 ? serverLine : moved.applyAsInt(serverLine);
            clientLine = clientLine < 0 ? clientLine : moved.applyAsInt(clientLine);
            return moved.applyAsInt(line);
        }
        return line;
    }

    /** The relay passes a client on: a connect into the relay and one onward, each once whoever reports it. */
    void relayForwarding(String client, String relay, String upstream, String server) {
        int r = relayLine(relay, upstream);
        int c = sequence.lifeline(client, SequenceDiagram.Role.CLIENT);
        int s = sequence.lifeline(server, SequenceDiagram.Role.SERVER);
        once(c, r, client, relay, SequenceDiagram.Kind.CONNECT, "");
        once(r, s, upstream, server, SequenceDiagram.Kind.CONNECT, "");
    }

    /**
     * A TLS handshake of the relay's, as it saw the records cross the wire: with its client ({@code toTarget}
     * false; the relay answers as the server), after the client's connect into the relay, or with the target. Drawn
     * once a pair of addresses, whoever reports it first (a pane at the other end reports the same handshake).
     */
    void relaySecured(String client, String relay, String upstream, String server, boolean toTarget,
                      java.util.List<io.socketworkbench.engine.TlsRecord> records) {
        int r = relayLine(relay, upstream);
        int peer = toTarget ? sequence.lifeline(server, SequenceDiagram.Role.SERVER)
                : sequence.lifeline(client, SequenceDiagram.Role.CLIENT);
        String near = toTarget && upstream != null ? upstream : relay;
        String far = toTarget ? server : client;
        if (!toTarget) {
            once(peer, r, client, relay, SequenceDiagram.Kind.CONNECT, "");
        }
        if (!drawn.add("tls:" + (near.compareTo(far) < 0 ? near + "|" + far : far + "|" + near))) {
            return;
        }
        for (var record : records) {
            String preview = record.encrypted() ? "" : record.message();
            if (record.sent()) {
                sequence.add(r, peer, SequenceDiagram.Kind.TLS, preview, record.bytes());
            } else {
                sequence.add(peer, r, SequenceDiagram.Kind.TLS, preview, record.bytes());
            }
        }
    }

    /**
     * A chunk through the relay: into it (unless a pane sent it, which drew that arrow) and on, with the same bytes.
     */
    void relayChunk(String client, String relay, String upstream, String server, boolean toServer, String preview,
                    long bytes) {
        int r = relayLine(relay, upstream);
        int c = sequence.lifeline(client, SequenceDiagram.Role.CLIENT);
        int s = sequence.lifeline(server, SequenceDiagram.Role.SERVER);
        int from = toServer ? c : s;
        int to = toServer ? s : c;
        if (!owned.contains(from)) {
            sequence.add(from, r, SequenceDiagram.Kind.DATA, preview, bytes);
        }
        sequence.add(r, to, SequenceDiagram.Kind.DATA, preview, bytes);
    }

    /** One side's FIN, passed on by the relay: into it (unless a pane's shutdown drew it) and out of it. */
    void relayHalfClosed(String client, String relay, String upstream, String server, boolean toServer) {
        int r = relayLine(relay, upstream);
        int c = sequence.lifeline(client, SequenceDiagram.Role.CLIENT);
        int s = sequence.lifeline(server, SequenceDiagram.Role.SERVER);
        String hop = upstream == null ? relay : upstream;
        if (toServer) {
            if (!owned.contains(c)) {
                once(c, r, client, relay, SequenceDiagram.Kind.FIN, "");
            }
            once(r, s, hop, server, SequenceDiagram.Kind.FIN, "");
        } else {
            if (!owned.contains(s)) {
                once(s, r, server, hop, SequenceDiagram.Kind.FIN, "");
            }
            once(r, c, relay, client, SequenceDiagram.Kind.FIN, "");
        }
    }
}
