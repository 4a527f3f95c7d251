package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.codec.PythonText;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketOptionsSpec;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lesson's Python mirror: the Python 3 calls that would do what the panes' sockets did, one line each, with
 * what each returned or raised as a comment in the user's language. {@code s} listens, {@code con} is the accepted
 * socket, {@code c} (or {@code c1}, {@code c2} for tabs) a client. Bounded: the last {@link #MAX_LINES} lines.
 */
final class PythonMirror {
    /** Longest bytes literal shown in one mirror line before it is cut. */
    static final int PREVIEW = 48;
    /** Longest bytes literal on a diagram arrow. */
    static final int ARROW_PREVIEW = 24;
    private static final int MAX_LINES = 500;

    private final List<String> lines = new ArrayList<>();
    /** The mirror's name of each client socket, by engine id: {@code c}, or {@code c1}, {@code c2} for tabs. */
    private final Map<Long, String> clientNames = new HashMap<>();
    private String clientName = "c";
    private Address clientTarget;
    /** Each client socket's setup, by its mirror name, for the TLS wrap that names the server. */
    private final Map<String, ClientSetup> setups = new HashMap<>();

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }

    /** Where the latest client connects (as given, or as it turned out), for the diagram's refusal. */
    Address clientTarget() {
        return clientTarget;
    }

    String name(Lesson.Side side, boolean datagram, long connection) {
        if (side == Lesson.Side.CLIENT) {
            return clientNames.getOrDefault(connection, clientName);
        }
        return datagram ? "s" : "con";
    }

    void bindFailed(ServerSetup setup, SocketError error) {
        line("s = socket.socket(" + PythonSource.family(setup.address()) + ", " + PythonSource.type(setup.udp()) + ")");
        PythonSource.setsockopt("s", setup.options()).forEach(this::line);
        raised("s.bind(" + PythonSource.address(setup.address()) + ")", error);
    }

    void serverListening(ServerSetup setup, Address actual) {
        PythonSource.serverSocket(setup, actual).forEach(this::line);
        if (!setup.udp()) {
            line("s.listen(" + setup.backlog() + ")");
            if (setup.tls() != null) {
                java.nio.file.Path[] files = PythonExportFiles.serverFiles(setup.tls(),
                        io.socketworkbench.session.ConfigFolder.tls());
                PythonSource.serverContext(PythonText.repr(files[0].toString()), PythonText.repr(files[1].toString()))
                        .forEach(this::line);
            }
        }
    }

    /** A TLS handshake finished: the wrap that did it, with what it agreed. */
    void secured(Lesson.Side side, long connection, io.socketworkbench.engine.TlsInfo info) {
        line(wrap(side, connection) + "  # " + info.summary());
    }

    /** A TLS handshake failed: the wrap raised. */
    void tlsFailed(Lesson.Side side, long connection, SocketError error) {
        raised(wrap(side, connection), error);
    }

    private String wrap(Lesson.Side side, long connection) {
        if (side == Lesson.Side.SERVER) {
            return "con = server_ctx.wrap_socket(con, server_side=True)";
        }
        String name = name(side, false, connection);
        ClientSetup setup = setups.get(name);
        return setup == null ? name + " = ctx.wrap_socket(" + name + ")" : PythonSource.wrapClient(name, setup);
    }

    void optionsRead(Lesson.Side side, SocketOptionsSpec spec, Map<String, Object> values) {
        PythonSource.getsockopt(side == Lesson.Side.SERVER ? "s" : clientName, spec, values).forEach(this::line);
    }

    /** A call that raised: the line, with the exception Python shows. */
    void raised(String call, SocketError error) {
        line(call + "  # " + error.pythonText());
    }

    void serverStopped(ServerSetup setup) {
        if (setup != null && setup.multicast().group() != null) {
            // Leaving the group: what close() does by itself, written out as the lesson on groups shows it.
            boolean ipv6 = setup.multicast().group().contains(":");
            line("s.setsockopt(" + (ipv6 ? "socket.IPPROTO_IPV6, socket.IPV6_LEAVE_GROUP"
                    : "socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP") + ", mreq)");
        }
        line("s.close()");
    }

    void clientOpening(ClientSetup setup, long id, String name) {
        clientTarget = setup.target();
        clientName = name;
        clientNames.put(id, name);
        setups.put(name, setup);
        PythonSource.clientSocket(name, setup).forEach(this::line);
    }

    private String connectCall(ClientSetup setup) {
        boolean ex = setup != null && setup.lab().connectEx();
        return clientName + "." + (ex ? "connect_ex(" : "connect(") + PythonSource.address(clientTarget) + ")";
    }

    /** Python's setblocking(False) comes after connect in a lesson, so that connect itself still waits. */
    void clientConnected(ClientSetup setup, SocketAddress remote) {
        if (clientTarget == null) {
            clientTarget = Address.of(remote);
        }
        ClientLab lab = setup == null ? ClientLab.DEFAULT : setup.lab();
        line(lab.connectEx() ? connectCall(setup) + "  # 0" : connectCall(setup));
        if (lab.nonBlocking()) {
            line(clientName + ".setblocking(False)");
        }
    }

    /** The client's connect failed: an exception, or with connect_ex the error code it returns. */
    void clientFailed(ClientSetup setup, SocketError error) {
        boolean ex = setup != null && setup.lab().connectEx() && error.kind().errno() != null
                && error.kind().errno() > 0;
        if (ex) {
            line(connectCall(setup) + "  # " + error.kind().errno() + "  "
                    + words("noException", errnoName(error)));
        } else {
            line(connectCall(setup) + "  # " + error.pythonText());
        }
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

    void accepted(SocketAddress remote) {
        line("con, addr = s.accept()  # " + PythonSource.address(remote));
    }

    void sent(String sock, byte[] data) {
        line(sock + ".send(" + payload(data) + ")  # " + data.length);
    }

    void sentDatagram(String sock, byte[] data, String target) {
        line(sock + ".sendto(" + payload(data) + ", " + target + ")  # " + data.length);
    }

    void received(String sock, byte[] data, int bufsize) {
        line("data = " + sock + ".recv(" + bufsize + ")  # " + literal(data));
        decoded(data);
    }

    void receivedDatagram(String sock, byte[] data, SocketAddress from, int bufsize, int discarded) {
        String note = discarded > 0 ? "  " + words("discarded", discarded) : "";
        line("data, addr = " + sock + ".recvfrom(" + bufsize + ")  # " + literal(data) + ", "
                + PythonSource.address(from) + note);
        decoded(data);
    }

    void halfClosed(String sock) {
        line(sock + ".shutdown(socket.SHUT_WR)");
    }

    void closed(String sock, CloseReason reason, SocketError error) {
        switch (reason) {
            case LOCAL, STALLED -> line(sock + ".close()");
            case PEER -> {
                line("data = " + sock + ".recv(1024)  # b''  " + words("peerClosed"));
                line(sock + ".close()");
            }
            case RESET, ERROR -> line("data = " + sock + ".recv(1024)  # " + error.pythonText());
        }
    }

    void framing(String sock, io.socketworkbench.codec.Framing framing) {
        line("# " + words("byteStream"));
        switch (framing.kind()) {
            case LINE, DELIMITER -> {
                String end = PythonBytes.repr(framing.delimiter());
                line("# " + words("frameDelimiter", end));
                line("buf = b''");
                line("while " + end + " not in buf:");
                line("    buf += " + sock + ".recv(1024)");
                line("message, _, buf = buf.partition(" + end + ")");
            }
            case LENGTH -> {
                line("# " + words("frameLength", framing.lengthBytes()));
                line("def recv_exactly(s, n):");
                line("    data = b''");
                line("    while len(data) < n:");
                line("        chunk = s.recv(n - len(data))");
                line("        if not chunk:");
                line("            raise ConnectionError('closed in the middle of a message')");
                line("        data += chunk");
                line("    return data");
                line("n = int.from_bytes(recv_exactly(" + sock + ", " + framing.lengthBytes() + "), '"
                        + (framing.littleEndian() ? "little" : "big") + "')");
                line("message = recv_exactly(" + sock + ", n)");
            }
            case IDLE -> {
                line("# " + words("framePause", framing.idleMillis()));
                line(sock + ".settimeout(" + new java.math.BigDecimal(framing.idleMillis()).movePointLeft(3)
                        .stripTrailingZeros().toPlainString() + ")");
                line("parts = []");
                line("try:");
                line("    while True:");
                line("        parts.append(" + sock + ".recv(1024))");
                line("except TimeoutError:");
                line("    message = b''.join(parts)");
            }
        }
    }

    /**
     * A send's argument. Text beyond ASCII is written as Python 3 makes it, {@code '你好'.encode('utf-8')}: the
     * tutorial's note that Python 3 sends bytes (Python 2 sent str), shown where the encoding happens.
     */
    static String payload(byte[] data) {
        if (data.length > 4 * PREVIEW) {
            return literal(data);
        }
        return PythonText.utf8Beyond(data).filter(text -> text.length() <= PREVIEW)
                .map(text -> PythonText.repr(text) + ".encode('utf-8')").orElseGet(() -> literal(data));
    }

    /** After a receive of text beyond ASCII, the decode that turns the bytes back into a Python 3 str. */
    private void decoded(byte[] data) {
        if (data.length > 4 * PREVIEW) {
            return; // too long to be a short text (UTF-8 takes at most 4 bytes a character): no need to decode it
        }
        PythonText.utf8Beyond(data).filter(text -> text.length() <= PREVIEW)
                .ifPresent(text -> line("text = data.decode('utf-8')  # " + PythonText.repr(text)));
    }

    static String literal(byte[] data) {
        return PythonBytes.head(data, PREVIEW);
    }

    /** A bytes literal short enough for a diagram arrow. */
    static String preview(byte[] data) {
        return PythonBytes.head(data, ARROW_PREVIEW);
    }

    private void line(String text) {
        lines.add(text);
        if (lines.size() > MAX_LINES) {
            lines.subList(0, lines.size() - MAX_LINES).clear();
        }
    }

    /** The mirror's comments in the language the texts use (the window's, or the system's). */
    static String words(String key, Object... args) {
        return Texts.t("mirror." + key, args);
    }
}
