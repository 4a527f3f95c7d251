package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.PythonBytes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Peers that send what no one should, or leave at the worst moment: the server shows it safely and goes on. */
class HostilePeersTest {

    @Test
    void aTenMebibyteLineOfInvalidUtf8AndTerminalEscapesIsShownAsOnePythonLiteral() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--frame", "line", "--show", "python");
        int port = server.port();
        byte[] line = new byte[10 << 20];
        new SplittableRandom(7).nextBytes(line);
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n') {
                line[i] = (byte) 0xff; // invalid anywhere in UTF-8
            }
        }
        byte[] escapes = "\u001b[2J\u001b]0;owned\u0007\u202etxt.exe".getBytes(UTF_8);
        System.arraycopy(escapes, 0, line, 0, escapes.length);
        try (Socket client = new Socket("127.0.0.1", port)) {
            OutputStream out = client.getOutputStream();
            out.write(line);
            out.write('\n');
            out.write("after\n".getBytes(UTF_8));
        }
        server.err().await(Pattern.compile("Closed "), Duration.ofSeconds(30));
        String[] shown = server.out().text().split("\n", -1);
        assertThat(shown).hasSize(3); // two lines and the empty rest after the last newline
        assertThat(shown[0]).startsWith("b'\\x1b[2J\\x1b]0;owned\\x07\\xe2\\x80\\xaetxt.exe")
                .doesNotContain("\u001b").doesNotContain("\u202e");
        assertThat(PythonBytes.parse(shown[0])).isEqualTo(line);
        assertThat(shown[1]).isEqualTo("b'after'");
    }

    @Test
    void aClientThatResetsMidFloodLeavesTheServerServingOthers() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--echo");
        int port = server.port();
        java.nio.channels.SocketChannel flooder = java.nio.channels.SocketChannel.open(
                new java.net.InetSocketAddress("127.0.0.1", port));
        // Up to 16 MiB, never reading the echo: once the server holds back (its queue is full, or its memory
        // budget spent), nothing more goes, so the writing stops after 2 s of that rather than block for ever.
        flooder.configureBlocking(false);
        java.nio.ByteBuffer block = java.nio.ByteBuffer.allocate(1 << 20);
        long written = 0;
        long lastProgress = System.nanoTime();
        while (written < 16L << 20 && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(2)) {
            int n = flooder.write(block);
            if (n > 0) {
                written += n;
                lastProgress = System.nanoTime();
            } else {
                Thread.sleep(5);
            }
            if (!block.hasRemaining()) {
                block.clear();
            }
        }
        assertThat(written).as("megabytes went before the reset").isGreaterThan(2L << 20);
        flooder.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        flooder.close(); // RST, with megabytes of echo still on their way
        server.err().await(Pattern.compile("Closed .*: ConnectionResetError: \\[Errno 104\\] Connection reset by peer"
                + "|Closed .*: BrokenPipeError"), Duration.ofSeconds(10));
        try (Socket next = new Socket("127.0.0.1", port)) {
            next.setSoTimeout(10_000);
            next.getOutputStream().write("still here".getBytes(UTF_8));
            assertThat(new String(next.getInputStream().readNBytes(10), UTF_8)).isEqualTo("still here");
        }
    }

    @Test
    void sigtermWithAThousandClientsAttachedClosesThemAllAndExitsZero() throws Exception {
        Process server = LauncherProcessTest.launcher("server", "--port", "0", "--echo")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<Socket> clients = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), UTF_8));
            Matcher m = Pattern.compile("^Listening on .*:(\\d+)$").matcher(String.valueOf(err.readLine()));
            assertThat(m.matches()).isTrue();
            Thread drain = new Thread(() -> err.lines().forEach(l -> { }));
            drain.setDaemon(true);
            drain.start();
            int port = Integer.parseInt(m.group(1));
            for (int i = 0; i < 1000; i++) {
                Socket client = new Socket("127.0.0.1", port);
                client.setSoTimeout(10_000);
                clients.add(client);
            }
            // Every client is served before the stop: the last one's echo comes back.
            Socket last = clients.get(clients.size() - 1);
            last.getOutputStream().write('x');
            assertThat(last.getInputStream().read()).isEqualTo('x');

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("it stops on SIGTERM").isTrue();
            assertThat(server.exitValue()).isZero();
            for (Socket client : clients) {
                int end;
                try {
                    end = client.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    end = -1;
                }
                assertThat(end).as("each client sees its connection end").isEqualTo(-1);
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
            server.destroyForcibly();
        }
    }
}
