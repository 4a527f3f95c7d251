package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost, nothing changed: a gibibyte through TCP into a capture, and ten thousand datagrams counted. */
class IntegrityTest {

    @TempDir
    Path dir;

    @Test
    void aGibibyteOfRandomBytesArrivesWholeInTheCaptureAndOnStdout() throws Exception {
        Path capture = dir.resolve("capture.bin");
        Process server = LauncherProcessTest.launcher("server", "--port", "0", "--once", "--save", capture.toString())
                .start();
        try {
            // The server's raw copy on stdout is hashed as it comes, so it never has to fit anywhere.
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> sha256(server.getInputStream()));
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), UTF_8));
            Matcher m = Pattern.compile("^Listening on .*:(\\d+)$").matcher(String.valueOf(err.readLine()));
            assertThat(m.matches()).isTrue();
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            SplittableRandom random = new SplittableRandom(20261126);
            byte[] block = new byte[1 << 20];
            try (Socket client = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
                OutputStream out = client.getOutputStream();
                for (int i = 0; i < 1024; i++) {
                    random.nextBytes(block);
                    sent.update(block);
                    out.write(block);
                }
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("--once: the server exits after the client").isTrue();
            assertThat(server.exitValue()).isZero();
            String expected = HexFormat.of().formatHex(sent.digest());
            assertThat(Files.size(capture)).isEqualTo(1L << 30);
            try (InputStream in = Files.newInputStream(capture)) {
                assertThat(sha256(in)).as("the capture").isEqualTo(expected);
            }
            assertThat(stdout.get(60, TimeUnit.SECONDS)).as("stdout").isEqualTo(expected);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void tenThousandDatagramsAreEachEchoedAndEachShown() throws Exception {
        CliRun.Running server = CliRun.start("server", "--udp", "--port", "0", "--echo", "--show", "hex");
        int port = server.port();
        int count = 10_000;
        int echoed = 0;
        StringBuilder expected = new StringBuilder();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            byte[] answer = new byte[2048];
            for (int i = 0; i < count; i++) {
                // Sizes from 1 to 1,400 bytes, each datagram numbered: an echo must be this one, whole.
                byte[] datagram = new byte[1 + (i * 37) % 1400];
                new SplittableRandom(i).nextBytes(datagram);
                datagram[0] = (byte) i;
                socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket reply = new DatagramPacket(answer, answer.length);
                socket.receive(reply);
                assertThat(java.util.Arrays.copyOf(answer, reply.getLength())).isEqualTo(datagram);
                echoed++;
                expected.append(HexFormat.ofDelimiter(" ").formatHex(datagram)).append('\n');
            }
        }
        assertThat(echoed).isEqualTo(count);
        // Each line is written as its datagram comes: wait, bounded, for the last one.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.out().text().length() < expected.length() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String shown = server.out().text();
        assertThat(shown.lines().count()).isEqualTo(count);
        assertThat(shown).isEqualTo(expected.toString());
    }

    private static String sha256(InputStream in) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
