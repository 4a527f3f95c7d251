package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.KeyMaterial;
import io.socketworkbench.tls.TlsContexts;
import io.socketworkbench.tls.Verifier;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS on the engine's byte path, against the JDK's own blocking TLS socket as the peer. */
@Timeout(60)
class TlsEngineTest {
    private static final KeyMaterial KEY = Certificates.makeSelfSigned("localhost", Certificates.LOCAL_NAMES,
            Duration.ofDays(1));
    private final SocketEngine engine = new SocketEngine("tls-test");

    @AfterEach
    void close() {
        engine.close();
    }

    /** A TLS server of the engine's with {@code KEY} that counts what it reads into {@code received}; its port. */
    private int countingServer(AtomicLong received, EventQueue events) throws Exception {
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0))
                .withTls(TlsSettings.server(TlsContexts.context(KEY, Verifier.trusting(List.of())), List.of(),
                        TlsSettings.ClientAuth.NONE))
                .withSink((connection, data) -> received.addAndGet(data.remaining())), events);
        return ((InetSocketAddress) server.started().get(10, TimeUnit.SECONDS)).getPort();
    }

    /** A TLS server of the engine's with {@code KEY}, listening on a free port of 127.0.0.1; returns the port. */
    private int tlsServer(EventQueue events) throws Exception {
        TcpServer server = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0))
                .withTls(TlsSettings.server(TlsContexts.context(KEY, Verifier.trusting(List.of())), List.of(),
                        TlsSettings.ClientAuth.NONE)), events);
        return ((InetSocketAddress) server.started().get(10, TimeUnit.SECONDS)).getPort();
    }

    private static SSLContext trustingTheKey() {
        return TlsContexts.context(null, Verifier.trusting(KEY.chain()));
    }

    /**
     * The warm-up a TLS server runs while it waits for its first client: a handshake with the server's own context
     * (its certificate, whatever the client check) and records through it, in memory; it stops when told.
     */
    @Test
    void theWarmUpShakesHandsWithTheServersContextInMemoryAndStopsWhenAClientComes() {
        SSLContext context = TlsContexts.context(KEY, Verifier.trusting(List.of()));
        assertThat(TlsWarmUp.run(context, 4 << 20, () -> false)).isEqualTo(4 << 20);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        long moved = TlsWarmUp.run(context, 1L << 40, () -> asked.incrementAndGet() > 60);
        assertThat(moved).isGreaterThan(0).isLessThanOrEqualTo(60L * 16 * 1024);
        // A context with no key of its own cannot serve: said, not thrown.
        assertThat(TlsWarmUp.run(trustingTheKey(), 1 << 20, () -> false)).isEqualTo(-1);
    }

    /**
     * A peer that writes, then sends close_notify and keeps its socket open, waiting for ours (Python's
     * {@code unwrap()}, as socat does too): the last records and the close_notify arrive in one read, and no FIN
     * wakes the selector after them. Every byte is still read, the close is seen, and the server's close_notify
     * answers.
     */
    @Test
    void bytesAndACloseNotifyThatArriveTogetherAreAllReadAndTheCloseIsSeen(@TempDir Path dir) throws Exception {
        AtomicLong received = new AtomicLong();
        EventQueue events = new EventQueue();
        int port = countingServer(received, events);
        Path cert = Files.writeString(dir.resolve("cert.pem"), Certificates.pem(KEY.leaf()));
        int total = 3 << 20;
        Process python = new ProcessBuilder("python3", "-c", """
                import ssl, socket, sys
                ctx = ssl.create_default_context(cafile=sys.argv[2])
                s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),
                                    server_hostname='localhost')
                s.sendall(b'x' * int(sys.argv[3]))
                s.settimeout(20)
                s.unwrap()  # close_notify, then wait for the server's, the socket left open
                print('closed cleanly', flush=True)
                """, String.valueOf(port), cert.toString(), String.valueOf(total)).redirectErrorStream(true).start();
        SocketEvent.Secured secured = events.next(SocketEvent.Secured.class);
        assertThat(secured.info().protocol()).isEqualTo("TLSv1.3");
        SocketEvent.Closed closed = events.next(SocketEvent.Closed.class, c -> c.source() == secured.source());
        assertThat(closed.reason()).isEqualTo(CloseReason.PEER);
        assertThat(received.get()).isEqualTo(total);
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(python.getInputStream().readAllBytes())).contains("closed cleanly");
    }

    /** A read buffer smaller than one record (past the engine's budget an echo reads 4 KiB at a time). */
    @Test
    void anEchoOverTlsGivesBackEveryByteInOrder() throws Exception {
        EventQueue events = new EventQueue();
        ServerConfig config = ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true)
                .withTls(TlsSettings.server(TlsContexts.context(KEY, Verifier.trusting(List.of())), List.of(),
                        TlsSettings.ClientAuth.NONE));
        TcpServer server = engine.listen(config, events);
        int port = ((InetSocketAddress) server.started().get(10, TimeUnit.SECONDS)).getPort();
        byte[] data = new byte[2 << 20];
        new java.util.Random(3).nextBytes(data);
        try (SSLSocket client = (SSLSocket) trustingTheKey().getSocketFactory().createSocket("127.0.0.1", port)) {
            Thread writer = new Thread(() -> {
                try {
                    client.getOutputStream().write(data);
                    client.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            byte[] back = client.getInputStream().readNBytes(data.length);
            writer.join();
            assertThat(back).isEqualTo(data);
        }
    }

    @Test
    void aClientOverTheEngineChecksTheNameAndSaysWhyItRefusesAnother() throws Exception {
        EventQueue serverEvents = new EventQueue();
        int port = tlsServer(serverEvents);
        EventQueue events = new EventQueue();
        engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port))
                .withTls(TlsSettings.client(trustingTheKey(), "example.org", true, List.of())), events);
        SocketEvent.Closed closed = events.next(SocketEvent.Closed.class);
        assertThat(closed.error().kind()).isEqualTo(ErrorKind.TLS_HOST_MISMATCH);
        assertThat(closed.error().pythonText()).isEqualTo("ssl.SSLCertVerificationError: [SSL: "
                + "CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not "
                + "valid for 'example.org'.");
        assertThat(closed.error().details()).containsExactly("example.org", "localhost, 127.0.0.1, ::1");
        assertThat(closed.error().chain()).as("the chain, with what was wrong with each certificate")
                .containsExactly(new CheckedCertificate(KEY.leaf(), List.of(CheckedCertificate.Flaw.WRONG_HOST)));

        EventQueue good = new EventQueue();
        TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port))
                .withTls(TlsSettings.client(trustingTheKey(), "localhost", true, List.of())), good);
        SocketEvent.Secured secured = good.next(SocketEvent.Secured.class);
        assertThat(secured.info().sni()).isEqualTo("localhost");
        assertThat(secured.info().peerChain()).containsExactly(KEY.leaf());
        client.send("hello".getBytes()).get(10, TimeUnit.SECONDS);
    }

    /**
     * The handshake's records as they crossed the wire, read without keys: over TLS 1.3 (engine to engine) the
     * client's ClientHello, the server's ServerHello and its encrypted rest, the client's ChangeCipherSpec and
     * encrypted Finished; the server saw the same records the other way round.
     */
    @Test
    void theHandshakeRecordsAreReadOffTheWireOnBothSides() throws Exception {
        EventQueue serverEvents = new EventQueue();
        int port = tlsServer(serverEvents);
        EventQueue events = new EventQueue();
        TcpClient sender = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port))
                .withTls(TlsSettings.client(trustingTheKey(), "localhost", true, List.of())), events);
        List<TlsRecord> client = events.next(SocketEvent.Secured.class).info().records();
        List<TlsRecord> served = serverEvents.next(SocketEvent.Secured.class).info().records();

        assertThat(client.get(0)).isEqualTo(new TlsRecord(true, "ClientHello", client.get(0).bytes()));
        assertThat(client.get(0).bytes()).isGreaterThan(100);
        assertThat(client.get(1).sent()).isFalse();
        assertThat(client.get(1).message()).isEqualTo("ServerHello");
        assertThat(client).filteredOn(r -> !r.sent() && r.encrypted()).isNotEmpty(); // certificate onwards
        assertThat(client).filteredOn(r -> !r.sent() && "Certificate".equals(r.message())).isEmpty();
        assertThat(client.get(client.size() - 1)).matches(r -> r.sent() && r.encrypted(), "encrypted Finished");
        assertThat(client).filteredOn(r -> r.sent() && "ChangeCipherSpec".equals(r.message())).hasSize(1);

        assertThat(served.get(0)).isEqualTo(new TlsRecord(false, "ClientHello", client.get(0).bytes()));
        assertThat(served.get(1)).isEqualTo(new TlsRecord(true, "ServerHello", client.get(1).bytes()));
        // What the server sent before the client finished, the client read, record for record; the server's
        // handshake ends later, after its session ticket (encrypted too).
        List<TlsRecord> toClient = client.stream().filter(r -> !r.sent()).toList();
        List<TlsRecord> fromServer = served.stream().filter(TlsRecord::sent).toList();
        assertThat(fromServer.subList(0, toClient.size())).extracting(TlsRecord::bytes)
                .isEqualTo(toClient.stream().map(TlsRecord::bytes).toList());

        // The bytes on the wire: the handshake's records, then the data in records of its own (header and tag).
        sender.send(new byte[1000]).get(10, TimeUnit.SECONDS);
        int handshake = client.stream().filter(TlsRecord::sent).mapToInt(TlsRecord::bytes).sum();
        SocketEvent.Wire wire = events.next(SocketEvent.Wire.class, w -> w.written() > handshake + 1000);
        assertThat(wire.written()).isBetween(handshake + 1000L + 5, handshake + 1000L + 64);
        assertThat(wire.read()).isGreaterThanOrEqualTo(client.stream().filter(r -> !r.sent())
                .mapToInt(TlsRecord::bytes).sum());
    }

    /** Over TLS 1.2 (Python's server, held to 1.2) the certificate and the key exchange are readable too. */
    @Test
    void aTls12HandshakeShowsItsCertificateAndKeyExchange(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, Certificates.pem(KEY.leaf()));
        Files.writeString(key, Certificates.pem(KEY.key()));
        Process python = new ProcessBuilder("python3", "-c", """
                import ssl, socket, sys
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                ctx.maximum_version = ssl.TLSVersion.TLSv1_2
                ctx.load_cert_chain(sys.argv[1], sys.argv[2])
                srv = socket.create_server(('127.0.0.1', 0))
                print(srv.getsockname()[1], flush=True)
                conn, _ = srv.accept()
                with ctx.wrap_socket(conn, server_side=True) as s:
                    s.sendall(b'hi')
                    s.recv(10)
                """, cert.toString(), key.toString()).redirectErrorStream(true).start();
        try {
            int port = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader(
                    python.getInputStream())).readLine().strip());
            EventQueue events = new EventQueue();
            TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port))
                    .withTls(TlsSettings.client(trustingTheKey(), "localhost", true, List.of())), events);
            TlsInfo info = events.next(SocketEvent.Secured.class).info();
            assertThat(info.protocol()).isEqualTo("TLSv1.2");
            List<TlsRecord> records = info.records();
            assertThat(records.get(0).message()).isEqualTo("ClientHello");
            String received = records.stream().filter(r -> !r.sent() && !r.encrypted())
                    .map(TlsRecord::message).reduce("", (a, b) -> a + "|" + b);
            assertThat(received).contains("ServerHello").contains("Certificate").contains("ServerHelloDone");
            assertThat(records).filteredOn(r -> r.sent() && "ClientKeyExchange".equals(r.message())).hasSize(1);
            assertThat(records).filteredOn(r -> !r.sent() && "ChangeCipherSpec".equals(r.message())).hasSize(1);
            assertThat(records.get(records.size() - 1)).matches(r -> !r.sent() && r.encrypted(),
                    "the server's encrypted Finished, last");
            client.send("bye".getBytes()).get(10, TimeUnit.SECONDS);
        } finally {
            python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A Python client that rejects the server's certificate ends the TLS 1.3 handshake with an alert in the clear
     * where the JDK expects an encrypted record: the server still says which alert, as OpenSSL would.
     */
    @Test
    void aClientThatRejectsTheCertificateIsHeardAsItsAlert() throws Exception {
        EventQueue events = new EventQueue();
        int port = tlsServer(events);
        Process python = new ProcessBuilder("python3", "-c", """
                import ssl, socket, sys
                s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
                try:
                    ssl.create_default_context().wrap_socket(s, server_hostname='localhost')
                except ssl.SSLCertVerificationError as e:
                    print(e.verify_message)
                """, String.valueOf(port)).redirectErrorStream(true).start();
        SocketEvent.Closed closed = events.next(SocketEvent.Closed.class);
        assertThat(closed.error().kind()).isEqualTo(ErrorKind.TLS_ALERT);
        assertThat(closed.error().pythonText()).isEqualTo("ssl.SSLError: [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert "
                + "unknown ca");
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(python.getInputStream().readAllBytes())).contains("self-signed certificate");
    }

    /**
     * Python's client that sends and closes at once leaves the server's session ticket unread, so its system
     * answers with a reset: whatever came before the reset is still read, every time.
     */
    @Test
    void bytesThatCameBeforeAResetAreAllRead(@TempDir Path dir) throws Exception {
        AtomicLong received = new AtomicLong();
        EventQueue events = new EventQueue();
        int port = countingServer(received, events);
        Path cert = Files.writeString(dir.resolve("cert.pem"), Certificates.pem(KEY.leaf()));
        int clients = 20;
        Process python = new ProcessBuilder("python3", "-c", """
                import ssl, socket, sys, time
                ctx = ssl.create_default_context(cafile=sys.argv[2])
                for _ in range(int(sys.argv[3])):
                    s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[1]))),
                                        server_hostname='localhost')
                    time.sleep(0.02)  # the session ticket arrives, unread
                    s.sendall(b'x' * 1000)
                    s.close()
                """, String.valueOf(port), cert.toString(), String.valueOf(clients)).redirectErrorStream(true).start();
        for (int i = 0; i < clients; i++) {
            events.next(SocketEvent.Closed.class);
        }
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(received.get()).as(new String(python.getInputStream().readAllBytes())).isEqualTo(clients * 1000L);
    }
}
