package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.ExportRecord.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * "Export as Python": a runnable {@code server.py} and {@code client.py} that do what the session did, with the
 * tutorial's API. The server loops on accept as the seed's server does and serves the n-th client as the session
 * served its n-th (later ones as the last; one way of serving when all were served alike); the client runs every
 * client socket of the session, each with its own setup, one after the other in the order they were opened.
 * Receives wait for as many bytes as arrived in the session, because TCP may split or merge what was sent.
 */
public final class PythonExport {
    private PythonExport() {
    }

    public static final String SERVER_FILE = "server.py";
    public static final String CLIENT_FILE = "client.py";

    /** Payloads longer than this are sent with sendall, which loops until everything is out. */
    private static final int SEND_LIMIT = 4096;

    public static String server(ExportRecord session) {
        ServerSetup setup = session.server();
        if (setup == null) {
            return null;
        }
        List<ExportRecord.Conversation> ways = waysOfServing(session.served());
        boolean unix = setup.address() instanceof Address.Unix;
        boolean joins = setup.multicast().group() != null;
        boolean tls = setup.tls() != null && !setup.udp();
        List<String> out = header(SERVER_FILE, setup.options().linger() != null || joins, unix || tls, tls, tls,
                omitted(session.served()), session.moreServed());
        if (tls) {
            java.nio.file.Path[] files = PythonExportFiles.serverFiles(setup.tls(), java.nio.file.Path.of("."));
            out.addAll(PythonSource.serverContext(beside(files[0].getFileName().toString()),
                    beside(files[1].getFileName().toString())));
        }
        String address = PythonSource.address(setup.address());
        if (unix) {
            out.add("try:");
            out.add("    os.unlink(" + address + ")   # a socket file left by an earlier run");
            out.add("except FileNotFoundError:");
            out.add("    pass");
        }
        out.addAll(PythonSource.serverSocket(setup, setup.address()));
        if (setup.udp()) {
            udpServer(out, setup, session.serverSteps());
        } else if (ways.size() > 1 && setup.reply() != ReplyMode.ECHO) {
            tcpServerOfSeveral(out, setup, ways);
        } else {
            tcpServer(out, setup, ways.isEmpty() ? List.of() : ways.get(0).steps());
        }
        return String.join("\n", out) + "\n";
    }

    /**
     * The server's conversations with the last ones that repeat the one before dropped: clients served alike need
     * one way of serving (a greeting server served forty clients the same way).
     */
    private static List<ExportRecord.Conversation> waysOfServing(List<ExportRecord.Conversation> served) {
        List<ExportRecord.Conversation> ways = new ArrayList<>(served);
        while (ways.size() > 1 && ways.get(ways.size() - 1).sameSteps(ways.get(ways.size() - 2))) {
            ways.remove(ways.size() - 1);
        }
        return ways;
    }

    private static void tcpServer(List<String> out, ServerSetup setup, List<Step> steps) {
        out.add("s.listen(" + setup.backlog() + ")");
        out.add("while True:");
        accept(out, setup);
        String in = "    ";
        if (setup.reply() == ReplyMode.ECHO) {
            out.add(in + "while True:");
            out.add(in + "    data = con.recv(1024)");
            out.add(in + "    if not data:   # b'': the client closed");
            out.add(in + "        break");
            out.add(in + "    con.sendall(data)");
        } else {
            serve(out, in, setup, steps);
        }
        out.add(in + "con.close()");
    }

    /**
     * The accept in the server's loop, and over TLS the handshake on the accepted socket: a client that fails it
     * is said and left, and the server waits for the next.
     */
    private static void accept(List<String> out, ServerSetup setup) {
        out.add("    con, addr = s.accept()");
        out.add("    print(\"connected from\", addr)");
        if (setup.tls() != null) {
            out.add("    try:");
            out.add("        con = server_ctx.wrap_socket(con, server_side=True)   # the TLS handshake");
            out.add("    except (ssl.SSLError, OSError) as e:");
            out.add("        print(\"TLS handshake failed:\", e)");
            out.add("        con.close()");
            out.add("        continue");
            out.add("    print(\"TLS:\", con.version(), con.cipher()[0])");
        }
    }

    /** A file written beside the scripts, as the scripts name it wherever they are run from. */
    private static String beside(String file) {
        return "os.path.join(HERE, " + io.socketworkbench.codec.PythonText.repr(file) + ")";
    }

