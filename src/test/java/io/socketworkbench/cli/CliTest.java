package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private final SocketEngine engine = new SocketEngine("cli-test-peer");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        engine.close();
    }

    private int greeter(String text) {
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0))
                .withGreeting(text.getBytes(UTF_8), true), e -> { });
        return ((InetSocketAddress) server.started().join()).getPort();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = CliRun.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("socket-workbench ");
        CliRun help = CliRun.run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("server", "client");
        CliRun serverHelp = CliRun.run("server", "--help");
        assertThat(serverHelp.out()).contains("--greet", "--close-after-greet", "--echo", "--save", "--once",
                "--max-clients", "--encoding", "--udp", "--unix", "--bind", "--port");
        assertThat(CliRun.run("client", "--help").out()).contains("--send", "--hex", "--timeout", "--save");
    }

    @Test
    void usageErrorsExitTwoAndNameTheBadValue() {
        CliRun port = CliRun.run("server", "--port", "70000");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.stderr()).contains("70000");
        CliRun abc = CliRun.run("client", "127.0.0.1", "abc");
        assertThat(abc.exit()).isEqualTo(2);
        assertThat(abc.stderr()).contains("'abc'");
        CliRun unknown = CliRun.run("server", "--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("--frobnicate");
        CliRun hex = CliRun.run("client", "127.0.0.1", "1", "--hex", "4g");
        assertThat(hex.exit()).isEqualTo(2);
        assertThat(hex.stderr()).contains("'g' is not a hex digit");
        CliRun charset = CliRun.run("client", "--encoding", "klingon");
        assertThat(charset.exit()).isEqualTo(2);
        assertThat(charset.stderr()).contains("klingon");
        assertThat(CliRun.run("client", "--udp", "--unix", "/tmp/x").exit()).isEqualTo(2);
        assertThat(CliRun.run("frob").exit()).isEqualTo(2);
    }

    @Test
    void emptyHostsPathsAndDecodeOnlyCharsetsAreUsageErrorsWithoutJava() {
        String[][] cases = {
                {"client", "", "80"}, {"server", "--bind", "", "--port", "0"}, {"client", "--unix", ""},
                {"server", "--unix", ""}, {"client", "127.0.0.1", "9", "--send", "hi", "--encoding", "ISO-2022-CN"},
                {"server", "--port", "0", "--greet", "hi", "--encoding", "ISO-2022-CN"}};
        for (String[] args : cases) {
            CliRun run = CliRun.run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.stderr()).as(String.join(" ", args)).doesNotContain("java.").doesNotContain("Exception")
                    .containsAnyOf("''", "'ISO-2022-CN'");
        }
    }

    @Test
    void numbersOutOfRangeAreUsageErrorsThatStateTheLimits() {
        // 1e10 s once overflowed the engine's timer into a timeout that fired at once.
        CliRun huge = CliRun.run("client", "127.0.0.1", "9", "--timeout", "1e10");
        assertThat(huge.exit()).isEqualTo(2);
        assertThat(huge.stderr()).contains("'1e10'").contains("86400");
        for (String bad : new String[] {"0", "-1", "NaN", "Infinity"}) {
            CliRun run = CliRun.run("client", "127.0.0.1", "9", "--timeout", bad);
            assertThat(run.exit()).as("--timeout %s", bad).isEqualTo(2);
            assertThat(run.stderr()).contains("'" + bad + "'");
        }
        CliRun backlog = CliRun.run("server", "--port", "0", "--backlog", "0");
        assertThat(backlog.exit()).isEqualTo(2);
        assertThat(backlog.stderr()).contains("'0'").contains("65535");
        CliRun clients = CliRun.run("server", "--port", "0", "--max-clients", "-5");
        assertThat(clients.exit()).isEqualTo(2);
        assertThat(clients.stderr()).contains("'-5'").contains("1000000");
    }

    @Test
    void clientCopiesTheGreetingRawAndExitsZeroWhenTheServerCloses() {
        CliRun run = CliRun.run("client", "127.0.0.1", String.valueOf(greeter("This is socket!")));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("This is socket!");
    }

    @Test
    void clientErrorsAreWordedAsPythonWordsThem() throws IOException {
        CliRun refused = CliRun.run("client", "127.0.0.1", String.valueOf(freePort()));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr().strip()).isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
        CliRun unknown = CliRun.run("client", "no-such-host.invalid", "80");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.stderr().strip()).isEqualTo("socket.gaierror: [Errno -2] Name or service not known");
    }

    @Test
    void clientTimeoutIsTimeoutError() {
        TcpServer silent = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)), e -> { });
        int port = ((InetSocketAddress) silent.started().join()).getPort();
        CliRun run = CliRun.run(new BlockingInput(), "client", "127.0.0.1", String.valueOf(port), "--timeout", "0.3");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip()).isEqualTo("TimeoutError: timed out");
    }

    @Test
    void clientSendsStdinThenShutsDownItsWriteSide() {
        TcpServer echo = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), e -> { });
        int port = ((InetSocketAddress) echo.started().join()).getPort();
        byte[] input = new byte[300_000];
        new java.util.Random(3).nextBytes(input);
        CliRun run = CliRun.run(new ByteArrayInputStream(input), "client", "127.0.0.1", String.valueOf(port));
        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).isEqualTo(input);
    }

    @Test
    void clientSendsHexAndEscapedTextAndSavesWhatComesBack() throws IOException {
        TcpServer echo = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), e -> { });
        int port = ((InetSocketAddress) echo.started().join()).getPort();
        Path save = dir.resolve("got.bin");
        CliRun hex = CliRun.run(new BlockingInput(), "client", "127.0.0.1", String.valueOf(port), "--hex", "00 ff 41",
                "--timeout", "0.5", "--save", save.toString());
        assertThat(hex.stdout()).isEqualTo(new byte[] {0, (byte) 0xff, 0x41});
        assertThat(Files.readAllBytes(save)).isEqualTo(new byte[] {0, (byte) 0xff, 0x41});
        CliRun gbk = CliRun.run(new BlockingInput(), "client", "127.0.0.1", String.valueOf(port), "--send",
                "你好\\r\\n", "--encoding", "GBK", "--timeout", "0.5");
        assertThat(gbk.stdout()).isEqualTo(new byte[] {(byte) 0xc4, (byte) 0xe3, (byte) 0xba, (byte) 0xc3, 13, 10});
    }

    @Test
    void serverGreetsClosesPrintsItsPortAndExitsAfterOneClientWithOnce() throws Exception {
        Path save = dir.resolve("server.bin");
        CliRun.Running server = CliRun.start("server", "--port", "0", "--greet", "hi\\r\\n",
                "--once", "--save", save.toString());
        int port = server.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("from client".getBytes(UTF_8));
            assertThat(new String(socket.getInputStream().readNBytes(4), UTF_8)).isEqualTo("hi\r\n");
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        }
        CliRun run = server.done().get(10, TimeUnit.SECONDS);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("from client");
        assertThat(Files.readString(save)).isEqualTo("from client");
        assertThat(run.stderr()).contains("Listening on 127.0.0.1:" + port, "Connection from 127.0.0.1:");
    }

    @Test
    void serverOnABusyPortFailsWithErrno98() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.run("server", "--port", String.valueOf(busy.getLocalPort()));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.stderr().strip()).isEqualTo("OSError: [Errno 98] Address already in use");
        }
    }

    @Test
    void udpClientSendsOneDatagramAndPrintsTheAnswers() {
        UdpEndpoint echo = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), e -> { });
        int port = ((InetSocketAddress) echo.started().join()).getPort();
        CliRun run = CliRun.run("client", "--udp", "127.0.0.1", String.valueOf(port), "--send", "ping",
                "--timeout", "0.5");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("ping");
    }

    @Test
    void unixClientAndServerTalk() throws Exception {
        Path socket = dir.resolve("s.sock");
        CliRun.Running server = CliRun.start("server", "--unix", socket.toString(), "--greet", "unix!",
                "--close-after-greet", "--once");
        server.awaitListening();
        CliRun client = CliRun.run("client", "--unix", socket.toString());
        assertThat(client.exit()).isZero();
        assertThat(client.out()).isEqualTo("unix!");
        assertThat(server.done().get(10, TimeUnit.SECONDS).exit()).isZero();
    }

    @Test
    void aStreamSavedByTheServerIsByteExact(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path save = dir.resolve("saved.bin");
        byte[] data = new byte[64 << 20];
        new java.util.Random(11).nextBytes(data);
        CliRun.Running server = CliRun.start("server", "--port", "0", "--once", "--save", save.toString());
        int port = server.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(data);
        }
        CliRun run = server.done().get(60, TimeUnit.SECONDS);
        assertThat(run.exit()).isZero();
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        assertThat(sha.digest(Files.readAllBytes(save))).isEqualTo(
                java.security.MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(run.stdout()).hasSize(data.length);
    }

    @Test
    void aUdpClientPrintsOnlyWhatComesFromWhereItSent() throws Exception {
        try (java.net.DatagramSocket server = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
             java.net.DatagramSocket stranger = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> answers = CompletableFuture.runAsync(() -> {
                try {
                    java.net.DatagramPacket asked = new java.net.DatagramPacket(new byte[100], 100);
                    server.receive(asked);
                    byte[] injected = "injected".getBytes(UTF_8);
                    stranger.send(new java.net.DatagramPacket(injected, injected.length, asked.getSocketAddress()));
                    byte[] reply = "reply".getBytes(UTF_8);
                    server.send(new java.net.DatagramPacket(reply, reply.length, asked.getSocketAddress()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            CliRun run = CliRun.run("client", "--udp", "127.0.0.1", String.valueOf(server.getLocalPort()),
                    "--send", "ping", "--timeout", "1");
            answers.get(10, TimeUnit.SECONDS);
            assertThat(run.exit()).isZero();
            assertThat(run.out()).isEqualTo("reply");
            assertThat(run.stderr()).contains("Ignored a datagram from 127.0.0.1:" + stranger.getLocalPort());
        }
    }

    @Test
    void theTopLevelHelpListsEachCommandInAWholeSentence() {
        CliRun help = CliRun.run("--help");
        String out = help.out();
        String server = out.substring(out.indexOf("  server "), out.indexOf("  client "));
        assertThat(server.replaceAll("\\s+", " ").strip()).endsWith(".");
        String client = out.substring(out.indexOf("  client "), out.indexOf("\n\n", out.indexOf("  client ")));
        assertThat(client.replaceAll("\\s+", " ").strip()).endsWith(".");
    }

    @Test
    void silentClientsCannotHoldTheLastPlaceForEver() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--max-clients", "1", "--echo",
                "--idle-timeout", "0.5");
        int port = server.port();
        try (Socket silent = new Socket("127.0.0.1", port)) {
            silent.setSoTimeout(10_000);
            // The only place is taken by a client that says nothing: it is closed once it has been silent 0.5 s.
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket next = new Socket("127.0.0.1", port)) {
            next.setSoTimeout(10_000);
            next.getOutputStream().write("hello".getBytes(UTF_8));
            assertThat(new String(next.getInputStream().readNBytes(5), UTF_8)).isEqualTo("hello");
        }
        assertThat(server.err().text()).contains("it sent nothing for 0.5 s (--idle-timeout)");
        CliRun bad = CliRun.run("server", "--port", "0", "--idle-timeout", "0");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("'0'").contains("86400");
    }

    /** Stdin that has nothing to say and never ends, like a terminal nobody types into. */
    static final class BlockingInput extends InputStream {
        @Override
        public int read() {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }
}
