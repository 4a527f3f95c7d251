package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Clients that send to an echo server and never read hold every {@code --max-clients} place: the stall timeout
 * frees the places, a refused client is told why before a clean close, and the log says why each time.
 */
class SlotExhaustionTest {

    private static final int PLACES = 3;

    @Test
    void clientsThatNeverReadAreClosedAfterTheStallTimeoutAndARefusedClientLearnsWhy() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--echo", "--max-clients", String.valueOf(PLACES),
                "--stall-timeout", "1", "--busy", "busy: try again later\\n");
        int port = server.port();
        List<SocketChannel> hogs = new ArrayList<>();
        try {
            for (int i = 0; i < PLACES; i++) {
                SocketChannel hog = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                hog.configureBlocking(false);
                hogs.add(hog);
                server.err().await(Pattern.compile("(Connection from .*\\n(?s:.*)){" + (i + 1) + "}"),
                        Duration.ofSeconds(10));
            }
            // Each hog writes until the server stops taking its bytes (its echoes pile up unread).
            fillUntilBlocked(hogs);

            // Every place is taken: a newcomer is told so and closed with a FIN, not reset.
            try (Socket refused = new Socket("127.0.0.1", port)) {
                refused.setSoTimeout(10_000);
                assertThat(new String(refused.getInputStream().readAllBytes(), UTF_8))
                        .isEqualTo("busy: try again later\n");
            }
            server.err().await(Pattern.compile("Refused .*: already serving 3 clients \\(--max-clients\\)\\n"),
                    Duration.ofSeconds(10));

            // A second after their last byte was taken, the hogs are closed and the log says why.
            server.err().await(Pattern.compile("(Closed .*: it read none of the bytes waiting for it for 1 s "
                    + "\\(--stall-timeout\\)\\n(?s:.*)){" + PLACES + "}"), Duration.ofSeconds(15));

            try (Socket next = new Socket("127.0.0.1", port)) {
                next.setSoTimeout(10_000);
                next.getOutputStream().write("hello".getBytes(UTF_8));
                assertThat(new String(next.getInputStream().readNBytes(5), UTF_8)).isEqualTo("hello");
            }
        } finally {
            for (SocketChannel hog : hogs) {
                hog.close();
            }
        }
    }

    @Test
    void aClientThatReadsSlowlyIsNotStalled() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--echo", "--stall-timeout", "1");
        int port = server.port();
        byte[] block = new byte[256 * 1024];
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(10_000);
            // 8 MiB that the echo cannot all hold in socket buffers: the reader takes a little every 0.1 s, and so
            // keeps its place for 4 s although the server always has bytes waiting for it.
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 32; i++) {
                        slow.getOutputStream().write(block);
                    }
                } catch (IOException ignored) {
                    // the assertion below says what went wrong
                }
            });
            writer.start();
            long got = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            byte[] piece = new byte[256 * 1024];
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                int n = slow.getInputStream().read(piece);
                assertThat(n).as("the server closed a client that was reading").isPositive();
                got += n;
            }
            while (got < 32L * block.length) {
                int n = slow.getInputStream().read(piece);
                assertThat(n).as("got %d; the server said %s", got, server.err().text()).isPositive();
                got += n;
            }
            writer.join(10_000);
        }
        assertThat(server.err().text()).doesNotContain("--stall-timeout");
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun zero = CliRun.run("server", "--port", "0", "--stall-timeout", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.stderr()).contains("--stall-timeout").contains("'0'").contains("86400");
        CliRun hex = CliRun.run("server", "--port", "0", "--busy", "\\xZZ");
        assertThat(hex.exit()).isEqualTo(2);
        assertThat(hex.stderr()).contains("--busy");
    }

    private static void fillUntilBlocked(List<SocketChannel> hogs) throws Exception {
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < Duration.ofMillis(300).toNanos()) {
            for (SocketChannel hog : hogs) {
                block.clear();
                if (hog.write(block) > 0) {
                    lastProgress = System.nanoTime();
                }
            }
        }
    }

    /** Issue 28, item 9: one place is "1 client", not "1 clients". */
    @Test
    void withOnePlaceTheRefusalSaysOneClient() throws Exception {
        CliRun.Running server = CliRun.start("server", "--port", "0", "--max-clients", "1", "--once");
        int port = server.port();
        try (Socket first = new Socket("127.0.0.1", port)) {
            server.err().await(Pattern.compile("Connection from .*\\n"), Duration.ofSeconds(10));
            try (Socket refused = new Socket("127.0.0.1", port)) {
                refused.setSoTimeout(10_000);
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            server.err().await(Pattern.compile("Refused .*: already serving 1 client \\(--max-clients\\)\\n"),
                    Duration.ofSeconds(10));
        }
    }
}
