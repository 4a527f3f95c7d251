package io.socketworkbench.lesson;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The live lesson: what the user's own sockets have done so far, as the tutorial's steps, a TCP state per side,
 * and the Python 3 calls that would do the same ({@code s} listens, {@code con} is the accepted socket, {@code c}
 * is the client). Fed by the panes on the UI thread; it holds no sockets itself.
 */
public final class Lesson {

    /** Which pane acted. */
    public enum Side { SERVER, CLIENT }

    /** Longest bytes literal shown in one mirror line before it is cut. */
    static final int PREVIEW = 48;
    private static final int MAX_LINES = 500;

    private final EnumSet<LessonStep> done = EnumSet.noneOf(LessonStep.class);
    private final List<String> mirror = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private TcpState server = TcpState.CLOSED;
    private TcpState client = TcpState.CLOSED;
    private boolean udp;

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Set<LessonStep> done() {
        return EnumSet.copyOf(done);
    }

    public List<String> mirror() {
        return List.copyOf(mirror);
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

    /** How Python writes an address the user typed: {@code ('127.0.0.1', 37777)}, or the socket file's path. */
    public static String address(String hostOrPath, int port, boolean unix) {
        return unix ? "'" + hostOrPath + "'" : "('" + hostOrPath + "', " + port + ")";
    }

    private static String family(boolean unix) {
        return unix ? "socket.AF_UNIX" : "socket.AF_INET";
    }

    public void serverListening(String where, boolean unix, int backlog) {
        udp = false;
        done.removeAll(LessonStep.TCP);
        done.add(LessonStep.LISTEN);
        server = TcpState.LISTEN;
        line("s = socket.socket(" + family(unix) + ", socket.SOCK_STREAM)");
        if (!unix) {
            line("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)");
        }
        line("s.bind(" + where + ")");
        line("s.listen(" + backlog + ")");
        changed();
    }

    public void serverBoundUdp(String where) {
        udp = true;
        done.removeAll(LessonStep.UDP);
        done.add(LessonStep.UDP_BIND);
        line("s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)");
        line("s.bind(" + where + ")");
        changed();
    }

    public void clientConnecting(String where, boolean unix) {
        udp = false;
        client = TcpState.SYN_SENT;
        line("c = socket.socket(" + family(unix) + ", socket.SOCK_STREAM)");
        line("c.connect(" + where + ")");
        changed();
    }

    public void clientUdp() {
        udp = true;
        line("c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)");
        changed();
    }

    public void clientConnected() {
        client = TcpState.ESTABLISHED;
        done.add(LessonStep.CONNECT);
        changed();
    }

    public void accepted(String peer) {
        server = TcpState.ESTABLISHED;
        done.add(LessonStep.CONNECT);
        line("con, addr = s.accept()  # " + peer);
        changed();
    }

    /** A send; {@code to} is the UDP target, or null on a connection. */
    public void sent(Side side, byte[] data, String to) {
        if (to != null) {
            done.add(LessonStep.UDP_SENDTO);
            line(name(side, true) + ".sendto(" + literal(data) + ", " + to + ")  # " + data.length);
        } else {
            done.add(LessonStep.SEND);
            line(name(side, false) + ".send(" + literal(data) + ")  # " + data.length);
        }
        changed();
    }

    /** A receive; {@code from} is the UDP sender, or null on a connection. */
    public void received(Side side, byte[] data, String from) {
        if (from != null) {
            done.add(LessonStep.UDP_RECVFROM);
            line("data, addr = " + name(side, true) + ".recvfrom(65535)  # " + literal(data) + ", " + from);
        } else {
            done.add(LessonStep.RECEIVE);
            line("data = " + name(side, false) + ".recv(1024)  # " + literal(data));
        }
        changed();
    }

    /** A connection ended, seen from {@code side}. */
    public void closed(Side side, CloseReason reason, SocketError error) {
        done.add(LessonStep.CLOSE);
        String sock = name(side, false);
        switch (reason) {
            case LOCAL -> {
                line(sock + ".close()");
                set(side, TcpState.TIME_WAIT);
            }
            case PEER -> {
                line("data = " + sock + ".recv(1024)  # b''  (the other side closed)");
                line(sock + ".close()");
                set(side, TcpState.CLOSED);
            }
            case RESET, ERROR -> {
                line("data = " + sock + ".recv(1024)  # " + error.pythonText());
                set(side, TcpState.CLOSED);
            }
        }
        changed();
    }

    /** A call that failed, shown as the exception Python raises. */
    public void failed(Side side, String call, SocketError error) {
        if (side == Side.CLIENT) {
            client = TcpState.CLOSED;
        }
        line(call + "  # " + error.pythonText());
        changed();
    }

    public void serverStopped() {
        line("s.close()");
        server = TcpState.CLOSED;
        changed();
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

    static String literal(byte[] data) {
        String repr = PythonBytes.repr(data, 0, Math.min(data.length, PREVIEW));
        return data.length > PREVIEW ? repr + "…" : repr;
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
