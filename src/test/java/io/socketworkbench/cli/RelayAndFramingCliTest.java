package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** relay and --frame from the command line, against real peers (Python on both ends of the relay). */
class RelayAndFramingCliTest {

    @Test
    void framedLinesPrintOneMessageALineWhateverTheChunksWere() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread peer = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    for (String piece : new String[] {"hel", "lo\r\nwor", "ld\n", "\n", "tail"}) {
                        s.getOutputStream().write(piece.getBytes(UTF_8));
                        s.getOutputStream().flush();
                        Thread.sleep(30);
                    }
                } catch (Exception ignored) {
                    // the test reads what the client printed
                }
            });
            peer.start();
            CliRun run = CliRun.run("client", "127.0.0.1", String.valueOf(listener.getLocalPort()), "--show", "python",
                    "--frame", "line");
            assertThat(run.exit()).isZero();
            assertThat(run.out()).isEqualTo("b'hello'\nb'world'\nb''\nb'tail'\n");
        }
    }

    @Test
    void lengthFramingOnTheServerAndRawOutputUnchanged() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--once", "--show", "hex", "--frame", "length:1");
        int port = server.port();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(new byte[] {2, 'h', 'i', 0, 3, 1});
            client.getOutputStream().flush();
            Thread.sleep(50);
            client.getOutputStream().write(new byte[] {2, 3});
        }
        assertThat(server.done().get(10, TimeUnit.SECONDS).out()).isEqualTo("68 69\n\n01 02 03\n");
        CliRun.Running raw = CliRun.start("server", "--port", "0", "--once", "--frame", "length:1");
        try (Socket client = new Socket("127.0.0.1", raw.port())) {
            client.getOutputStream().write(new byte[] {2, 'h', 'i'});
        }
        assertThat(raw.done().get(10, TimeUnit.SECONDS).stdout()).containsExactly(2, 'h', 'i');
        CliRun bad = CliRun.run("client", "127.0.0.1", "9", "--frame", "length:3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.stderr()).contains("length:N takes N = 1, 2 or 4");
    }

    /** A relay in a process of its own (SIGTERM ends it), its stderr and stdout read as they come. */
    private record Relay(Process process, LiveOutput err, LiveOutput out, int port) {
        static Relay start(boolean keepStdout, String... args) throws Exception {
            ProcessBuilder builder = LauncherProcessTest.launcher(args);
            if (!keepStdout) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD); // 128 MiB of hex lines: not for memory
            }
            Process process = builder.start();
            LiveOutput err = copy(process.getErrorStream());
            LiveOutput out = keepStdout ? copy(process.getInputStream()) : new LiveOutput();
            int port = Integer.parseInt(err.await(java.util.regex.Pattern.compile("Listening on .*:(\\d+)\\n"),
                    java.time.Duration.ofSeconds(20)));
            return new Relay(process, err, out, port);
        }

        private static LiveOutput copy(InputStream from) {
            LiveOutput to = new LiveOutput();
            Thread reader = new Thread(() -> {
                try {
                    from.transferTo(to);
                } catch (java.io.IOException ignored) {
                    // the relay ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            return to;
        }

        /** SIGTERM, as Ctrl+C: the relay must end with status 0. */
        int stop() throws Exception {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return process.exitValue();
        }
    }

    private static final String PY_SERVER = """
            import hashlib, socket, sys
            s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)
            print(s.getsockname()[1], flush=True)
            c, _ = s.accept(); h = hashlib.sha256(); n = 0
            while True:
                d = c.recv(65536)
                if not d:
                    break
                h.update(d); n += len(d)
            # The client half-closed; the answer still goes back through the relay.
            reply = (h.hexdigest() + ' %d' % n).encode()
            block = bytes(range(256)) * 4096
            for i in range(64):
                c.sendall(block)
            c.sendall(reply); c.close()
            """;

    private static final String PY_CLIENT = """
            import hashlib, os, socket, sys, threading
            c = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
            data = os.urandom(64 << 20)
            def send():
                c.sendall(data); c.shutdown(socket.SHUT_WR)
            t = threading.Thread(target=send); t.start()
            got = bytearray()
            while True:
                d = c.recv(65536)
                if not d:
                    break
                got += d
            t.join()
            print(hashlib.sha256(data).hexdigest(), len(data))
            print(got[-(64 + 1 + len(str(len(data)))):].decode())
            print(hashlib.sha256(bytes(got[:64 << 20])).hexdigest())
            print(hashlib.sha256(bytes(range(256)) * 4096 * 64).hexdigest())
            """;

    @Test
    void theRelayForwards64MiBEachWayByteForByteAndPassesTheHalfCloseOn() throws Exception {
        Process server = new ProcessBuilder("python3", "-c", PY_SERVER).start();
        int serverPort = Integer.parseInt(new String(readLine(server.getInputStream()), UTF_8).trim());
        Relay relay = Relay.start(false, "relay", "--port", "0", "--to", "127.0.0.1:" + serverPort, "--show", "hex");
        int relayPort = relay.port();
        Process client = new ProcessBuilder("python3", "-c", PY_CLIENT, String.valueOf(relayPort))
                .redirectErrorStream(true).start();
        String output = new String(client.getInputStream().readAllBytes(), UTF_8);
        String[] lines = output.split("\n");
        assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();
        server.waitFor(30, TimeUnit.SECONDS);
        // What the client sent is what the server hashed (the server's answer, relayed back after the half-close).
        assertThat(lines[1]).as(output).isEqualTo(lines[0]);
        // What the server sent is what the client got.
        assertThat(lines[2]).isEqualTo(lines[3]);
        server.destroy();
        relay.err().await(java.util.regex.Pattern.compile("Closed 127.0.0.1:"), java.time.Duration.ofSeconds(10));
        assertThat(relay.err().text()).contains("Connection from 127.0.0.1:");
        assertThat(relay.stop()).isZero();
    }

    @Test
    void theRelayPrintsEachChunkWithItsDirection() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try (Socket s = upstream.accept()) {
                    byte[] got = s.getInputStream().readNBytes(4);
                    s.getOutputStream().write(("re:" + new String(got, UTF_8)).getBytes(UTF_8));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, r -> new Thread(r).start());
            Relay relay = Relay.start(true, "relay", "--port", "0", "--to", "127.0.0.1:" + upstream.getLocalPort());
            int port = relay.port();
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write("ping".getBytes(UTF_8));
                assertThat(new String(client.getInputStream().readAllBytes(), UTF_8)).isEqualTo("re:ping");
            }
            echo.get(10, TimeUnit.SECONDS);
            relay.err().await(java.util.regex.Pattern.compile("Closed "), java.time.Duration.ofSeconds(10));
            relay.out().await(java.util.regex.Pattern.compile("<< b're:ping'\n"), java.time.Duration.ofSeconds(10));
            assertThat(relay.out().text()).isEqualTo(">> b'ping'\n<< b're:ping'\n");
            assertThat(relay.stop()).isZero();
        }
        CliRun usage = CliRun.run("relay", "--port", "0");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(CliRun.run("relay", "--to", "nowhere").exit()).isEqualTo(2);
    }

    @Test
    void aTargetThatRefusesIsNamedWithTheClientWhoIsResetAndARelayToItselfIsAUsageError() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = probe.getLocalPort();
        }
        Relay relay = Relay.start(false, "relay", "--port", "0", "--to", "127.0.0.1:" + closed);
        String name;
        try (Socket client = new Socket("127.0.0.1", relay.port())) {
            client.setSoTimeout(10_000);
            name = "127.0.0.1:" + client.getLocalPort();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(java.net.SocketException.class).hasMessageContaining("reset");
        }
        relay.err().await(java.util.regex.Pattern.compile("Closed "), java.time.Duration.ofSeconds(10));
        assertThat(relay.err().text()).contains("Could not forward " + name + " to 127.0.0.1:" + closed
                + ": ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(relay.stop()).isZero();

        CliRun loop = CliRun.run("relay", "--port", String.valueOf(closed), "--to", "127.0.0.1:" + closed);
        assertThat(loop.exit()).isEqualTo(2);
        assertThat(loop.stderr()).contains("'127.0.0.1:" + closed + "' is the relay's own listening address");
    }

    private static byte[] readLine(InputStream in) throws Exception {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toByteArray();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
