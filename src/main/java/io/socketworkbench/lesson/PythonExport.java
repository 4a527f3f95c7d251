package io.socketworkbench.lesson;

import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.ExportRecord.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * "Export as Python": a runnable {@code server.py} and {@code client.py} that do what the session did, with the
 * tutorial's API. The server serves every client the way it served the first one (as the seed's server loops on
 * accept); the client repeats the latest conversation. Receives wait for as many bytes as arrived in the session,
 * because TCP may split or merge what was sent.
 */
public final class PythonExport {
    private PythonExport() {
    }

    public static final String SERVER_FILE = "server.py";
    public static final String CLIENT_FILE = "client.py";

    /** Payloads longer than this are sent with sendall, which loops until everything is out. */
    private static final int SEND_LIMIT = 4096;

    public static String server(ExportRecord session) {
        ExportRecord.ServerSetup setup = session.server();
        if (setup == null) {
            return null;
        }
        boolean unix = setup.address() instanceof Address.Unix;
        boolean joins = setup.multicast().group() != null;
        List<String> out = header(SERVER_FILE, setup.options().linger() != null || joins, unix,
                session.serverOmitted());
        String type = setup.udp() ? "socket.SOCK_DGRAM" : "socket.SOCK_STREAM";
        String address = PythonSource.address(setup.address());
        if (unix) {
            out.add("try:");
            out.add("    os.unlink(" + address + ")   # a socket file left by an earlier run");
            out.add("except FileNotFoundError:");
            out.add("    pass");
        }
        out.add("s = socket.socket(" + PythonSource.family(setup.address()) + ", " + type + ")");
        // Several members of a group on one machine share its port: the app sets SO_REUSEADDR to join.
        out.addAll(PythonSource.setsockopt("s", joins && setup.options().reuseAddress() == null
                ? setup.options().withReuseAddress(true) : setup.options()));
        out.add("s.bind(" + address + ")");
        out.addAll(PythonSource.multicast("s", setup.multicast(), PythonSource.family(setup.address()).endsWith("6")));
        List<Step> steps = session.serverSteps();
        if (setup.udp()) {
            udpServer(out, setup, steps);
        } else {
            tcpServer(out, setup, steps);
        }
        return String.join("\n", out) + "\n";
    }

    private static void tcpServer(List<String> out, ExportRecord.ServerSetup setup, List<Step> steps) {
        out.add("s.listen(" + setup.backlog() + ")");
        out.add("while True:");
        out.add("    con, addr = s.accept()");
        out.add("    print(\"connected from\", addr)");
        String in = "    ";
        if (setup.reply() == ReplyMode.ECHO) {
            out.add(in + "while True:");
            out.add(in + "    data = con.recv(1024)");
            out.add(in + "    if not data:   # b'': the client closed");
            out.add(in + "        break");
            out.add(in + "    con.sendall(data)");
        } else if (!steps.isEmpty()) {
            replay(out, in, "con", steps);
        } else if (setup.reply() != ReplyMode.NONE) {
            out.add(in + send("con", setup.greeting()));
            if (setup.reply() == ReplyMode.GREET) {
                printUntilClosed(out, in, "con");
            }
        } else {
            printUntilClosed(out, in, "con");
        }
        out.add(in + "con.close()");
    }

    private static void udpServer(List<String> out, ExportRecord.ServerSetup setup, List<Step> steps) {
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
        ExportRecord.ClientSetup setup = session.client();
        if (setup == null) {
            return null;
        }
        List<Step> steps = session.clientSteps();
        List<String> out = header(CLIENT_FILE, setup.options().linger() != null, setup.lab().connectEx() && !setup.udp(),
                session.clientOmitted());
        String type = setup.udp() ? "socket.SOCK_DGRAM" : "socket.SOCK_STREAM";
        String target = PythonSource.address(setup.target());
        out.add("c = socket.socket(" + PythonSource.family(setup.target()) + ", " + type + ")");
        out.addAll(PythonSource.setsockopt("c", setup.options()));
        out.addAll(PythonSource.multicast("c", setup.multicast(), PythonSource.family(setup.target()).endsWith("6")));
        ExportRecord.ClientLab lab = setup.lab();
        if (lab.timeout() != null) {
            out.add("c.settimeout(" + PythonSource.seconds(lab.timeout()) + ")");
        }
        if (setup.udp()) {
            for (Step step : steps) {
                if (step.action() == Step.Action.SEND) {
                    out.add("c.sendto(" + PythonSource.bytes(step.data()) + ", " + target + ")");
                } else if (step.action() == Step.Action.RECEIVE) {
                    out.add("data, addr = c.recvfrom(65535)");
                    out.add("print(data, \"from\", addr)");
                }
            }
        } else {
            if (lab.connectEx()) {
                out.add("err = c.connect_ex(" + target + ")   # 0, or an error code instead of an exception");
                out.add("if err:");
                out.add("    raise SystemExit(\"connect_ex returned %d: %s\" % (err, os.strerror(err)))");
            } else {
                out.add("c.connect(" + target + ")");
            }
            if (lab.nonBlocking()) {
                out.add("# The session used c.setblocking(False); this script waits in recv instead, so it runs the same.");
            }
            replay(out, "", "c", steps);
        }
        out.add("c.close()");
        return String.join("\n", out) + "\n";
    }

    private static List<String> header(String name, boolean struct, boolean os, ExportRecord.Omitted omitted) {
        List<String> out = new ArrayList<>();
        out.add("# " + name + ": written by Socket Workbench from your session. Run it with: python3 " + name);
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
        if (struct) {
            out.add("import struct");
        }
        out.add("");
        return out;
    }

    private static void replay(List<String> out, String in, String sock, List<Step> steps) {
        boolean helper = steps.stream().anyMatch(s -> s.action() == Step.Action.RECEIVE);
        if (helper) {
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
                case SHUT_WR -> out.add(in + sock + ".shutdown(socket.SHUT_WR)");
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
