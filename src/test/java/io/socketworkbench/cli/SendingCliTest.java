package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.Hex;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's --repeat, --interval, --append and --show, and the server's --show, against plain Java peers. */
class SendingCliTest {
    /** Bytes that came after the ones a reader waited for. */
    private static volatile int extra;

    /** A peer that accepts one client, reads {@code bytes} bytes (bounded by a timeout), then closes. */
    private static CompletableFuture<byte[]> reader(ServerSocket listener, int bytes) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket peer = listener.accept()) {
                peer.setSoTimeout(10_000);
                byte[] got = peer.getInputStream().readNBytes(bytes);
                Thread.sleep(200); // longer than the tests' intervals: anything beyond would have come by now
                extra = peer.getInputStream().available();
                return got;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, r -> new Thread(r, "peer").start());
    }

    @Test
    void repeatSendsTheMessageNTimesWithItsCounterThenWaitsForThePeer() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String expected = "m1;m2;m3;m4;";
            CompletableFuture<byte[]> got = reader(listener, expected.length());
            CliRun run = CliRun.run("client", "127.0.0.1", String.valueOf(listener.getLocalPort()),
                    "--send", "m{{counter}};", "--repeat", "4", "--interval", "20");
            assertThat(run.exit()).isZero(); // the peer closed after the four
            assertThat(new String(got.get(10, TimeUnit.SECONDS), UTF_8)).isEqualTo(expected);
            assertThat(extra).as("bytes after the fourth message").isZero();
        }
    }

    @Test
    void repeatZeroGoesOnUntilTheConnectionEnds() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<byte[]> got = reader(listener, 200 * 2); // 200 two-byte messages, then the close
            CliRun run = CliRun.run("client", "127.0.0.1", String.valueOf(listener.getLocalPort()),
                    "--hex", "ab cd", "--repeat", "0", "--interval", "0");
            assertThat(got.get(10, TimeUnit.SECONDS)).hasSize(400);
            assertThat(Hex.format(java.util.Arrays.copyOf(got.get(), 4))).isEqualTo("ab cd ab cd");
            assertThat(run.exit()).isIn(0, 1); // the peer's close ends it: a clean close, or a reset mid-send
        }
    }

    @Test
    void appendAddsTheChecksumToEachMessage() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<byte[]> got = reader(listener, 16);
            CliRun run = CliRun.run("client", "127.0.0.1", String.valueOf(listener.getLocalPort()),
                    "--hex", "01 03 00 00 00 0A", "--append", "crc16-modbus", "--repeat", "2", "--interval", "0");
            assertThat(run.exit()).isZero();
            assertThat(Hex.format(got.get(10, TimeUnit.SECONDS)))
                    .isEqualTo("01 03 00 00 00 0a c5 cd 01 03 00 00 00 0a c5 cd");
        }
    }

    /** A peer that sends {@code data} to its one client and closes. */
    private static int sender(ServerSocket listener, byte[] data) {
        new Thread(() -> {
            try (Socket peer = listener.accept()) {
                peer.getOutputStream().write(data);
            } catch (Exception ignored) {
                // the test fails on what the client printed
            }
        }, "peer").start();
        return listener.getLocalPort();
    }

    @Test
    void showPrintsEachChunkAsOneLineOfHexOrPythonBytes() throws Exception {
        byte[] data = {0, 1, 'h', 'i', (byte) 0xff, '\'', '\n'};
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun hex = CliRun.run("client", "127.0.0.1", String.valueOf(sender(listener, data)), "--show", "hex");
            assertThat(hex.exit()).isZero();
            assertThat(hex.out()).isEqualTo("00 01 68 69 ff 27 0a\n");
            CliRun python = CliRun.run("client", "127.0.0.1", String.valueOf(sender(listener, data)),
                    "--show", "python");
            assertThat(python.out()).isEqualTo("b\"\\x00\\x01hi\\xff'\\n\"\n");
            CliRun raw = CliRun.run("client", "127.0.0.1", String.valueOf(sender(listener, data)));
            assertThat(raw.stdout()).isEqualTo(data);
        }
    }

    @Test
    void theServerShowsWhatItReceivesAndSavesItAsItIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path saved = dir.resolve("r.bin");
        CliRun.Running server = CliRun.start("server", "--port", "0", "--once", "--show", "python",
                "--save", saved.toString());
        int port = server.port();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(new byte[] {'o', 'k', 0});
        }
        CliRun run = server.done().get(10, TimeUnit.SECONDS);
        assertThat(run.out()).isEqualTo("b'ok\\x00'\n");
        assertThat(java.nio.file.Files.readAllBytes(saved)).containsExactly('o', 'k', 0);
    }

    @Test
    void anIdlePauseEndsAMessageWhileTheConnectionStaysOpen() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--once", "--show", "python",
                "--frame", "idle:200");
        int port = server.port();
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write("ab".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            Thread.sleep(50);
            client.getOutputStream().write("cd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            // The pause, not the close, ends the first message: it is printed while the client is still there.
            server.out().await(java.util.regex.Pattern.compile("(b'abcd'\n)"), java.time.Duration.ofSeconds(10));
            client.getOutputStream().write("ef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        CliRun run = server.done().get(10, TimeUnit.SECONDS);
        assertThat(run.out()).isEqualTo("b'abcd'\nb'ef'\n");
    }

    @Test
    void udpRepeatsGoOutInOrderAndTheWaitForAnswersStartsAfterTheLast() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            peer.setSoTimeout(10_000);
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.run("client", "--udp",
                    "127.0.0.1", String.valueOf(peer.getLocalPort()), "--send", "n{{counter}}", "--repeat", "3",
                    "--interval", "300", "--timeout", "0.2"), r -> new Thread(r, "client").start());
            List<String> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                DatagramPacket packet = new DatagramPacket(new byte[100], 100);
                peer.receive(packet); // an interval longer than --timeout did not end the run early
                got.add(new String(packet.getData(), 0, packet.getLength(), UTF_8));
            }
            assertThat(got).containsExactly("n1", "n2", "n3");
            assertThat(run.get(10, TimeUnit.SECONDS).exit()).isZero();
        }
    }

    @Test
    void badRepeatsChecksumsAndFormatsAreUsageErrors() {
        String[][] cases = {
                {"client", "127.0.0.1", "9", "--send", "x", "--repeat", "-1"},
                {"client", "127.0.0.1", "9", "--send", "x", "--interval", "-5"},
                {"client", "127.0.0.1", "9", "--repeat", "3"},
                {"client", "127.0.0.1", "9", "--send", "x", "--append", "md5"},
                {"client", "127.0.0.1", "9", "--append", "crc8"},
                {"client", "127.0.0.1", "9", "--show", "binary"},
                {"server", "--port", "0", "--show", "binary"},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.stderr()).as(String.join(" ", args)).doesNotContain("Exception", "java.");
        }
        assertThat(CliRun.run(cases[3]).stderr()).contains("'md5' is not one of sum8 xor8 crc8 crc16-modbus");
    }
}
