package io.socketworkbench.interop;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.EventQueue;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.PythonExport;
import io.socketworkbench.lesson.ExportRecord;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Export as Python" end to end: a session is recorded the way the panes record it, its scripts are written, and
 * python3 runs them against our own engine; the exchange must be the session's.
 */
@org.junit.jupiter.api.Timeout(value = 120)
class PythonExportTest {
    private static final byte[] HELLO = "This is socket!".getBytes(UTF_8);
    private final SocketEngine engine = new SocketEngine("export");
    private Process python;
    @TempDir
    Path dir;

    @BeforeEach
    void needsPython() {
        assumeTrue(PythonInteropTest.hasPython(), "python3 is not installed");
    }

    @AfterEach
    void close() throws InterruptedException {
        if (python != null) {
            python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        engine.close();
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static io.socketworkbench.engine.Address tuple(int port) {
        return io.socketworkbench.engine.Address.inet("127.0.0.1", port);
    }

    /** The homework as the panes record it, the server on {@code serverPort}. */
    private static Lesson homework(int serverPort) {
        return homeworkAt(tuple(serverPort), new InetSocketAddress("127.0.0.1", serverPort),
                new InetSocketAddress("127.0.0.1", 50001), SocketOptionsSpec.DEFAULTS.withReuseAddress(true));
    }

    private Path write(String name, String script) throws IOException {
        assertThat(script).as(name).isNotNull();
        return Files.writeString(dir.resolve(name), script);
    }

    /** Starts a server script and waits, bounded, until it answers on {@code port}. */
    private void startServer(Path script, int port, boolean udp) throws Exception {
        python = new ProcessBuilder("python3", "-u", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            assertThat(python.isAlive()).as(() -> output("server.out")).isTrue();
            // Probe by binding, not connecting: a probe connection would be the script's first conversation.
            if (udp ? bound(port) : listening(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server.py did not start: " + output("server.out"));
    }

    /** Whether some socket listens on {@code port} (IPv4 or IPv6), read from /proc: probing has no side effects. */
    private static boolean listening(int port) throws IOException {
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            if (Files.readAllLines(Path.of(table)).stream().skip(1).map(l -> l.trim().split("\\s+"))
                    .anyMatch(f -> f[1].endsWith(String.format(":%04X", port)) && f[3].equals("0A"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether some UDP socket is bound to {@code port}. */
    private static boolean bound(int port) throws IOException {
        return Files.readAllLines(Path.of("/proc/net/udp")).stream().skip(1).map(l -> l.trim().split("\\s+"))
                .anyMatch(f -> f[1].endsWith(String.format(":%04X", port)));
    }

    private String output(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Runs a client script to the end and returns what it printed. */
    private static String runClient(Path script) throws Exception {
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theHomeworkServerScriptBehavesAsTheSeedServer() throws Exception {
        int port = freeTcpPort();
        String script = PythonExport.server(homework(port).exportRecord());
        assertThat(script).contains("s.listen(5)", "while True:", "con.send(b'This is socket!')", "con.close()");
        startServer(write("server.py", script), port, false);

        // Like the seed, it serves client after client: each gets the greeting, then the server closes.
        for (int i = 0; i < 2; i++) {
            EventQueue events = new EventQueue();
            TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), events);
            events.next(SocketEvent.Connected.class);
            assertThat(new String(events.receive(client.id(), HELLO.length), UTF_8)).isEqualTo("This is socket!");
            assertThat(events.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);
        }
        assertThat(output("server.out")).contains("connected from ('127.0.0.1',");
    }

    /** The homework, with the server at {@code server} and the client connecting to {@code target}. */
    private static Lesson homeworkAt(Address target, java.net.SocketAddress server, java.net.SocketAddress client) {
        return homeworkAt(target, server, client, SocketOptionsSpec.DEFAULTS);
    }

    private static Lesson homeworkAt(Address target, java.net.SocketAddress server, java.net.SocketAddress client,
                                     SocketOptionsSpec serverOptions) {
        Lesson lesson = new Lesson();
        lesson.serverListening(new ServerSetup(target, false, ReplyMode.GREET_CLOSE, HELLO, 5, serverOptions), server);
        lesson.clientOpening(new ClientSetup(target, false, null, null));
        lesson.clientConnected(1, client, server);
        lesson.accepted(2, client, server);
        lesson.sent(Lesson.Side.SERVER, 2, HELLO);
        lesson.received(Lesson.Side.CLIENT, 1, HELLO, 1024);
        lesson.closed(Lesson.Side.SERVER, 2, CloseReason.LOCAL, null);
        lesson.closed(Lesson.Side.CLIENT, 1, CloseReason.PEER, null);
        return lesson;
    }

    @Test
    void overIpv6TheScriptsUseAfInet6AndRun() throws Exception {
        int port = freeTcpPort();
        InetSocketAddress server = new InetSocketAddress("::1", port);
        Lesson lesson = homeworkAt(Address.inet("::1", port), server, new InetSocketAddress("::1", 50010));
        String serverScript = PythonExport.server(lesson.exportRecord());
        assertThat(serverScript).contains("socket.socket(socket.AF_INET6, socket.SOCK_STREAM)",
                "s.bind(('::1', " + port);
        startServer(write("server.py", serverScript), port, false);
        EventQueue events = new EventQueue();
        TcpClient client = engine.connect(ClientConfig.of(Address.inet("::1", port)), events);
        assertThat(new String(events.receive(client.id(), HELLO.length), UTF_8)).isEqualTo("This is socket!");

        EventQueue ours = new EventQueue();
        TcpServer greeter = engine.listen(ServerConfig.of(Address.inet("::1", 0)).withGreeting(HELLO, true), ours);
        int ourPort = ((InetSocketAddress) greeter.started().get(10, TimeUnit.SECONDS)).getPort();
        Lesson toOurs = homeworkAt(Address.inet("::1", ourPort), new InetSocketAddress("::1", ourPort),
                new InetSocketAddress("::1", 50011));
        assertThat(runClient(write("client.py", PythonExport.client(toOurs.exportRecord()))))
                .isEqualTo("b'This is socket!'\n");
    }

    @Test
    void overAfUnixTheScriptsUseThePathEvenWithAQuoteInIt() throws Exception {
        Path socket = dir.resolve("it's here.sock");
        java.net.UnixDomainSocketAddress at = java.net.UnixDomainSocketAddress.of(socket);
        Lesson lesson = homeworkAt(Address.unix(socket), at, java.net.UnixDomainSocketAddress.of(""));
        String serverScript = PythonExport.server(lesson.exportRecord());
        assertThat(serverScript).contains("socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
                "s.bind(\"" + socket + "\")");
        python = new ProcessBuilder("python3", "-u", write("server.py", serverScript).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(socket)) {
            assertThat(python.isAlive()).as(() -> output("server.out")).isTrue();
            assertThat(System.nanoTime()).as("server.py made its socket file").isLessThan(deadline);
            Thread.sleep(50);
        }
        EventQueue events = new EventQueue();
        TcpClient client = engine.connect(ClientConfig.of(Address.unix(socket)), events);
        assertThat(new String(events.receive(client.id(), HELLO.length), UTF_8)).isEqualTo("This is socket!");
        python.destroy();
        python.waitFor(10, TimeUnit.SECONDS);
        Files.deleteIfExists(socket);

        EventQueue ours = new EventQueue();
        engine.listen(ServerConfig.of(Address.unix(socket)).withGreeting(HELLO, true), ours);
        ours.next(SocketEvent.Listening.class);
        assertThat(runClient(write("client.py", PythonExport.client(lesson.exportRecord()))))
                .isEqualTo("b'This is socket!'\n");
    }

    @Test
    void theHomeworkClientScriptReceivesTheGreetingFromOurServer() throws Exception {
        EventQueue events = new EventQueue();
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0))
                .withGreeting(HELLO, true), events);
        int port = ((InetSocketAddress) server.started().get(10, TimeUnit.SECONDS)).getPort();
        String out = runClient(write("client.py", PythonExport.client(homework(port).exportRecord())));
        assertThat(out).isEqualTo("b'This is socket!'\n");
        events.next(SocketEvent.Accepted.class);
        events.next(SocketEvent.Closed.class);
    }

    /** An echo server, and a client that sends a line, reads it back, then shuts its sending side. */
    private static Lesson echoSession(int port, boolean udp) {
        Lesson lesson = new Lesson();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress client = new InetSocketAddress("127.0.0.1", 50002);
        byte[] line = "hello 你好\n".getBytes(UTF_8);
        lesson.serverListening(new ServerSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 0), udp,
                ReplyMode.ECHO, null, 1024, SocketOptionsSpec.DEFAULTS.withReuseAddress(true)), server);
        lesson.clientOpening(new ClientSetup(tuple(port), udp,
                SocketOptionsSpec.DEFAULTS.withTcpNoDelay(udp ? null : true).withLinger(udp ? null : 0),
                        new ClientLab(false, 5.0, false, 1024, false)));
        if (udp) {
            lesson.clientBound(client);
            lesson.sentDatagram(Lesson.Side.CLIENT, line, tuple(port));
            lesson.receivedDatagram(Lesson.Side.SERVER, line, client, 65535, 0);
            lesson.sentDatagram(Lesson.Side.SERVER, line, client);
            lesson.receivedDatagram(Lesson.Side.CLIENT, line, server, 65535, 0);
            return lesson;
        }
        lesson.clientConnected(1, client, server);
        lesson.accepted(2, client, server);
        lesson.sent(Lesson.Side.CLIENT, 1, line);
        // TCP may deliver it in pieces; the script must wait for all of them.
        lesson.received(Lesson.Side.SERVER, 2, java.util.Arrays.copyOf(line, 3), 1024);
        lesson.received(Lesson.Side.SERVER, 2, java.util.Arrays.copyOfRange(line, 3, line.length), 1024);
        lesson.sent(Lesson.Side.SERVER, 2, line);
        lesson.received(Lesson.Side.CLIENT, 1, line, 1024);
        lesson.halfClosed(Lesson.Side.CLIENT, 1);
        lesson.closed(Lesson.Side.SERVER, 2, CloseReason.PEER, null);
        lesson.closed(Lesson.Side.CLIENT, 1, CloseReason.PEER, null);
        return lesson;
    }

    @Test
    void anEchoConversationWithHalfCloseRunsBothWays() throws Exception {
        // client.py against our echo server
        EventQueue events = new EventQueue();
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), events);
        int port = ((InetSocketAddress) server.started().get(10, TimeUnit.SECONDS)).getPort();
        String clientScript = PythonExport.client(echoSession(port, false).exportRecord());
        assertThat(clientScript).contains("c.settimeout(5.0)", "c.shutdown(socket.SHUT_WR)", "import struct",
                "c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)");
        assertThat(runClient(write("client.py", clientScript))).isEqualTo(
                "b'hello \\xe4\\xbd\\xa0\\xe5\\xa5\\xbd\\n'\n");
        assertThat(events.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);

        // server.py (an echo loop) against our client
        int pyPort = freeTcpPort();
        startServer(write("server.py", PythonExport.server(echoSession(pyPort, false).exportRecord())), pyPort, false);
        EventQueue mine = new EventQueue();
        TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", pyPort)), mine);
        mine.next(SocketEvent.Connected.class);
        client.send("ping".getBytes(UTF_8));
        assertThat(new String(mine.receive(client.id(), 4), UTF_8)).isEqualTo("ping");
        client.shutdownOutput();
        assertThat(mine.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);
    }

    @Test
    void udpScriptsKeepDatagramsAndAnswerTheSender() throws Exception {
        EventQueue events = new EventQueue();
        UdpEndpoint echo = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), events);
        int port = ((InetSocketAddress) echo.started().get(10, TimeUnit.SECONDS)).getPort();
        String out = runClient(write("client.py", PythonExport.client(echoSession(port, true).exportRecord())));
        assertThat(out).startsWith("b'hello \\xe4\\xbd\\xa0\\xe5\\xa5\\xbd\\n' from ('127.0.0.1', " + port + ")");

        int pyPort = freeUdpPort();
        startServer(write("server.py", PythonExport.server(echoSession(pyPort, true).exportRecord())), pyPort, true);
        EventQueue mine = new EventQueue();
        UdpEndpoint me = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)), mine);
        me.started().get(10, TimeUnit.SECONDS);
        me.send(Address.inet("127.0.0.1", pyPort), "pong".getBytes(UTF_8));
        SocketEvent.Received back = mine.next(SocketEvent.Received.class);
        assertThat(new String(back.data(), UTF_8)).isEqualTo("pong");
    }

    @Test
    void aServerThatAnsweredByHandRepeatsTheConversation() throws Exception {
        int port = freeTcpPort();
        Lesson lesson = new Lesson();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 50003);
        lesson.serverListening(new ServerSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 0), false,
                ReplyMode.NONE, null, 1024, null),
                server);
        lesson.accepted(7, peer, server);
        lesson.received(Lesson.Side.SERVER, 7, "hello".getBytes(UTF_8), 1024);
        lesson.sent(Lesson.Side.SERVER, 7, "world".getBytes(UTF_8));
        lesson.closed(Lesson.Side.SERVER, 7, CloseReason.LOCAL, null);
        assertThat(PythonExport.client(lesson.exportRecord())).isNull();
        startServer(write("server.py", PythonExport.server(lesson.exportRecord())), port, false);

        EventQueue mine = new EventQueue();
        TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), mine);
        mine.next(SocketEvent.Connected.class);
        client.send("hel".getBytes(UTF_8));
        Thread.sleep(200);
        client.send("lo".getBytes(UTF_8));
        assertThat(new String(mine.receive(client.id(), 5), UTF_8)).isEqualTo("world");
        assertThat(mine.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);
        assertThat(output("server.out")).contains("b'hello'");
    }

    /**
     * A session with three clients served three ways and two client sockets: server.py serves the n-th client as
     * the session served its n-th, and client.py runs both client sockets, one after the other.
     */
    @Test
    void severalClientsAreEachExportedTheirOwnWay() throws Exception {
        int port = freeTcpPort();
        Lesson lesson = new Lesson();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        lesson.serverListening(new ServerSetup(Address.inet("127.0.0.1", 0), false, ReplyMode.NONE, null, 5, null),
                server);
        String[][] served = {{"one", "ONE!"}, {"two", "TWO!!"}, {"three", "THREE!!!"}};
        for (int i = 0; i < served.length; i++) {
            long id = 11 + i;
            lesson.accepted(id, new InetSocketAddress("127.0.0.1", 50020 + i), server);
        }
        // The three conversations interleave, as three clients at once do.
        for (int i = 0; i < served.length; i++) {
            lesson.received(Lesson.Side.SERVER, 11 + i, served[i][0].getBytes(UTF_8), 1024);
        }
        for (int i = served.length - 1; i >= 0; i--) {
            lesson.sent(Lesson.Side.SERVER, 11 + i, served[i][1].getBytes(UTF_8));
            lesson.closed(Lesson.Side.SERVER, 11 + i, CloseReason.LOCAL, null);
        }
        for (int i = 0; i < 2; i++) {
            long id = 31 + i;
            lesson.clientOpening(new ClientSetup(tuple(port), false, null, null), id, "c" + (i + 1));
            lesson.clientConnected(id, new InetSocketAddress("127.0.0.1", 50040 + i), server);
        }
        lesson.clientOpening(new ClientSetup(tuple(freeTcpPort()), false, null, null), 40, "c3");
        lesson.clientFailed(io.socketworkbench.engine.SocketError.of(
                io.socketworkbench.engine.ErrorKind.CONNECTION_REFUSED));
        for (int i = 0; i < 2; i++) {
            lesson.sent(Lesson.Side.CLIENT, 31 + i, served[i][0].getBytes(UTF_8));
            lesson.received(Lesson.Side.CLIENT, 31 + i, served[i][1].getBytes(UTF_8), 1024);
            lesson.closed(Lesson.Side.CLIENT, 31 + i, CloseReason.PEER, null);
        }
        ExportRecord record = lesson.exportRecord();
        assertThat(record.served()).hasSize(3);
        assertThat(record.clients()).as("the refused third client is left out beside two that worked").hasSize(2);

        String serverScript = PythonExport.server(record);
        assertThat(serverScript).contains("def serve_1(con):", "def serve_3(con):",
                "ways = [serve_1, serve_2, serve_3]");
        String clientScript = PythonExport.client(record);
        assertThat(clientScript).contains("def client_1():", "def client_2():", "client_1()\nclient_2()")
                .doesNotContain("def client_3");
        assertThat(clientScript.split("def recv_exactly", -1)).as("one helper for both").hasSize(2);
        startServer(write("server.py", serverScript), port, false);
        assertThat(runClient(write("client.py", clientScript))).isEqualTo("b'ONE!'\nb'TWO!!'\n");

        // The third client to connect is served as the session's third was.
        EventQueue mine = new EventQueue();
        TcpClient third = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), mine);
        mine.next(SocketEvent.Connected.class);
        third.send("three".getBytes(UTF_8));
        assertThat(new String(mine.receive(third.id(), 8), UTF_8)).isEqualTo("THREE!!!");
        assertThat(mine.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);
        assertThat(output("server.out")).contains("b'one'", "b'two'", "b'three'");
    }

    @Test
    void clientsServedAlikeNeedOneWayOfServing() {
        Lesson lesson = new Lesson();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 40000);
        lesson.serverListening(new ServerSetup(Address.inet("127.0.0.1", 40000), false, ReplyMode.NONE, null, 5,
                null), server);
        for (long id = 1; id <= 3; id++) {
            lesson.accepted(id, new InetSocketAddress("127.0.0.1", 50000 + (int) id), server);
            lesson.sent(Lesson.Side.SERVER, id, HELLO);
            lesson.closed(Lesson.Side.SERVER, id, CloseReason.LOCAL, null);
        }
        assertThat(PythonExport.server(lesson.exportRecord())).contains("con.send(b'This is socket!')")
                .doesNotContain("def serve_");
    }
}
