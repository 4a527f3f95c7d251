package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay as an engine endpoint: byte-exact both ways, half-close passed on, bounded, never to itself. */
class RelayTest {
    private final SocketEngine engine = new SocketEngine("relay-test");

    @AfterEach
    void close() {
        engine.close();
    }

    private Relay relay(int targetPort, EventQueue events) {
        Relay relay = engine.relay(RelayConfig.of(Address.inet("127.0.0.1", 0), Address.inet("127.0.0.1", targetPort)),
                events);
        relay.started().join();
        return relay;
    }

    private static int port(Relay relay) {
        return ((InetSocketAddress) relay.localAddress()).getPort();
    }

    @Test
    void eightMegabytesGoThroughByteForByteAndTheAnswerComesBackAfterTheHalfClose() throws Exception {
        byte[] request = new byte[8 << 20];
        new Random(7).nextBytes(request);
        try (ServerSocket server = new ServerSocket(0)) {
            EventQueue events = new EventQueue();
            Relay relay = relay(server.getLocalPort(), events);
            Thread answering = new Thread(() -> {
                // The server reads to the client's FIN, then answers with the digest of what it got.
                try (Socket peer = server.accept()) {
                    byte[] got = peer.getInputStream().readAllBytes();
                    peer.getOutputStream().write(MessageDigest.getInstance("SHA-256").digest(got));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            answering.start();
            try (Socket client = new Socket("127.0.0.1", port(relay))) {
                client.setSoTimeout(20_000);
                client.getOutputStream().write(request);
                client.shutdownOutput();
                byte[] answer = client.getInputStream().readAllBytes();
                assertThat(answer).isEqualTo(MessageDigest.getInstance("SHA-256").digest(request));
            }
            answering.join(20_000);

            SocketEvent.Accepted accepted = events.next(SocketEvent.Accepted.class);
            SocketEvent.Forwarding forwarding = events.next(SocketEvent.Forwarding.class);
            assertThat(forwarding.source()).isEqualTo(relay.id());
            assertThat(forwarding.client()).isEqualTo(accepted.connection());
            // One id space: the relay, its client's connection and its own connection to the target differ.
            assertThat(java.util.Set.of(relay.id(), forwarding.client(), forwarding.upstream())).hasSize(3);
            SocketEvent.Connected connected = events.next(SocketEvent.Connected.class);
            assertThat(connected.source()).isEqualTo(forwarding.upstream());
            assertThat(((InetSocketAddress) connected.remote()).getPort()).isEqualTo(server.getLocalPort());
            // The client's FIN is reported, then passed on; the server's in turn.
            events.next(SocketEvent.PeerFinished.class, f -> f.source() == forwarding.client());
            events.next(SocketEvent.PeerFinished.class, f -> f.source() == forwarding.upstream());
            events.next(SocketEvent.Closed.class, c -> c.source() == forwarding.client());
            events.next(SocketEvent.Closed.class, c -> c.source() == forwarding.upstream());
            assertThat(relay.clientCount()).isZero();
        }
    }

    @Test
    void aServerThatNeverReadsMakesTheClientWaitInsteadOfFillingTheRelaysMemory() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Relay relay = relay(server.getLocalPort(), new EventQueue());
            AtomicLong written = new AtomicLong();
            try (Socket client = new Socket("127.0.0.1", port(relay)); Socket silent = server.accept()) {
                Thread writer = new Thread(() -> {
                    byte[] block = new byte[64 * 1024];
                    try {
                        OutputStream out = client.getOutputStream();
                        for (int i = 0; i < 1024; i++) { // 64 MiB at most
                            out.write(block);
                            written.addAndGet(block.length);
                        }
                    } catch (IOException closed) {
                        // the test closed the socket under the blocked write
                    }
                });
                writer.setDaemon(true);
                writer.start();
                long last = -1;
                for (int i = 0; i < 100 && written.get() != last; i++) { // until no progress for 200 ms, 20 s at most
                    last = written.get();
                    Thread.sleep(200);
                }
                // What the client could write is what the kernel buffers on both hops plus the relay's bounded
                // share, far from the 64 MiB it tried: without the bound the relay would have taken it all.
                assertThat(written.get()).isLessThan(40L << 20);
                assertThat(writer.isAlive()).isTrue();
                // Once the server reads, everything flows again.
                byte[] sink = new byte[1 << 20];
                long read = 0;
                silent.setSoTimeout(20_000);
                while (read < 64L << 20) {
                    int n = silent.getInputStream().read(sink);
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
                assertThat(read).isEqualTo(64L << 20);
                writer.join(20_000);
            }
        }
    }

    @Test
    void aTargetThatIsTheRelaysOwnAddressIsRefusedBeforeItListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        for (String bind : new String[] {"127.0.0.1", "0.0.0.0"}) {
            EventQueue events = new EventQueue();
            Relay relay = engine.relay(RelayConfig.of(Address.inet(bind, port), Address.inet("127.0.0.1", port)),
                    events);
            assertThatThrownBy(() -> relay.started().join()).isInstanceOf(CompletionException.class)
                    .hasRootCauseInstanceOf(SocketFailure.class)
                    .rootCause().hasMessageContaining("its own listening address");
            assertThat(events.next(SocketEvent.Failed.class).error().kind()).isEqualTo(ErrorKind.RELAY_LOOP);
            // Nothing was left listening there.
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
        assertThat(Relay.loopsBack(new InetSocketAddress("127.0.0.1", 5000), new InetSocketAddress("127.0.0.1", 5001)))
                .isFalse();
        assertThat(Relay.loopsBack(new InetSocketAddress("0.0.0.0", 5000), new InetSocketAddress("::1", 5000)))
                .isTrue();
    }

    @Test
    void aTargetThatRefusesResetsTheClientAndSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        EventQueue events = new EventQueue();
        Relay relay = relay(closedPort, events);
        try (Socket client = new Socket("127.0.0.1", port(relay))) {
            client.setSoTimeout(10_000);
            // A reset, as the target gave: a clean close would look like an empty answer.
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(java.net.SocketException.class)
                    .hasMessageContaining("reset");
        }
        SocketEvent.Forwarding forwarding = events.next(SocketEvent.Forwarding.class);
        SocketEvent.Failed failed = events.next(SocketEvent.Failed.class, f -> f.source() == forwarding.upstream());
        assertThat(failed.operation()).isEqualTo(Operation.CONNECT);
        assertThat(failed.error().kind()).isEqualTo(ErrorKind.CONNECTION_REFUSED);
        events.next(SocketEvent.Closed.class, c -> c.source() == forwarding.client());
    }

    @Test
    void aResetOnOneSideIsPassedOnAsAReset() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Relay relay = relay(server.getLocalPort(), new EventQueue());
            try (Socket client = new Socket("127.0.0.1", port(relay)); Socket upstream = server.accept()) {
                client.getOutputStream().write("ping".getBytes());
                upstream.setSoTimeout(10_000);
                assertThat(upstream.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
                upstream.setSoLinger(true, 0);
                upstream.close(); // the server dies: a reset
                client.setSoTimeout(10_000);
                assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(java.net.SocketException.class)
                        .hasMessageContaining("reset");
            }
        }
    }

