package io.socketworkbench.export;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.codec.PythonText;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.session.RecordingReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recording as a pytest file: one test a conversation, which plays the client's side again against the recorded
 * server (or {@code SWB_HOST}/{@code SWB_PORT}) and asserts what comes back, byte for byte, however TCP splits it,
 * with a readable difference (where they part, as Python bytes and as hex) when it changes. A TCP conversation is
 * the client's sends and what it read, in the order they happened, its half-close, and the server's close; over
 * TLS the socket is wrapped with {@code ssl}. A UDP conversation is each datagram, one by one. A conversation
 * recorded at both ends (a window whose client talks to its own server) is one test. Bounded: the first
 * {@link #MAX_CONVERSATIONS}, each checked up to {@link #MAX_BYTES} bytes (the test says what it leaves out).
 */
public final class PytestExport {
    static final int MAX_CONVERSATIONS = 32;
    static final int MAX_BYTES = 1 << 20;

    /** A step of the client's side: send these bytes, or expect these bytes back. */
    private record Step(Kind kind, byte[] data) {
    }

    private enum Kind { SEND, EXPECT, SHUT_WR, SERVER_CLOSED }

    /** One conversation, from its client's side. */
    private static final class Conversation {
        final boolean udp;
        final InetSocketAddress server;
        final List<Step> steps = new ArrayList<>();
        final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Kind pendingKind;
        String tls;
        String sni;
        boolean reset;
        /** The recording side is this conversation's client (else its server). */
        boolean clientIsLocal;
        long bytes;
        long leftOut;

        Conversation(boolean udp, InetSocketAddress server) {
            this.udp = udp;
            this.server = server;
        }

        /** Bytes one way: joined to the bytes before them that went the same way (TCP keeps no boundaries). */
        void bytes(Kind kind, byte[] data) {
            if (bytes + data.length > MAX_BYTES) {
                leftOut += data.length;
                return;
            }
            bytes += data.length;
            if (udp) {
                steps.add(new Step(kind, data));
                return;
            }
            if (pendingKind != kind) {
                flush();
                pendingKind = kind;
            }
            pending.writeBytes(data);
        }

        void mark(Kind kind) {
            flush();
            if (leftOut == 0 && steps.stream().noneMatch(s -> s.kind() == kind)) {
                steps.add(new Step(kind, new byte[0]));
            }
        }

        void flush() {
            if (pendingKind != null && pending.size() > 0) {
                steps.add(new Step(pendingKind, pending.toByteArray()));
            }
            pending.reset();
            pendingKind = null;
        }
    }

    /** What was written: how many tests, and how many conversations were left out past the bound. */
    public record Summary(int tests, int leftOut, String text) {
    }

    /** The pytest file for every conversation {@code recording} holds; {@code name} names the recording. */
    public static Summary of(RecordingReader recording, String name) throws IOException {
        Map<Long, Conversation> byConn = new LinkedHashMap<>();
        Set<String> pairs = new HashSet<>();
        Map<String, Conversation> datagrams = new LinkedHashMap<>();
        int leftOut = 0;
        for (Fact fact = recording.next(); fact != null; fact = recording.next()) {
            long conn = fact.conn();
            switch (fact.type()) {
                case CONNECT, ACCEPT -> {
                    if (!(fact.local() instanceof InetSocketAddress local)
                            || !(fact.remote() instanceof InetSocketAddress remote)) {
                        continue; // AF_UNIX: no host and port to replay against
                    }
                    boolean accepted = fact.type() == Fact.Type.ACCEPT;
                    InetSocketAddress client = accepted ? remote : local;
                    InetSocketAddress server = accepted ? local : remote;
                    if (!pairs.add(client + "|" + server)) {
                        continue; // the other end of a conversation already kept: its facts repeat it
                    } else if (byConn.size() >= MAX_CONVERSATIONS) {
                        leftOut++;
                    } else {
                        Conversation c = new Conversation(false, server);
                        c.clientIsLocal = !accepted;
                        byConn.put(conn, c);
                    }
                }
                case TLS -> {
                    Conversation c = byConn.get(conn);
                    if (c != null && fact.tls() != null) {
                        c.tls = fact.tls().protocol();
                        c.sni = fact.tls().sni();
                    }
                }
                case DATA -> {
                    Conversation c = byConn.get(conn);
                    if (c != null) {
                        // From the client's side: what it sent, and what it read.
                        boolean clientSent = fact.in() != c.clientIsLocal;
                        c.bytes(clientSent ? Kind.SEND : Kind.EXPECT, fact.data());
                    }
                }
                case FIN -> {
                    Conversation c = byConn.get(conn);
                    if (c != null) {
                        boolean fromClient = fact.in() != c.clientIsLocal;
                        c.mark(fromClient ? Kind.SHUT_WR : Kind.SERVER_CLOSED);
                    }
                }
                case RST -> {
                    Conversation c = byConn.get(conn);
                    if (c != null) {
                        c.reset = true;
                    }
                }
                case CLOSE -> {
                    Conversation c = byConn.get(conn);
                    // The server's close is a FIN its client reads as b'': recorded at the server, a close of its
                    // own; at the client, the peer's end.
                    if (c != null && !c.reset && (!c.clientIsLocal || fact.in())) {
                        c.mark(Kind.SERVER_CLOSED);
                    }
                }
                case DATAGRAM -> {
                    if (!(fact.local() instanceof InetSocketAddress local)
                            || !(fact.remote() instanceof InetSocketAddress remote)) {
                        continue;
                    }
                    // UDP has no connect: of a socket and a peer, the client is whichever spoke first.
                    String key = conn + " " + remote;
                    Conversation c = datagrams.get(key);
                    if (c == null && !datagrams.containsKey(key)) {
                        boolean server = fact.in();
                        InetSocketAddress serverAddress = server ? local : remote;
                        InetSocketAddress client = server ? remote : local;
                        if (pairs.add("udp " + client + "|" + serverAddress)
                                && byConn.size() + datagrams.size() < MAX_CONVERSATIONS) {
                            c = new Conversation(true, serverAddress);
                            c.clientIsLocal = !server;
                        }
                        datagrams.put(key, c);
                    }
                    if (c != null) {
                        c.bytes(fact.in() != c.clientIsLocal ? Kind.SEND : Kind.EXPECT, fact.data());
                    }
                }
                default -> { }
            }
        }
        List<Conversation> kept = new ArrayList<>();
        List<Conversation> all = new ArrayList<>(byConn.values());
        datagrams.values().stream().filter(java.util.Objects::nonNull).forEach(all::add);
        for (Conversation c : all) {
            c.flush();
            if (!c.steps.isEmpty() || !c.udp) {
                kept.add(c);
            }
        }
        return new Summary(kept.size(), leftOut, render(kept, name, leftOut));
    }

    private static String render(List<Conversation> conversations, String name, int leftOut) {
        List<String> out = new ArrayList<>();
        boolean tls = conversations.stream().anyMatch(c -> c.tls != null);
        out.add("\"\"\"The client side of each conversation in the recording " + name + ", played again.");
        out.add("");
        out.add("Written by Socket Workbench. Each test connects to the server the recording talked to (or to");
        out.add("SWB_HOST and SWB_PORT from the environment), sends what the client sent, and checks that what");
        out.add("comes back is what came back then, byte for byte, however TCP splits it.");
        out.add("Run: python3 -m pytest " + "-q THIS_FILE");
        if (leftOut > 0) {
            out.add("");
            out.add(leftOut + " more conversation(s) of the recording are not here (the first "
                    + MAX_CONVERSATIONS + " are).");
        }
        out.add("\"\"\"");
        out.add("import os");
        out.add("import socket");
        if (tls) {
            out.add("import ssl");
        }
        out.add("");
        out.add("TIMEOUT = float(os.environ.get('SWB_TIMEOUT', '5'))");
        out.add("");
        out.add("");
        out.add("def server(host, port):");
        out.add("    \"\"\"The recorded server, unless SWB_HOST / SWB_PORT say another.\"\"\"");
        out.add("    return os.environ.get('SWB_HOST', host), int(os.environ.get('SWB_PORT', port))");
        out.add("");
        out.add("");
        out.add("def difference(expected, got):");
        out.add("    \"\"\"Where two byte strings part, as Python bytes and as hex.\"\"\"");
        out.add("    at = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b),");
        out.add("              min(len(expected), len(got)))");
        out.add("    start = max(0, at - 16)");
        out.add("    return ('the bytes differ from byte %d (expected %d bytes, got %d)\\n'");
        out.add("            '  expected: %r\\n       got: %r\\n'");
        out.add("            '  expected (hex): %s\\n       got (hex): %s'");
        out.add("            % (at, len(expected), len(got), expected[start:at + 32], got[start:at + 32],");
        out.add("               expected[start:at + 32].hex(' '), got[start:at + 32].hex(' ')))");
        out.add("");
        out.add("");
        out.add("def expect(s, expected):");
        out.add("    \"\"\"Reads until len(expected) bytes came (or the server closed, or TIMEOUT passed);");
        out.add("    then compares.\"\"\"");
        out.add("    got = b''");
        out.add("    try:");
        out.add("        while len(got) < len(expected):");
        out.add("            chunk = s.recv(len(expected) - len(got))");
        out.add("            if not chunk:");
        out.add("                break");
        out.add("            got += chunk");
        out.add("    except socket.timeout:");
        out.add("        pass  # nothing more came: what did is compared");
        out.add("    assert got == expected, difference(expected, got)");
        out.add("");
        out.add("");
        out.add("def expect_closed(s):");
        out.add("    \"\"\"The server closed its side: recv() gives b'' (nothing more came).\"\"\"");
        out.add("    more = s.recv(65536)");
        out.add("    assert more == b'', 'the server sent more than was recorded: %r' % more[:64]");
        if (tls) {
            out.add("");
            out.add("");
            out.add("def tls_context():");
            out.add("    \"\"\"Trusts SWB_CAFILE when it is set. Without it the server's certificate is NOT");
            out.add("    checked: the recording holds no certificate, and this test checks bytes, not who the");
            out.add("    server is.\"\"\"");
            out.add("    cafile = os.environ.get('SWB_CAFILE')");
            out.add("    ctx = ssl.create_default_context(cafile=cafile)");
            out.add("    if not cafile:");
            out.add("        ctx.check_hostname = False");
            out.add("        ctx.verify_mode = ssl.CERT_NONE");
            out.add("    return ctx");
        }
        int n = 1;
        for (Conversation c : conversations) {
            out.add("");
            out.add("");
            String host = io.socketworkbench.engine.Address.hostText(c.server.getAddress());
            String where = PythonText.repr(host) + ", " + c.server.getPort();
            if (c.udp) {
                out.add("def test_udp_conversation_" + n++ + "():");
                out.add("    \"\"\"Datagrams to " + host + ":" + c.server.getPort() + ", one by one.\"\"\"");
                out.add("    address = server(" + where + ")");
                out.add("    s = socket.socket(socket.AF_INET6 if ':' in address[0] else socket.AF_INET, "
                        + "socket.SOCK_DGRAM)");
                out.add("    s.settimeout(TIMEOUT)");
                out.add("    try:");
                for (Step step : c.steps) {
                    if (step.kind() == Kind.SEND) {
                        out.add("        s.sendto(" + PythonBytes.repr(step.data()) + ", address)");
                    } else {
                        out.add("        data, sender = s.recvfrom(65535)");
                        out.add("        assert data == " + PythonBytes.repr(step.data()) + ", difference("
                                + PythonBytes.repr(step.data()) + ", data)");
                    }
                }
                out.add("    finally:");
                out.add("        s.close()");
                continue;
            }
            out.add("def test_conversation_" + n++ + "():");
            out.add("    \"\"\"A TCP" + (c.tls != null ? " and TLS (" + c.tls + ")" : "") + " conversation with "
                    + host + ":" + c.server.getPort() + ".\"\"\"");
            out.add("    s = socket.create_connection(server(" + where + "), timeout=TIMEOUT)");
            if (c.tls != null) {
                out.add("    s = tls_context().wrap_socket(s, server_hostname="
                        + PythonText.repr(c.sni != null ? c.sni : host) + ")");
            }
            out.add("    try:");
            boolean any = false;
            for (Step step : c.steps) {
                any = true;
                switch (step.kind()) {
                    case SEND -> out.add("        s.sendall(" + PythonBytes.repr(step.data()) + ")");
                    case EXPECT -> out.add("        expect(s, " + PythonBytes.repr(step.data()) + ")");
                    case SHUT_WR -> out.add("        s.shutdown(socket.SHUT_WR)");
                    case SERVER_CLOSED -> out.add("        expect_closed(s)");
                }
            }
            if (c.leftOut > 0) {
                out.add("        # " + c.leftOut + " more bytes were recorded; the first " + MAX_BYTES
                        + " are checked.");
                any = true;
            }
            if (!any) {
                out.add("        pass  # the connection carried no bytes");
            }
            out.add("    finally:");
            out.add("        s.close()");
        }
        return String.join("\n", out) + "\n";
    }
}
