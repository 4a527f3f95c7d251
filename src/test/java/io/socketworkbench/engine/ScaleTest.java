package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScaleTest {
    private static final int CLIENTS = 1200;
    private final SocketEngine serverEngine = new SocketEngine("scale-server");
    private final SocketEngine clientEngine = new SocketEngine("scale-clients");

    @AfterEach
    void close() {
        clientEngine.close();
        serverEngine.close();
    }

    @Test
    void oneServerHoldsOverAThousandConcurrentClientsOnOneThread() {
        EventQueue serverEvents = new EventQueue();
        TcpServer server = serverEngine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withBacklog(4096)
                .withEcho(true), serverEvents);
        server.started().join();
        int port = ((InetSocketAddress) server.localAddress()).getPort();

        EventQueue clientEvents = new EventQueue();
        List<TcpClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(clientEngine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), clientEvents));
        }
        clients.forEach(c -> c.connected().join());
        for (int i = 0; i < CLIENTS; i++) {
            serverEvents.next(SocketEvent.Accepted.class);
        }
        assertThat(server.connectionCount()).isEqualTo(CLIENTS);

        // Every client still talks: each gets its own echo back.
        clients.forEach(c -> c.send(Long.toString(c.id()).getBytes()));
        for (TcpClient c : clients) {
            byte[] expected = Long.toString(c.id()).getBytes();
            assertThat(clientEvents.receive(c.id(), expected.length)).isEqualTo(expected);
        }
        server.stop().join();
        assertThat(server.connectionCount()).isZero();
    }
}
