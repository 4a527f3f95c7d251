package io.socketworkbench.engine;

import java.lang.module.ModuleDescriptor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The socket engine: one selector thread for all I/O and a few resolver threads for DNS.
 * Servers, clients and UDP endpoints made here report to their listeners; closing the engine closes them all.
 */
public final class SocketEngine implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final Reactor reactor;
    private final Resolver resolver = new Resolver();

    public SocketEngine() {
        this("socket-engine");
    }

    public SocketEngine(String threadName) {
        reactor = new Reactor(threadName);
    }

    /** The product's version, stamped into the module descriptor by the build; "dev" when run unpackaged. */
    public static String version() {
        ModuleDescriptor descriptor = SocketEngine.class.getModule().getDescriptor();
        return descriptor != null ? descriptor.rawVersion().orElse("dev") : "dev";
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** bind + listen; the server reports {@link SocketEvent.Listening} or {@link SocketEvent.Failed}. */
    public TcpServer listen(ServerConfig config, SocketListener listener) {
        TcpServer server = new TcpServer(nextId(), reactor, config, listener);
        resolver.resolve(config.bind(), reactor, server::bind, error -> server.failStart(Operation.RESOLVE, error));
        return server;
    }

    /**
     * A relay: listens as {@code config.listen()} says and forwards each client to {@code config.target()}. A target
     * that is the relay's own listening address is refused before it listens (a failed start with
     * {@link ErrorKind#RELAY_LOOP}), and again for any client whose target turns out to be the relay.
     */
    public Relay relay(RelayConfig config, SocketListener listener) {
        Relay relay = new Relay(reactor, resolver, config, listener);
        TcpServer server = relay.server();
        resolver.resolve(config.listen().bind(), reactor, bind -> resolver.resolve(config.target(), reactor,
                target -> {
                    if (Relay.loopsBack(bind, target)) {
                        server.failStart(Operation.BIND, SocketError.of(ErrorKind.RELAY_LOOP));
                    } else {
                        server.bind(bind);
                    }
                },
                unknown -> server.bind(bind)), // each client is told in turn that the target cannot be found
                error -> server.failStart(Operation.RESOLVE, error));
        return relay;
    }

    /** connect; the client reports {@link SocketEvent.Connected} or {@link SocketEvent.Failed}. */
    public TcpClient connect(ClientConfig config, SocketListener listener) {
        TcpClient client = new TcpClient(nextId(), reactor, config, listener);
        resolver.resolve(config.target(), reactor, client::connect, client::failConnect);
        return client;
    }

    /**
     * Whether a TCP port that refused a bind with "Address already in use" is only lingering: connections of an
     * earlier server in TIME_WAIT, with nobody listening. On Linux the kernel's socket table says whether anything
     * listens on the port (nothing is connected to find out, which a one-shot server would count as its client);
     * elsewhere a bind with SO_REUSEADDR is tried and at once undone.
     */
    public java.util.concurrent.CompletableFuture<Boolean> onlyLingering(Address address) {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        resolver.resolve(address, reactor, resolved -> {
            int port = resolved instanceof java.net.InetSocketAddress inet ? inet.getPort() : -1;
            java.nio.file.Path table = java.nio.file.Path.of("/proc/net/tcp");
            if (port > 0 && java.nio.file.Files.isReadable(table)) {
                answer.complete(!listensOn(port, table) && !listensOn(port, java.nio.file.Path.of("/proc/net/tcp6")));
                return;
            }
            try (java.nio.channels.ServerSocketChannel probe = java.nio.channels.ServerSocketChannel.open()) {
                probe.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
                probe.bind(resolved);
                answer.complete(true);
            } catch (java.io.IOException e) {
                answer.complete(false);
            }
        }, error -> answer.complete(false));
        return answer;
    }

    /** A socket in state LISTEN (0A) on {@code port} in a /proc/net/tcp table. */
    private static boolean listensOn(int port, java.nio.file.Path table) {
        String wanted = String.format(":%04X", port);
        try (var lines = java.nio.file.Files.lines(table)) {
            return lines.skip(1).map(String::trim).map(line -> line.split("\\s+"))
                    .anyMatch(f -> f.length > 3 && f[1].endsWith(wanted) && f[3].equals("0A"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** A UDP socket bound to {@code config.bind()}, or left for the system to bind on its first send. */
    public UdpEndpoint udp(UdpConfig config, SocketListener listener) {
        UdpEndpoint endpoint = new UdpEndpoint(nextId(), reactor, resolver, config, listener);
        if (config.bind() == null) {
            reactor.execute(() -> endpoint.open(null));
        } else {
            resolver.resolve(config.bind(), reactor, endpoint::open, endpoint::failStart);
        }
        return endpoint;
    }

    /**
     * Hands every socket fact of this engine from now on to {@code sink} (null: to nobody), in order, on the
     * engine's thread: every connect, accept, byte in and out, FIN, reset, close, datagram and error of every
     * endpoint, whichever way its bytes are consumed (events or a {@link ReceiveSink}).
     */
    public void recordTo(FactSink sink) {
        reactor.recordTo(sink);
    }

    /**
     * Runs {@code task} on the engine's thread after {@code millis} (it must return quickly and not block on the
     * network); the returned action, safe from any thread, cancels it. For the command line's timers (repeats, the
     * UDP client's wait for answers, idle framing), so that they need no threads of their own.
     */
    public Runnable schedule(long millis, Runnable task) {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        reactor.execute(() -> reactor.schedule(Math.max(0, millis), () -> {
            if (!cancelled.get()) {
                task.run();
            }
        }));
        return () -> cancelled.set(true);
    }

    /**
     * Holds or releases reading on stream connection {@code connection} (a client's id, or a connection a server
     * accepted): while held, the peer waits, as TCP makes it, and no byte is lost. For a view that fell behind.
     */
    public void holdReading(long connection, boolean hold) {
        reactor.execute(() -> {
            TcpConnection target = reactor.streams().get(connection);
            if (target != null) {
                target.holdReading(hold);
            }
        });
    }

    @Override
    public void close() {
        reactor.close();
        resolver.close();
    }
}
