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

    /** connect; the client reports {@link SocketEvent.Connected} or {@link SocketEvent.Failed}. */
    public TcpClient connect(ClientConfig config, SocketListener listener) {
        TcpClient client = new TcpClient(nextId(), reactor, config, listener);
        resolver.resolve(config.target(), reactor, client::connect, client::failConnect);
        return client;
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