    @Test
    void stopClosesBothSidesOfEveryClientAndFreesThePort() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            EventQueue events = new EventQueue();
            Relay relay = relay(server.getLocalPort(), events);
            int port = port(relay);
            try (Socket client = new Socket("127.0.0.1", port); Socket upstream = server.accept()) {
                client.getOutputStream().write("ping".getBytes());
                upstream.setSoTimeout(10_000);
                assertThat(upstream.getInputStream().readNBytes(4)).isEqualTo("ping".getBytes());
                relay.stop().join();
                client.setSoTimeout(10_000);
                assertThat(client.getInputStream().read()).isEqualTo(-1);
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                upstream.getInputStream().transferTo(rest);
                assertThat(rest.size()).isZero();
            }
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
    }

    /** Issue 28, item 2: a relay holds a bounded number of clients; the one past the bound is refused and told. */
    @Test
    void aRelayHoldsABoundedNumberOfClients() throws Exception {
        assertThat(RelayConfig.of(Address.inet("127.0.0.1", 0), Address.inet("127.0.0.1", 1)).listen().maxClients())
                .isEqualTo(RelayConfig.DEFAULT_MAX_CLIENTS);
        try (ServerSocket server = new ServerSocket(0)) {
            EventQueue events = new EventQueue();
            Relay relay = engine.relay(new RelayConfig(ServerConfig.of(Address.inet("127.0.0.1", 0)).withMaxClients(2),
                    Address.inet("127.0.0.1", server.getLocalPort()), null), events);
            relay.started().join();
            try (Socket first = new Socket("127.0.0.1", port(relay));
                 Socket second = new Socket("127.0.0.1", port(relay))) {
                events.next(SocketEvent.Accepted.class);
                events.next(SocketEvent.Accepted.class);
                try (Socket third = new Socket("127.0.0.1", port(relay))) {
                    third.setSoTimeout(10_000);
                    assertThat(third.getInputStream().read()).isEqualTo(-1);
                }
                SocketEvent.AcceptRefused refused = events.next(SocketEvent.AcceptRefused.class);
                assertThat(refused.limit()).isEqualTo(2);
                assertThat(relay.clientCount()).isEqualTo(2);
            }
        }
    }
}
