package io.socketworkbench.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketTest {
    private final SocketEngine engine = new SocketEngine("test-unix");

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void streamOverAnAfUnixPathWorksAndStopRemovesTheSocketFile() {
        Path path = dir.resolve("demo.sock");
        EventQueue serverEvents = new EventQueue();
        TcpServer server = engine.listen(ServerConfig.of(Address.unix(path)).withEcho(true), serverEvents);
        server.started().join();
        assertThat(Address.format(server.localAddress())).isEqualTo(path.toString());

        EventQueue clientEvents = new EventQueue();
        TcpClient client = engine.connect(ClientConfig.of(Address.unix(path)), clientEvents);
        client.connected().join();
        client.send("ping".getBytes(UTF_8));
        assertThat(new String(clientEvents.receive(client.id(), 4), UTF_8)).isEqualTo("ping");

        server.stop().join();
        assertThat(clientEvents.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);
        assertThat(Files.exists(path)).isFalse();
    }

    @Test
    void connectingToAMissingSocketFileIsFileNotFoundError() {
        EventQueue events = new EventQueue();
        engine.connect(ClientConfig.of(Address.unix(dir.resolve("missing.sock"))), events);
        assertThat(events.next(SocketEvent.Failed.class).error().pythonText())
                .isEqualTo("FileNotFoundError: [Errno 2] No such file or directory");
    }
}
