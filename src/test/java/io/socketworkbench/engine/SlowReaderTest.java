package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlowReaderTest {
    private static final long CAP = 1024 * 1024;
    private final SocketEngine engine = new SocketEngine("test-slow");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aClientThatNeverReadsHitsTheQueueCapInsteadOfExhaustingMemory() throws IOException {
        EventQueue events = new EventQueue();
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withSendQueueCap(CAP), events);
        server.started().join();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.setReceiveBufferSize(4096);
            long id = events.next(SocketEvent.Accepted.class).connection();
            byte[] chunk = new byte[64 * 1024];
            List<CompletableFuture<Integer>> sends = new ArrayList<>();
            // Far more than kernel buffers plus the cap can hold: the engine must start refusing.
            for (int i = 0; i < 400; i++) {
                sends.add(server.send(id, chunk));
            }
            SocketEvent.SendRejected rejected = events.next(SocketEvent.SendRejected.class);
            assertThat(rejected.cap()).isEqualTo(CAP);
            assertThat(rejected.queued() + rejected.bytes()).isGreaterThan(CAP);
            assertThat(rejected.queued()).isLessThanOrEqualTo(CAP);
            // The last send came long after the queue was full, so it was refused rather than buffered.
            assertThatThrownBy(() -> sends.get(sends.size() - 1).join())
                    .hasCauseInstanceOf(SocketFailure.class);
        }
    }

    @Test
    void echoToAPeerThatDoesNotReadPausesReadingInsteadOfQueueingWithoutEnd() throws Exception {
        EventQueue events = new EventQueue();
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true)
                .withSendQueueCap(CAP), events);
        server.started().join();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            byte[] chunk = new byte[64 * 1024];
            // Write without ever reading: once the server stops reading us, our own writes must block.
            Thread writer = new Thread(() -> {
                try {
                    while (true) {
                        socket.getOutputStream().write(chunk);
                        written.addAndGet(chunk.length);
                    }
                } catch (IOException expected) {
                    // closed at the end of the test
                }
            });
            writer.setDaemon(true);
            writer.start();
            long settled = awaitStill(written);
            // Kernel buffers both ways plus the engine's cap: megabytes, not the gigabytes loopback could move.
            assertThat(settled).isLessThan(64L * 1024 * 1024);
            assertThat(events.next(SocketEvent.Accepted.class).remote()).isEqualTo(socket.getLocalSocketAddress());
            // Nothing was dropped: what comes back starts at the first byte and is all zeros.
            byte[] back = socket.getInputStream().readNBytes(256 * 1024);
            assertThat(back).hasSize(256 * 1024).containsOnly(0);
        }
    }

    @Test
    void aHeldConnectionStopsReadingAndLosesNothingWhenReleased() throws Exception {
        try (SocketEngine engine = new SocketEngine("hold-test");
             java.net.ServerSocket source = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong sum = new java.util.concurrent.atomic.AtomicLong();
            TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", source.getLocalPort())),
                    event -> {
                        if (event instanceof SocketEvent.Received r) {
                            // The sum first: once the count reaches the total, the test reads a complete sum.
                            long chunk = 0;
                            for (byte b : r.data()) {
                                chunk += b & 0xFF;
                            }
                            sum.addAndGet(chunk);
                            received.addAndGet(r.data().length);
                        }
                    });
            long total = 64L << 20;
            try (java.net.Socket peer = source.accept()) {
                client.connected().join();
                engine.holdReading(client.id(), true);
                Thread writer = new Thread(() -> {
                    byte[] block = new byte[1 << 20];
                    java.util.Arrays.fill(block, (byte) 1);
                    try {
                        for (long sent = 0; sent < total; sent += block.length) {
                            peer.getOutputStream().write(block);
                        }
                    } catch (IOException ignored) {
                        // the test ends before
                    }
                });
                writer.setDaemon(true);
                writer.start();
                // The hold takes effect on the engine's thread: wait until the count settles (bounded), then it
                // must stay put while the sender, blocked on TCP's window, still has most of its bytes.
                long settled = -1;
                for (int i = 0; i < 40 && settled != received.get(); i++) {
                    settled = received.get();
                    Thread.sleep(250);
                }
                assertThat(received.get()).as("nothing read while held").isEqualTo(settled);
                assertThat(settled).isLessThan(total / 2);
                assertThat(writer.isAlive()).as("the sender waits on TCP's window").isTrue();
                engine.holdReading(client.id(), false);
                writer.join(30_000);
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                while (received.get() < total && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(received.get()).isEqualTo(total);
                assertThat(sum.get()).as("every byte as sent").isEqualTo(total);
            }
        }
    }

    /** Waits (bounded) until the count stops moving for half a second, and returns it. */
    private static long awaitStill(java.util.concurrent.atomic.AtomicLong count) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        long last = -1;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = count.get();
            if (now == last && now > 0) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the writer never blocked: " + count.get() + " bytes written and counting");
    }
}
