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

    private SocketError bindFails(Path path) {
        EventQueue events = new EventQueue();
        engine.listen(ServerConfig.of(Address.unix(path)), events);
        SocketEvent.Failed failed = events.next(SocketEvent.Failed.class);
        assertThat(failed.operation()).isEqualTo(Operation.BIND);
        return failed.error();
    }

    @Test
    void aSocketFileLeftByAnEarlierRunIsAddressInUseAsInPython() throws Exception {
        Path stale = dir.resolve("stale.sock");
        // A server that went away without removing its file, as a killed Python script leaves it.
        try (var old = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            old.bind(java.net.UnixDomainSocketAddress.of(stale));
        }
        assertThat(Files.exists(stale)).isTrue();
        assertThat(bindFails(stale).pythonText()).isEqualTo("OSError: [Errno 98] Address already in use");
        // After the file is removed (os.unlink in the exported server.py), the same path binds.
        Files.delete(stale);
        EventQueue events = new EventQueue();
        engine.listen(ServerConfig.of(Address.unix(stale)), events);
        assertThat(events.next(SocketEvent.Listening.class).local().toString()).isEqualTo(stale.toString());
    }

    @Test
    void aPathInAMissingFolderIsFileNotFoundAndOverARegularFileIsInUse() throws Exception {
        assertThat(bindFails(dir.resolve("missing").resolve("x.sock")).pythonText())
                .isEqualTo("FileNotFoundError: [Errno 2] No such file or directory");
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a socket");
        assertThat(bindFails(file).pythonText()).isEqualTo("OSError: [Errno 98] Address already in use");
        assertThat(Files.readString(file)).as("the file is left alone").isEqualTo("not a socket");
    }
}
