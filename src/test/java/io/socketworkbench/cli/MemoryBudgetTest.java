package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Peers that send to an echo server and never read, more than its heap could queue: the server stops reading
 * them, keeps serving a client that behaves, and stops on SIGTERM.
 */
class MemoryBudgetTest {
    private static final int HOGS = 3_000;
    private static final long EACH = 512 * 1024;

    @Test
    void hogsThatNeverReadCannotExhaustASmallHeap() throws Exception {
        ProcessBuilder builder = LauncherProcessTest.launcher("server", "--port", "0", "--echo");
        List<String> command = new ArrayList<>(builder.command());
        command.add(1, "-Xmx200m");
        Process server = builder.command(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<SocketChannel> hogs = new ArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), UTF_8));
            Matcher m = Pattern.compile("^Listening on .*:(\\d+)$").matcher(String.valueOf(err.readLine()));
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            java.util.Queue<String> said = new java.util.concurrent.ConcurrentLinkedQueue<>();
            Thread drain = new Thread(() -> err.lines().filter(line -> !line.startsWith("Connection from"))
                    .forEach(said::add));
            drain.setDaemon(true);
            drain.start();

            // 3,000 peers, each offering 512 KiB (1.5 GiB in all, over seven times the heap), none of them reading.
            ByteBuffer block = ByteBuffer.allocate(64 * 1024);
            long[] sent = new long[HOGS];
            for (int i = 0; i < sent.length; i++) {
                SocketChannel hog = SocketChannel.open();
                // A small receive buffer: the echoes pile up in the server, not in this machine's socket buffers.
                hog.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4096);
                hog.connect(new InetSocketAddress("127.0.0.1", port));
                hog.configureBlocking(false);
                hogs.add(hog);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            boolean progress = true;
            while (progress && System.nanoTime() < deadline) {
                progress = false;
                for (int i = 0; i < hogs.size(); i++) {
                    if (sent[i] < EACH) {
                        block.clear();
                        int n = write(hogs.get(i), block, said);
                        sent[i] += n;
                        progress |= n > 0;
                    }
                }
                if (!progress) {
                    // Everyone blocked: give the server a moment to read more, if it will.
                    Thread.sleep(200);
                    for (int i = 0; i < hogs.size() && !progress; i++) {
                        block.clear();
                        int n = write(hogs.get(i), block, said);
                        sent[i] += n;
                        progress = n > 0;
                    }
                }
            }
            long offered = java.util.stream.LongStream.of(sent).sum();
            assertThat(offered).as("the hogs wrote more than the server's heap").isGreaterThan(200L << 20);
            assertThat(server.isAlive()).as("the server is still running").isTrue();

            try (Socket client = new Socket("127.0.0.1", port)) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write("still served".getBytes(UTF_8));
                assertThat(new String(client.getInputStream().readNBytes(12), UTF_8)).isEqualTo("still served");
            }

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("it stops on SIGTERM").isTrue();
            assertThat(server.exitValue()).isZero();
        } finally {
            for (SocketChannel hog : hogs) {
                hog.close();
            }
            server.destroyForcibly();
        }
    }

    private static int write(SocketChannel hog, ByteBuffer block, java.util.Queue<String> said) {
        try {
            return hog.write(block);
        } catch (java.io.IOException e) {
            throw new AssertionError("a peer that only sent was cut off (" + e.getMessage() + "); the server said: "
                    + said, e);
        }
    }
}
