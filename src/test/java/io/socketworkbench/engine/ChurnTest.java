package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Connecting and closing again and again leaves nothing behind: no thread, no descriptor, no connection. */
class ChurnTest {
    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void aThousandConnectCloseCyclesLeaveNoThreadsDescriptorsOrConnections() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
        try (SocketEngine engine = new SocketEngine("churn")) {
            EventQueue serverEvents = new EventQueue();
            TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true),
                    serverEvents);
            int port = ((java.net.InetSocketAddress) server.started().join()).getPort();
            cycle(engine, port, 50);
            int threads = Thread.activeCount();
            long fds = openDescriptors();
            cycle(engine, port, 1_000);
            // The server has seen every close before the count is taken.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (server.connectionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.connectionCount()).isZero();
            assertThat(Thread.activeCount()).as("threads").isLessThanOrEqualTo(threads);
            // A few descriptors may come and go with the JVM's own work; a leak would be a thousand.
            assertThat(openDescriptors()).as("descriptors").isLessThanOrEqualTo(fds + 5);
        }
    }

    private static void cycle(SocketEngine engine, int port, int times) {
        for (int i = 0; i < times; i++) {
            EventQueue events = new EventQueue();
            TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), events);
            client.connected().join();
            client.send(new byte[] {1});
            events.receive(client.id(), 1);
            client.close();
            events.next(SocketEvent.Closed.class);
        }
    }
}
