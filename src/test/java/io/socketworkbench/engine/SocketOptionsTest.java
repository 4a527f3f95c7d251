package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketOptionsTest {
    private final SocketEngine engine = new SocketEngine("test-options");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void clientOptionsAreSetBeforeConnectAndReadBack() {
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0))
                .withOptions(SocketOptionsSpec.DEFAULTS.withReuseAddress(false)), new EventQueue());
        server.started().join();
        assertThat(server.options().join()).containsEntry("SO_REUSEADDR", false);

        SocketOptionsSpec spec = SocketOptionsSpec.DEFAULTS.withKeepAlive(true).withTcpNoDelay(true)
                .withLinger(3).withBuffers(32 * 1024, 48 * 1024).withReuseAddress(true);
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)).withOptions(spec),
                new EventQueue());
        client.connected().join();
        var values = client.options().join();
        assertThat(values).containsEntry("SO_KEEPALIVE", true).containsEntry("TCP_NODELAY", true)
                .containsEntry("SO_LINGER", 3).containsEntry("SO_REUSEADDR", true);
        // Linux doubles the requested buffer sizes for its own bookkeeping; the read-back shows what is real. The
        // defaults (128 KiB to receive, 16 KiB to send on loopback here) differ from both, so a size that was not
        // set cannot pass.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"));
        assertThat((Integer) values.get("SO_RCVBUF")).isEqualTo(2 * 32 * 1024);
        assertThat((Integer) values.get("SO_SNDBUF")).isEqualTo(2 * 48 * 1024);
    }

    @Test
    void acceptedConnectionsTakeTheServersOptions() {
        EventQueue events = new EventQueue();
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0))
                .withOptions(SocketOptionsSpec.DEFAULTS.withTcpNoDelay(true).withKeepAlive(true)), events);
        server.started().join();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), new EventQueue());
        long id = events.next(SocketEvent.Accepted.class).connection();
        assertThat(server.options(id).join()).containsEntry("TCP_NODELAY", true).containsEntry("SO_KEEPALIVE", true);
    }
}
