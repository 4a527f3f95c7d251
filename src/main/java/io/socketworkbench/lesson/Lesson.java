package io.socketworkbench.lesson;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.codec.PythonText;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.Session.Step;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live lesson: what the user's own sockets have done so far, as the tutorial's steps, a TCP state per side,
 * the Python 3 calls that would do the same ({@code s} listens, {@code con} is the accepted socket, {@code c}
 * is the client), the sequence diagram, and the session that "Export as Python" replays. Fed by the panes on the
 * UI thread; it holds no sockets itself.
 */
public final class Lesson {

    /** Which pane acted. */
    public enum Side { SERVER, CLIENT }

    /**
     * The few words in the mirror's comments, in the user's language: {@code peerClosed}, {@code discarded}
     * (bytes), {@code noException} (errno name). The default is English.
     */
    public interface Words {
        String get(String key, Object... args);

        Words ENGLISH = (key, args) -> switch (key) {
            case "peerClosed" -> "(the other side closed)";
            case "discarded" -> "(" + args[0] + " more bytes discarded: a datagram does not wait)";
            case "noException" -> "(errno." + args[0] + ", no exception)";
            default -> key;
        };
    }

    /** Longest bytes literal shown in one mirror line before it is cut. */
    static final int PREVIEW = 48;
    /** Longest bytes literal on a diagram arrow. */
    static final int ARROW_PREVIEW = 24;
    private static final int MAX_LINES = 500;

    private final EnumSet<LessonStep> done = EnumSet.noneOf(LessonStep.class);
    private final List<String> mirror = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final Diagram diagram = new Diagram();
    private final Session session = new Session();
    private TcpState server = TcpState.CLOSED;
    private TcpState client = TcpState.CLOSED;
    private boolean udp;
    private String clientTarget = "";
    private Words words = Words.ENGLISH;

