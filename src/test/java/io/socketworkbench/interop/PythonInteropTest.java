package io.socketworkbench.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.engine.EventQueue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our engine against Python's socket module, the API the tutorial teaches. */
@org.junit.jupiter.api.Timeout(value = 150)
class PythonInteropTest {
    static final int HOMEWORK_PORT = 37777;
    private final SocketEngine engine = new SocketEngine("interop");

    @AfterEach
    void close() {
        engine.close();
    }

    static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The tutorial's own server where the shared seed is beside this checkout; otherwise our fixture, which
     * behaves the same way (port 37777, {@code This is socket!}, close), so a plain clone runs this test too.
     */
    static Path seed() {
        Path base = Path.of(System.getProperty("project.basedir", "."));
        Path shared = base.resolve("../shared/seed/homework_server.py").normalize();
        return Files.exists(shared) ? shared : base.resolve("src/test/resources/fixtures/homework_server.py");
    }

    private static String python(String script, String... args) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of("python3", "-c", script));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void ourClientReceivesExactlyWhatTheSeedHomeworkServerSends() throws Exception {
        assumeTrue(hasPython(), "python3 is not installed: skipping the interop test");
        assertThat(seed()).exists();
        assumeTrue(PortWait.bindable(HOMEWORK_PORT, false), "port 37777 stayed taken by another program for 70 s");
        // The seed binds socket.gethostname(); pin that to loopback so the test never leaves this machine.
        Process seedServer = new ProcessBuilder("python3", "-c",
                "import socket, sys; socket.gethostname = lambda: '127.0.0.1'; "
                        + "exec(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec'))", seed().toString())
                .redirectErrorStream(true).start();
        try {
            awaitListening(HOMEWORK_PORT);
            EventQueue events = new EventQueue();
            // Linger 0: our close answers the seed's FIN with RST, so the seed's side leaves no TIME_WAIT behind.
            TcpClient client = engine.connect(ClientConfig.of(Address.inet("127.0.0.1", HOMEWORK_PORT))
                    .withOptions(io.socketworkbench.engine.SocketOptionsSpec.DEFAULTS.withLinger(0)), events);
            assertThat(new String(events.receive(client.id(), 15), UTF_8)).isEqualTo("This is socket!");
            assertThat(events.next(SocketEvent.Closed.class).reason()).isEqualTo(CloseReason.PEER);
        } finally {
            seedServer.destroyForcibly();
            seedServer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The seed prints nothing until a client comes, so try connecting until it answers. */
    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoLinger(true, 0);
                s.getInputStream().readAllBytes();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the seed server did not start listening on " + port);
    }

    @Test
    void pythonClientsTalkToOurTcpAndUdpServers() throws Exception {
        assumeTrue(hasPython(), "python3 is not installed: skipping the interop test");
        TcpServer tcp = engine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), e -> { });
        int tcpPort = ((InetSocketAddress) tcp.started().join()).getPort();
        String tcpOut = python("""
                import socket, sys
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                s.settimeout(5)
                s.connect(('127.0.0.1', int(sys.argv[1])))
                s.sendall('\\u4f60\\u597d, socket'.encode())  # 'ni hao' as escapes: without a locale Java passes arguments as ASCII
                s.shutdown(socket.SHUT_WR)
                data = b''
                while True:
                    chunk = s.recv(1024)
                    if not chunk:
                        break
                    data += chunk
                print(repr(data))
                s.close()
                """, String.valueOf(tcpPort));
        assertThat(tcpOut.strip()).isEqualTo("b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd, socket'");

        UdpEndpoint udp = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), e -> { });
        int udpPort = ((InetSocketAddress) udp.started().join()).getPort();
        String udpOut = python("""
                import socket, sys
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.settimeout(5)
                s.sendto(b'datagram', ('127.0.0.1', int(sys.argv[1])))
                data, addr = s.recvfrom(65535)
                print(data, addr[1] == int(sys.argv[1]))
                """, String.valueOf(udpPort));
        assertThat(udpOut.strip()).isEqualTo("b'datagram' True");
    }
}
