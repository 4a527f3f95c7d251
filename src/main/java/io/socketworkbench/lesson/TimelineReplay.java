package io.socketworkbench.lesson;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.TlsInfo;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ServerTlsChoice;
import io.socketworkbench.session.TlsChoice;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recorded timeline told to a {@link Lesson} again, fact by fact, as the panes told it while it happened: the
 * steps, the TCP states, the sequence diagram and the Python mirror come out as they did then. A first pass over
 * the facts ({@link Cast#learn}) finds out who is who, which the facts alone do not say in time: which listening
 * socket is a server and which a relay, which UDP socket a client (it sent first) and which a server, and what the
 * server's clients agreed over TLS. The second ({@link #tell}) feeds the lesson.
 */
public final class TimelineReplay {
    /** A recv's buffer, as the tutorial writes it; a bigger chunk was read with a bigger one. */
    private static final int RECV_SIZE = 1024;

    private final Lesson lesson;
    private final Cast cast;
    /** The relay's lifelines for each of its connections: client, target, its own address on the way on. */
    private final Map<Long, String[]> relayEnds = new HashMap<>();
    /** How a connection is ending: a reset's or an error's, told when its close comes. */
    private final Map<Long, Ending> endings = new HashMap<>();
    private final Set<Long> openedUdp = new HashSet<>();
    /** Client connections told before their own fact came, at the accept that was recorded first. */
    private final Set<Long> connectedEarly = new HashSet<>();

    private record Ending(CloseReason reason, SocketError error) {
    }

    public TimelineReplay(Lesson lesson, Cast cast) {
        this.lesson = lesson;
        this.cast = cast;
    }

    /** Who is who in a recording: learnt from all of its facts before the first is told. */
    public static final class Cast {
        private final Map<Long, Fact> listens = new HashMap<>();
        private final Map<Long, Long> acceptedBy = new HashMap<>();
        /** A relay's connection onward, and the client connection it forwards. */
        private final Map<Long, Long> onward = new HashMap<>();
        private final Set<Long> relays = new HashSet<>();
        /** The first datagram of each UDP socket: a socket that sent first is a client. */
        private final Map<Long, Fact> firstDatagram = new HashMap<>();
        private final Map<Long, TlsInfo> secured = new HashMap<>();
        private final Map<Long, Integer> clientNumbers = new HashMap<>();
        /** Each client connection by the address it connected from: its accept may be recorded before it. */
        private final Map<SocketAddress, Fact> connectsFrom = new HashMap<>();
        private long facts;
        private double first = Double.NaN;

        /** Learns from one fact; call it for every fact, in order, before any is told. */
        public void learn(Fact fact) {
            facts++;
            if (Double.isNaN(first)) {
                first = fact.time();
            }
            long conn = fact.conn();
            switch (fact.type()) {
                case LISTEN -> listens.putIfAbsent(conn, fact);
                case ACCEPT -> acceptedBy.put(conn, fact.parent());
                case CONNECT -> {
                    if (fact.parent() >= 0) {
                        onward.put(conn, fact.parent());
                        relays.add(acceptedBy.getOrDefault(fact.parent(), -1L));
                    } else {
                        clientNumbers.putIfAbsent(conn, clientNumbers.size() + 1);
                        if (fact.local() != null) {
                            connectsFrom.put(fact.local(), fact);
                        }
                    }
                }
                case DATAGRAM -> {
                    if (firstDatagram.putIfAbsent(conn, fact) == null && !fact.in()) {
                        clientNumbers.putIfAbsent(conn, clientNumbers.size() + 1);
                    }
                }
                case TLS -> {
                    if (fact.tls() != null) {
                        secured.putIfAbsent(conn, fact.tls());
                    }
                }
                default -> { }
            }
        }

        /** The facts learnt. */
        public long facts() {
            return facts;
        }

        /** The time of the first fact (seconds since the epoch), or NaN. */
        public double start() {
            return first;
        }

        boolean relayListener(long conn) {
            return relays.contains(conn);
        }

        /** One of the relay's own connections: from a client into it, or from it onward. */
        boolean relayConnection(long conn) {
            return onward.containsKey(conn) || relays.contains(acceptedBy.getOrDefault(conn, -1L));
        }

        boolean udpClient(long conn) {
            Fact datagram = firstDatagram.get(conn);
            return datagram != null && !datagram.in();
        }

        Lesson.Side side(long conn) {
            return acceptedBy.containsKey(conn) || listens.containsKey(conn) && !udpClient(conn)
                    ? Lesson.Side.SERVER : Lesson.Side.CLIENT;
        }

        /** The mirror's name for client socket {@code conn}: {@code c}, or {@code c1}, {@code c2} among several. */
        String clientName(long conn) {
            Integer n = clientNumbers.get(conn);
            return clientNumbers.size() <= 1 || n == null ? "c" : "c" + n;
        }

        /** What a server's clients agreed over TLS (the first of them), or null for a plain server. */
        TlsInfo serverTls(long listener) {
            for (Map.Entry<Long, Long> accepted : acceptedBy.entrySet()) {
                if (accepted.getValue() == listener && secured.containsKey(accepted.getKey())) {
                    return secured.get(accepted.getKey());
                }
            }
            return null;
        }
    }

    /** Tells the lesson {@code fact}, the next of the timeline. */
    public void tell(Fact fact) {
        long conn = fact.conn();
        if (fact.type() == Fact.Type.ACCEPT) {
            // Both ends are threads of one engine: the accept may be recorded before the connect it answers.
            Fact connect = fact.remote() == null ? null : cast.connectsFrom.get(fact.remote());
            if (connect != null && connectedEarly.add(connect.conn())) {
                connected(connect);
            }
        }
        if (cast.relayListener(conn) || cast.relayConnection(conn)) {
            relay(fact);
            return;
        }
        Lesson.Side side = cast.side(conn);
        switch (fact.type()) {
            case LISTEN -> listen(fact);
            case CONNECT -> {
                if (!connectedEarly.contains(conn)) {
                    connected(fact);
                }
            }
            case ACCEPT -> lesson.accepted(conn, fact.remote(), fact.local());
            case TLS -> {
                if (fact.tls() != null) {
                    lesson.secured(side, conn, fact.tls());
                }
            }
            case DATA -> {
                if (fact.in()) {
                    lesson.received(side, conn, fact.data(), bufsize(fact.data().length));
                } else {
                    lesson.sent(side, conn, fact.data());
                }
            }
            case FIN -> {
                if (fact.in()) {
                    lesson.peerFinished(side, conn);
                } else {
                    lesson.halfClosed(side, conn);
                }
            }
            case RST -> endings.put(conn, new Ending(CloseReason.RESET, error(fact)));
            case ERROR -> error(fact, side);
            case CLOSE -> close(fact, side);
            case DATAGRAM -> datagram(fact, side);
            default -> { }
        }
    }

    private void connected(Fact fact) {
        long conn = fact.conn();
        TlsInfo tls = cast.secured.get(conn);
        lesson.clientOpening(new ClientSetup(Address.of(fact.remote()), false, null, null, null, null,
                tls == null ? null : new TlsChoice(null, tls.sni(), true, alpn(tls), null, null, null)),
                conn, cast.clientName(conn));
        lesson.clientConnected(conn, fact.local(), fact.remote());
    }

    private void listen(Fact fact) {
        long conn = fact.conn();
        if (cast.udpClient(conn)) {
            return; // a client's UDP socket, bound by its first sendto: told with that datagram
        }
        Fact datagram = cast.firstDatagram.get(conn);
        TlsInfo tls = cast.serverTls(conn);
        ServerSetup setup = new ServerSetup(Address.of(fact.local()), datagram != null, null, null, 5, null, null,
                null, tls == null ? null : new ServerTlsChoice(null, null, null, null, alpn(tls), null));
        lesson.serverListening(setup, fact.local());
    }

    private void datagram(Fact fact, Lesson.Side side) {
        long conn = fact.conn();
        if (side == Lesson.Side.CLIENT && openedUdp.add(conn)) {
            Fact first = cast.firstDatagram.get(conn);
            lesson.clientOpening(new ClientSetup(Address.of(first.remote()), true, null, null), conn,
                    cast.clientName(conn));
            if (fact.local() != null) {
                lesson.clientBound(fact.local());
            }
        }
        if (fact.in()) {
            lesson.receivedDatagram(side, fact.data(), fact.remote(), 65_535, 0);
        } else {
            lesson.sentDatagram(side, fact.data(), fact.remote());
        }
    }

    private void error(Fact fact, Lesson.Side side) {
        long conn = fact.conn();
        SocketError error = error(fact);
        if (side == Lesson.Side.CLIENT && fact.local() == null && fact.remote() != null
                && !cast.secured.containsKey(conn)) {
            // A connect that failed: the client tried, and what came back (or did not) is the lesson.
            lesson.clientOpening(new ClientSetup(Address.of(fact.remote()), false, null, null), conn,
                    cast.clientName(conn));
            lesson.clientFailed(error);
            return;
        }
        endings.putIfAbsent(conn, new Ending(CloseReason.ERROR, error));
    }

    private void close(Fact fact, Lesson.Side side) {
        long conn = fact.conn();
        if (cast.listens.containsKey(conn) && !cast.udpClient(conn)) {
            lesson.serverStopped();
            return;
        }
        Ending ending = endings.remove(conn);
        if (ending != null) {
            lesson.closed(side, conn, ending.reason(), ending.error());
        } else {
            lesson.closed(side, conn, fact.in() ? CloseReason.PEER : CloseReason.LOCAL, null);
        }
    }

    /** The relay's facts: its hops on the diagram, as the relay tab draws them. */
    private void relay(Fact fact) {
        long conn = fact.conn();
        switch (fact.type()) {
            case ACCEPT -> relayEnds.put(conn, new String[] {format(fact.remote()), null, null,
                    format(fact.local())});
            case CONNECT -> {
                String[] ends = relayEnds.get(cast.onward.get(conn));
                if (ends != null) {
                    ends[1] = format(fact.remote());
                    ends[2] = format(fact.local());
                    relayEnds.put(conn, ends);
                    lesson.relay().forwarding(ends[0], ends[3], ends[2], ends[1]);
                }
            }
            case TLS -> {
                String[] ends = relayEnds.get(conn);
                if (ends != null && ends[1] != null && fact.tls() != null) {
                    lesson.relay().secured(ends[0], ends[3], ends[2], ends[1], cast.onward.containsKey(conn),
                            fact.tls());
                }
            }
            case DATA, FIN -> {
                String[] ends = relayEnds.get(conn);
                if (fact.in() && ends != null && ends[1] != null) {
                    boolean toServer = !cast.onward.containsKey(conn);
                    if (fact.type() == Fact.Type.DATA) {
                        lesson.relay().chunk(ends[0], ends[3], ends[2], ends[1], toServer, fact.data());
                    } else {
                        lesson.relay().halfClosed(ends[0], ends[3], ends[2], ends[1], toServer);
                    }
                }
            }
            default -> { }
        }
    }

    private static SocketError error(Fact fact) {
        return fact.error() == null ? null : SocketError.fromPythonText(fact.error());
    }

    private static List<String> alpn(TlsInfo tls) {
        return tls.alpn() == null ? List.of() : List.of(tls.alpn());
    }

    /** The buffer a recv that returned {@code length} bytes at once was given: 1024, or the power of two above. */
    static int bufsize(int length) {
        return length <= RECV_SIZE ? RECV_SIZE : Integer.highestOneBit(length - 1) << 1;
    }

    /** An address as the relay tab names it; a fact may lack one where the engine had none. */
    private static String format(SocketAddress address) {
        return address == null ? "?" : Address.format(address);
    }
}