    /** The language of the mirror's comments from now on. */
    public void words(Words value) {
        words = value;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Set<LessonStep> done() {
        return EnumSet.copyOf(done);
    }

    public List<String> mirror() {
        return List.copyOf(mirror);
    }

    public Sequence sequence() {
        return diagram.sequence();
    }

    public Session session() {
        return session;
    }

    public TcpState serverState() {
        return server;
    }

    public TcpState clientState() {
        return client;
    }

    /** True when the last thing set up was UDP, so the UDP steps are the ones to show. */
    public boolean udp() {
        return udp;
    }

    /** Starts over: no steps, no mirror, an empty diagram. */
    public void clear() {
        done.clear();
        mirror.clear();
        diagram.clear();
        changed();
    }

    /** How Python writes an address the user typed: {@code ('127.0.0.1', 37777)}, or the socket file's path. */
    public static String address(String hostOrPath, int port, boolean unix) {
        return unix ? "'" + hostOrPath + "'" : "('" + hostOrPath + "', " + port + ")";
    }

    private static String family(boolean unix) {
        return unix ? "socket.AF_UNIX" : "socket.AF_INET";
    }

    /** The server is bound (UDP) or listening (TCP, AF_UNIX) at {@code local}. */
    public void serverListening(Session.ServerSetup setup, SocketAddress local) {
        Session.ServerSetup actual = new Session.ServerSetup(setup.unix(), setup.udp(), Address.pythonTuple(local),
                setup.backlog(), setup.options(), setup.reply(), setup.greeting());
        session.server(actual);
        udp = setup.udp();
        diagram.serverAt(local);
        String type = setup.udp() ? "socket.SOCK_DGRAM" : "socket.SOCK_STREAM";
        line("s = socket.socket(" + family(setup.unix()) + ", " + type + ")");
        Python.setsockopt("s", setup.options()).forEach(this::line);
        line("s.bind(" + actual.address() + ")");
        if (setup.udp()) {
            done.removeAll(LessonStep.UDP);
            done.add(LessonStep.UDP_BIND);
        } else {
            done.removeAll(LessonStep.TCP);
            done.add(LessonStep.LISTEN);
            server = TcpState.LISTEN;
            line("s.listen(" + setup.backlog() + ")");
        }
        changed();
    }

    /** What getsockopt reads back on a socket of {@code side} once it is set up. */
    public void optionsRead(Side side, Map<String, Object> values) {
        Session.ServerSetup serverSetup = session.server();
        Session.ClientSetup clientSetup = session.client();
        var spec = side == Side.SERVER
                ? serverSetup == null ? null : serverSetup.options()
                : clientSetup == null ? null : clientSetup.options();
        if (spec != null) {
            Python.getsockopt(side == Side.SERVER ? "s" : "c", spec, values).forEach(this::line);
            changed();
        }
    }

    /** A call that raised: the line, with the exception Python shows. */
    public void raised(String call, SocketError error) {
        line(call + "  # " + error.pythonText());
        changed();
    }

    public void serverStopped() {
        line("s.close()");
        server = TcpState.CLOSED;
        changed();
    }

    /** The client is about to connect (TCP, AF_UNIX) or has a UDP socket ready to send. */
    public void clientOpening(Session.ClientSetup setup) {
        session.client(setup);
        udp = setup.udp();
        clientTarget = setup.target();
        diagram.clientOpening();
        String type = setup.udp() ? "socket.SOCK_DGRAM" : "socket.SOCK_STREAM";
        line("c = socket.socket(" + family(setup.unix()) + ", " + type + ")");
        Python.setsockopt("c", setup.options()).forEach(this::line);
        Session.ClientLab lab = setup.lab();
        if (lab.timeout() != null) {
            line("c.settimeout(" + Python.seconds(lab.timeout()) + ")");
        }
        if (!setup.udp()) {
            client = TcpState.SYN_SENT;
        }
        changed();
    }

    private String connectCall() {
        Session.ClientSetup setup = session.client();
        boolean ex = setup != null && setup.lab().connectEx();
        return "c." + (ex ? "connect_ex(" : "connect(") + clientTarget + ")";
    }

    /** Python's setblocking(False) comes after connect in a lesson, so that connect itself still waits. */
    private void afterConnect(Session.ClientLab lab) {
        line(lab.connectEx() ? connectCall() + "  # 0" : connectCall());
        if (lab.nonBlocking()) {
            line("c.setblocking(False)");
        }
    }

    public void clientConnected(long id, SocketAddress local, SocketAddress remote) {
        client = TcpState.ESTABLISHED;
        done.add(LessonStep.CONNECT);
        Session.ClientSetup setup = session.client();
        afterConnect(setup == null ? Session.ClientLab.DEFAULT : setup.lab());
        diagram.clientConnected(id, local, remote);
        changed();
    }

    /** The client's connect failed: an exception, or with connect_ex the error code it returns. */
    public void clientFailed(SocketError error) {
        client = TcpState.CLOSED;
        Session.ClientSetup setup = session.client();
        boolean ex = setup != null && setup.lab().connectEx() && error.kind().errno() != null
                && error.kind().errno() > 0;
        if (ex) {
            line(connectCall() + "  # " + error.kind().errno() + "  " + words.get("noException", errnoName(error)));
        } else {
            line(connectCall() + "  # " + error.pythonText());
        }
        diagram.refused(clientTarget.replaceAll("^\\('([^']*)', (\\d+)\\)$", "$1:$2"), error.pythonText());
        changed();
    }

    private static String errnoName(SocketError error) {
        return switch (error.kind()) {
            case CONNECTION_REFUSED -> "ECONNREFUSED";
            case CONNECT_TIMED_OUT -> "ETIMEDOUT";
            case NETWORK_UNREACHABLE -> "ENETUNREACH";
            case HOST_UNREACHABLE -> "EHOSTUNREACH";
            case NO_SUCH_FILE -> "ENOENT";
            case PERMISSION_DENIED -> "EACCES";
            default -> error.kind().name();
        };
    }

    /** The client's UDP socket is bound (by the system, on its first send). */
    public void clientBound(SocketAddress local) {
        diagram.clientAt(local);
        changed();
    }

    public void accepted(long connection, SocketAddress remote, SocketAddress local) {
        server = TcpState.ESTABLISHED;
        done.add(LessonStep.CONNECT);
        line("con, addr = s.accept()  # " + Address.pythonTuple(remote));
        diagram.accepted(connection, remote, local);
        changed();
    }

    /**
     * Bytes sent on {@code connection} (a server sending to all clients passes each). The arrow is drawn here, at
     * the send, so that it comes before a close that follows it; a receive draws one only from a peer that is not
     * one of our panes.
     */
    public void sent(Side side, long connection, byte[] data) {
        done.add(LessonStep.SEND);
        line(name(side, false) + ".send(" + payload(data) + ")  # " + data.length);
        diagram.sent(connection, preview(data), data.length);
        step(side, connection, new Step(Step.Action.SEND, data.clone(), data.length, null));
        changed();
    }

    /** A datagram sent; {@code target} is the address as Python writes it, {@code label} as ip:port. */
    public void sentDatagram(Side side, byte[] data, String target, String label) {
        done.add(LessonStep.UDP_SENDTO);
        line(name(side, true) + ".sendto(" + payload(data) + ", " + target + ")  # " + data.length);
        diagram.datagramSent(side, label, preview(data), data.length);
        step(side, -1, new Step(Step.Action.SEND, data.clone(), data.length, target));
        changed();
    }

    /** Bytes received on {@code connection}, as one recv of {@code bufsize} returned them. */
    public void received(Side side, long connection, byte[] data, int bufsize) {
        // Bytes that arrived were sent, even by a peer outside the app (nc, a student's script): step 3 happened.
        done.add(LessonStep.SEND);
        done.add(LessonStep.RECEIVE);
        line("data = " + name(side, false) + ".recv(" + bufsize + ")  # " + literal(data));
        decoded(data);
        diagram.received(connection, preview(data), data.length);
        step(side, connection, new Step(Step.Action.RECEIVE, new byte[0], data.length, null));
        changed();
    }

    /** A datagram received from {@code from}; {@code discarded} bytes did not fit in bufsize and are lost. */
    public void receivedDatagram(Side side, byte[] data, SocketAddress from, int bufsize, int discarded) {
        done.add(LessonStep.UDP_SENDTO);
        done.add(LessonStep.UDP_RECVFROM);
        String note = discarded > 0 ? "  " + words.get("discarded", discarded) : "";
        line("data, addr = " + name(side, true) + ".recvfrom(" + bufsize + ")  # " + literal(data) + ", "
                + Address.pythonTuple(from) + note);
        decoded(data);
        diagram.datagramReceived(side, from, preview(data), data.length + discarded);
        step(side, -1, new Step(Step.Action.RECEIVE, new byte[0], data.length, Address.pythonTuple(from)));
        changed();
    }

    /** A recv that raised instead of returning: BlockingIOError with nothing waiting, TimeoutError after a wait. */
    public void receiveFailed(String call, SocketError error) {
        line(call + "  # " + error.pythonText());
        changed();
    }

    /** shutdown(SHUT_WR): this side sends no more; the other side's recv returns b''. */
    public void halfClosed(Side side, long connection) {
        line(name(side, false) + ".shutdown(socket.SHUT_WR)");
        set(side, TcpState.FIN_WAIT);
        diagram.halfClosed(connection);
        step(side, connection, Step.of(Step.Action.SHUT_WR));
        changed();
    }

    /**
     * The other side's FIN arrived, but {@code side} has not read the {@code b''} that tells it so, nor closed:
     * the socket waits in CLOSE_WAIT. The FIN is drawn now, as it crossed now.
     */
    public void peerFinished(Side side, long connection) {
        set(side, TcpState.CLOSE_WAIT);
        diagram.finArrived(connection);
        changed();
    }

    /** A connection ended, seen from {@code side}. */
    public void closed(Side side, long connection, CloseReason reason, SocketError error) {
        done.add(LessonStep.CLOSE);
        String sock = name(side, false);
        diagram.closed(connection, reason, error == null ? "" : error.pythonText());
        switch (reason) {
            case LOCAL -> {
                line(sock + ".close()");
                set(side, TcpState.TIME_WAIT);
                step(side, connection, Step.of(Step.Action.CLOSE));
            }
            case PEER -> {
                line("data = " + sock + ".recv(1024)  # b''  " + words.get("peerClosed"));
                line(sock + ".close()");
                set(side, TcpState.CLOSED);
                step(side, connection, Step.of(Step.Action.PEER_CLOSED));
            }
            case RESET, ERROR -> {
                line("data = " + sock + ".recv(1024)  # " + error.pythonText());
                set(side, TcpState.CLOSED);
            }
        }
        changed();
    }

    private void step(Side side, long connection, Step step) {
        if (side == Side.SERVER) {
            session.serverStep(connection, step);
        } else {
            session.clientStep(step);
        }
    }

    private void set(Side side, TcpState state) {
        if (side == Side.SERVER) {
            server = state;
        } else {
            client = state;
        }
    }

    private static String name(Side side, boolean datagram) {
        return side == Side.CLIENT ? "c" : datagram ? "s" : "con";
    }

    /**
     * A send's argument. Text beyond ASCII is written as Python 3 makes it, {@code '你好'.encode('utf-8')}: the
     * tutorial's note that Python 3 sends bytes (Python 2 sent str), shown where the encoding happens.
     */
    static String payload(byte[] data) {
        return PythonText.utf8Beyond(data).filter(text -> text.length() <= PREVIEW)
                .map(text -> PythonText.repr(text) + ".encode('utf-8')").orElseGet(() -> literal(data));
    }

    /** After a receive of text beyond ASCII, the decode that turns the bytes back into a Python 3 str. */
    private void decoded(byte[] data) {
        PythonText.utf8Beyond(data).filter(text -> text.length() <= PREVIEW)
                .ifPresent(text -> line("text = data.decode('utf-8')  # " + PythonText.repr(text)));
    }

    static String literal(byte[] data) {
        String repr = PythonBytes.repr(data, 0, Math.min(data.length, PREVIEW));
        return data.length > PREVIEW ? repr + "…" : repr;
    }

    private static String preview(byte[] data) {
        String repr = PythonBytes.repr(data, 0, Math.min(data.length, ARROW_PREVIEW));
        return data.length > ARROW_PREVIEW ? repr + "…" : repr;
    }

    private void line(String text) {
        mirror.add(text);
        if (mirror.size() > MAX_LINES) {
            mirror.subList(0, mirror.size() - MAX_LINES).clear();
        }
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