    /** One conversation of the server's, on {@code con}, as the session had it. */
    private static void serve(List<String> out, String in, ServerSetup setup, List<Step> steps) {
        if (!steps.isEmpty()) {
            replay(out, in, "con", steps, setup.tls() != null);
        } else if (setup.reply() != ReplyMode.NONE) {
            out.add(in + send("con", setup.greeting()));
            if (setup.reply() == ReplyMode.GREET) {
                printUntilClosed(out, in, "con");
            }
        } else {
            printUntilClosed(out, in, "con");
        }
    }

    /** A server whose clients had different conversations: the n-th client is served as the session's n-th was. */
    private static void tcpServerOfSeveral(List<String> out, ServerSetup setup,
                                           List<ExportRecord.Conversation> ways) {
        out.add("s.listen(" + setup.backlog() + ")");
        out.add("");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ways.size(); i++) {
            String name = "serve_" + (i + 1);
            names.add(name);
            out.add("def " + name + "(con):");
            out.add("    \"\"\"The session's client " + (i + 1) + ".\"\"\"");
            serve(out, "    ", setup, ways.get(i).steps());
            out.add("");
        }
        out.add("# The session served " + ways.size() + " clients, each its own way: the n-th client to connect");
        out.add("# is served as the session's n-th was, and later ones as the last.");
        out.add("ways = [" + String.join(", ", names) + "]");
        out.add("served = 0");
        out.add("while True:");
        accept(out, setup);
        out.add("    ways[min(served, len(ways) - 1)](con)");
        out.add("    served += 1");
        out.add("    con.close()");
    }

    private static void udpServer(List<String> out, ServerSetup setup, List<Step> steps) {
        out.add("while True:");
        out.add("    data, addr = s.recvfrom(65535)");
        out.add("    print(data, \"from\", addr)");
        if (setup.reply() == ReplyMode.ECHO) {
            out.add("    s.sendto(data, addr)");
        } else if (setup.reply() != ReplyMode.NONE) {
            out.add("    s.sendto(" + PythonSource.bytes(setup.greeting()) + ", addr)");
        } else {
            // Answer each datagram the way the session answered after the first one arrived.
            boolean afterFirst = false;
            for (Step step : steps) {
                if (step.action() == Step.Action.RECEIVE) {
                    if (afterFirst) {
                        break;
                    }
                    afterFirst = true;
                } else if (step.action() == Step.Action.SEND && afterFirst) {
                    out.add("    s.sendto(" + PythonSource.bytes(step.data()) + ", addr)");
                }
            }
        }
    }

    public static String client(ExportRecord session) {
        List<ExportRecord.Conversation> clients = session.clients();
        if (clients.isEmpty()) {
            return null;
        }
        boolean struct = clients.stream().anyMatch(c -> c.setup().options().linger() != null);
        boolean tls = clients.stream().anyMatch(c -> c.setup().tls() != null && !c.setup().udp());
        boolean files = clients.stream().anyMatch(c -> c.setup().tls() != null && c.setup().tls().caFile() != null);
        boolean os = files || clients.stream().anyMatch(c -> c.setup().lab().connectEx() && !c.setup().udp());
        List<String> out = header(CLIENT_FILE, struct, os, tls, files, omitted(clients), session.moreClients());
        if (clients.size() == 1) {
            client(out, "", clients.get(0));
            return String.join("\n", out) + "\n";
        }
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            String name = "client_" + (i + 1);
            calls.add(name + "()");
            out.add("def " + name + "():");
            out.add("    \"\"\"The session's client socket " + (i + 1) + ".\"\"\"");
            client(out, "    ", clients.get(i));
            out.add("");
        }
        out.add("# One after the other, in the order the session opened them.");
        out.addAll(calls);
        return String.join("\n", out) + "\n";
    }

    /** One client socket's conversation, indented by {@code in}. */
    private static void client(List<String> out, String in, ExportRecord.Conversation conversation) {
        ClientSetup setup = conversation.setup();
        List<Step> steps = conversation.steps();
        String target = PythonSource.address(setup.target());
        PythonSource.clientSocket("c", setup, ca -> beside(PythonExportFiles.caName(ca)))
                .forEach(line -> out.add(in + line));
        ClientLab lab = setup.lab();
        if (setup.udp()) {
            for (Step step : steps) {
                if (step.action() == Step.Action.SEND) {
                    out.add(in + "c.sendto(" + PythonSource.bytes(step.data()) + ", " + target + ")");
                } else if (step.action() == Step.Action.RECEIVE) {
                    out.add(in + "data, addr = c.recvfrom(65535)");
                    out.add(in + "print(data, \"from\", addr)");
                }
            }
        } else {
            if (lab.connectEx()) {
                out.add(in + "err = c.connect_ex(" + target + ")   # 0, or an error code instead of an exception");
                out.add(in + "if err:");
                out.add(in + "    raise SystemExit(\"connect_ex returned %d: %s\" % (err, os.strerror(err)))");
            } else {
                out.add(in + "c.connect(" + target + ")");
            }
            if (setup.tls() != null) {
                out.add(in + PythonSource.wrapClient("c", setup) + "   # the TLS handshake");
                out.add(in + "print(\"TLS:\", c.version(), c.cipher()[0])");
            }
            if (lab.nonBlocking()) {
                out.add(in + "# The session used c.setblocking(False); this script waits in recv instead, so it runs "
                        + "the same.");
            }
            replay(out, in, "c", steps, setup.tls() != null);
        }
        out.add(in + "c.close()");
    }

    private static ExportRecord.Omitted omitted(List<ExportRecord.Conversation> conversations) {
        ExportRecord.Omitted all = new ExportRecord.Omitted(0, 0);
        for (ExportRecord.Conversation conversation : conversations) {
            all = all.plus(conversation.omitted());
        }
        return all;
    }

    private static List<String> header(String name, boolean struct, boolean os, boolean tls, boolean files,
                                       ExportRecord.Omitted omitted, int moreClients) {
        List<String> out = new ArrayList<>();
        out.add("# " + name + ": written by Socket Workbench from your session. Run it with: python3 " + name);
        if (moreClients > 0) {
            out.add("# Socket Workbench keeps the first " + ExportRecord.MAX_CONVERSATIONS + " clients of a session: "
                    + moreClients + " more are left out.");
        }
        if (omitted.any()) {
            out.add("# The session was longer than Socket Workbench keeps (" + ExportRecord.MAX_STEPS + " steps, "
                    + ExportRecord.MAX_BYTES + " bytes sent):");
            out.add("# the last " + omitted.steps() + " steps (" + omitted.bytes()
                    + " bytes sent) are left out, so this script stops where the record ends.");
        }
        if (os) {
            out.add("import os");
        }
        out.add("import socket");
        if (tls) {
            out.add("import ssl");
        }
        if (struct) {
            out.add("import struct");
        }
        out.add("");
        if (files) {
            out.add("HERE = os.path.dirname(os.path.abspath(__file__))   # the certificates are beside this script");
        }
        return out;
    }

    private static void replay(List<String> out, String in, String sock, List<Step> steps, boolean tls) {
        boolean helper = steps.stream().anyMatch(s -> s.action() == Step.Action.RECEIVE);
        if (helper && !out.contains("def recv_exactly(sock, n):")) {
            // The helper goes at the top level, before the code that uses it.
            int at = out.indexOf("") + 1;
            out.addAll(at, List.of(
                    "def recv_exactly(sock, n):",
                    "    \"\"\"Receive n bytes: TCP may split or merge what the other side sent.\"\"\"",
                    "    data = b''",
                    "    while len(data) < n:",
                    "        chunk = sock.recv(min(n - len(data), 1024))",
                    "        if not chunk:   # b'': the other side closed",
                    "            break",
                    "        data += chunk",
                    "    return data",
                    ""));
        }
        for (Step step : steps) {
            switch (step.action()) {
                case SEND -> out.add(in + send(sock, step.data()));
                case RECEIVE -> {
                    out.add(in + "data = recv_exactly(" + sock + ", " + step.length() + ")");
                    out.add(in + "print(data)");
                }
                case SHUT_WR -> out.add(in + (tls ? "# " + sock + ".shutdown(socket.SHUT_WR) in the session: Python's "
                        + "ssl cannot half-close and go on reading, so this script only stops sending"
                        : sock + ".shutdown(socket.SHUT_WR)"));
                case PEER_CLOSED -> {
                    printUntilClosed(out, in, sock);
                    return;
                }
                case CLOSE -> {
                    return;
                }
            }
        }
    }

    private static void printUntilClosed(List<String> out, String in, String sock) {
        out.add(in + "while True:");
        out.add(in + "    data = " + sock + ".recv(1024)");
        out.add(in + "    if not data:   # b'': the other side closed");
        out.add(in + "        break");
        out.add(in + "    print(data)");
    }

    private static String send(String sock, byte[] data) {
        return sock + (data.length > SEND_LIMIT ? ".sendall(" : ".send(") + PythonSource.bytes(data) + ")";
    }
}
