package io.socketworkbench.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Listens, and forwards each client to a target, byte for byte both ways, on the engine's thread like every other
 * socket: each client accepted gets a connection of its own to the target, and what is read on one side is written
 * on the other. A half-close is passed on: when one side finishes sending (its FIN), the relay shuts down its
 * writing to the other, and the answer still comes back. Whatever waits for one side (more than
 * {@link #HIGH_WATER} bytes) stops the relay reading the other until it is down to {@link #LOW_WATER}: TCP then
 * makes the faster peer wait, and memory stays bounded however fast either end sends.
 *
 * <p>Its listener hears the engine's one vocabulary, in order: the listening server's events ({@code Listening},
 * {@code Accepted}, {@code Received} on a client's connection, ...), then for each client a
 * {@link SocketEvent.Forwarding} that pairs it with the relay's own connection to the target, whose events
 * ({@code Connected} or a failed {@code CONNECT}, {@code Received}, ...) follow under that id. A chunk's
 * {@code Received} is delivered before the chunk is written on; each FIN is a {@link SocketEvent.PeerFinished}
 * delivered before it is passed on, and each side ends with its own {@code Closed}.
 */
public final class Relay {
    static final long HIGH_WATER = 1L << 20;
    static final long LOW_WATER = 256L << 10;
    /** Out of descriptors, a connect to the target is tried again this often, this many times (5 s in all). */
    private static final long RETRY_MILLIS = 100;
    private static final int CONNECT_TRIES = 50;

    private final Reactor reactor;
    private final Resolver resolver;
    private final RelayConfig config;
    private final SocketListener listener;
    private final TcpServer server;
    /** What the relay's own server and connections report to: the forwarding itself, on the engine's thread. */
    private final SocketListener forwarder = this::onEvent;
    /** Reactor thread only: each forwarded client's two sides, under both of their ids. */
    private final Map<Long, Pair> pairs = new HashMap<>();
    private boolean stopping;

    /** One client and the relay's connection to the target on its behalf. */
    private static final class Pair {
        final long client;
        final long upstream;
        TcpClient connecting;
        int tries;

        Pair(long client, long upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        long other(long side) {
            return side == client ? upstream : client;
        }
    }

    Relay(Reactor reactor, Resolver resolver, RelayConfig config, SocketListener listener) {
        this.reactor = reactor;
        this.resolver = resolver;
        this.config = config;
        this.listener = listener;
        this.server = new TcpServer(SocketEngine.nextId(), reactor, config.listen(), forwarder);
    }

    TcpServer server() {
        return server;
    }

    /** The relay's id: the source of its {@code Listening}, {@code Accepted} and {@code Forwarding} events. */
    public long id() {
        return server.id();
    }

    /** Completes with the bound address once listening, or fails with a {@link SocketFailure}. */
    public CompletableFuture<SocketAddress> started() {
        return server.started();
    }

    /** Completes once the relay has stopped and its port is free again. */
    public CompletableFuture<Void> stopped() {
        return server.stopped();
    }

    public SocketAddress localAddress() {
        return server.localAddress();
    }

    /** Where each client is forwarded, as the user gave it. */
    public Address target() {
        return config.target();
    }

    /** How many clients it forwards now. */
    public int clientCount() {
        return server.connectionCount();
    }

    /** Stops listening and closes every forwarded connection, both sides; the port is free once it completes. */
    public CompletableFuture<Void> stop() {
        reactor.execute(() -> {
            stopping = true;
            for (Pair pair : new ArrayList<>(pairs.values())) {
                closeSide(pair.upstream);
                if (pair.connecting != null) {
                    pair.connecting.close();
                }
            }
        });
        return server.stop();
    }

    private void onEvent(SocketEvent event) {
        if (event instanceof SocketEvent.Accepted accepted) {
            Events.deliver(listener, event);
            forward(accepted.connection());
            return;
        }
        if (event instanceof SocketEvent.Failed failed && failed.operation() == Operation.CONNECT
                && pairs.containsKey(failed.source()) && tryAgain(pairs.get(failed.source()), failed)) {
            return;
        }
        Events.deliver(listener, event);
        if (event instanceof SocketEvent.Received received) {
            pass(received.source(), received.data());
        } else if (event instanceof SocketEvent.Sent sent) {
            drained(sent.source());
        } else if (event instanceof SocketEvent.Connected connected) {
            established(connected.source());
        } else if (event instanceof SocketEvent.PeerFinished finished) {
            Pair pair = pairs.get(finished.source());
            TcpConnection other = pair == null ? null : reactor.streams().get(pair.other(finished.source()));
            if (other != null) {
                other.shutdownOutput();
            }
        } else if (event instanceof SocketEvent.Closed closed) {
            ended(closed.source(), closed.reason() == CloseReason.RESET);
        } else if (event instanceof SocketEvent.Failed failed && failed.operation() == Operation.CONNECT) {
            Pair pair = pairs.get(failed.source());
            if (pair != null) {
                // The client learns it as the target said it: a reset, not a clean close that looks like an answer.
                TcpConnection client = reactor.streams().get(pair.client);
                if (client != null) {
                    client.abort();
                }
                unpair(pair);
            }
        }
    }

    /** A client came: its reading waits until the target has answered, then the two are joined. */
    private void forward(long client) {
        TcpConnection down = reactor.streams().get(client);
        if (down == null) {
            return;
        }
        down.keepOpenAfterPeerFin();
        down.holdForPeer(true);
        long upstream = SocketEngine.nextId();
        Pair pair = new Pair(client, upstream);
        pairs.put(client, pair);
        pairs.put(upstream, pair);
        Events.deliver(listener, new SocketEvent.Forwarding(id(), client, upstream));
        connect(pair);
    }

    private void connect(Pair pair) {
        TcpClient up = new TcpClient(pair.upstream, reactor, config.upstream(), forwarder);
        up.belongsTo(pair.client);
        pair.connecting = up;
        pair.tries++;
        resolver.resolve(config.target(), reactor, address -> {
            if (loopsBack(server.localAddress(), address)) {
                up.failConnect(SocketError.of(ErrorKind.RELAY_LOOP));
            } else {
                up.connect(address);
            }
        }, up::failConnect);
    }

    /**
     * Out of file descriptors (the relay holds two a client), a connect to the target is tried again in a moment
     * rather than failing a client that would be served once others leave; anything else, or too long, is final
     * and reported. A connect the relay abandons itself (it stops, or the client left) ends with
     * {@link ErrorKind#CONNECTION_ABORTED}.
     */
    private boolean tryAgain(Pair pair, SocketEvent.Failed failed) {
        if (stopping || failed.error().kind() != ErrorKind.TOO_MANY_OPEN_FILES || pair.tries >= CONNECT_TRIES
                || reactor.streams().get(pair.client) == null) {
            return false;
        }
        pair.connecting = null;
        reactor.schedule(RETRY_MILLIS, () -> {
            if (stopping || reactor.streams().get(pair.client) == null) {
                // Abandoned by the relay itself; said like any other end of a connect, so listeners can forget it.
                onEvent(new SocketEvent.Failed(pair.upstream, Operation.CONNECT,
                        SocketError.of(ErrorKind.CONNECTION_ABORTED)));
            } else {
                connect(pair);
            }
        });
        return true;
    }

    private void established(long upstream) {
        Pair pair = pairs.get(upstream);
        TcpConnection up = reactor.streams().get(upstream);
        if (pair == null || up == null) {
            return;
        }
        pair.connecting = null;
        up.keepOpenAfterPeerFin();
        TcpConnection down = reactor.streams().get(pair.client);
        if (down == null) {
            // The client left while the target was being reached.
            up.closeGracefully();
        } else {
            down.holdForPeer(false);
        }
    }

    /** Writes what one side sent on the other; a side that has too much waiting holds this one's reading. */
    private void pass(long from, byte[] data) {
        Pair pair = pairs.get(from);
        if (pair == null) {
            return;
        }
        TcpConnection to = reactor.streams().get(pair.other(from));
        if (to == null) {
            return;
        }
        to.send(data, null, SocketEvent.Origin.RELAY);
        if (to.queuedBytes() > HIGH_WATER) {
            TcpConnection source = reactor.streams().get(from);
            if (source != null) {
                source.holdForPeer(true);
            }
        }
    }

    /** Bytes went out on {@code side}: once little waits there, the other side is read again. */
    private void drained(long side) {
        Pair pair = pairs.get(side);
        TcpConnection to = reactor.streams().get(side);
        if (pair == null || to == null || to.queuedBytes() > LOW_WATER) {
            return;
        }
        TcpConnection source = reactor.streams().get(pair.other(side));
        if (source != null && pair.connecting == null) {
            source.holdForPeer(false);
        }
    }

    /** One side closed: the other goes too, once what waits for it is out, or at once with a reset if it was reset. */
    private void ended(long side, boolean reset) {
        Pair pair = pairs.get(side);
        if (pair == null) {
            return;
        }
        TcpConnection other = reactor.streams().get(pair.other(side));
        if (other != null && reset) {
            other.abort();
        } else if (other != null) {
            other.closeGracefully();
        } else if (pair.connecting == null || side == pair.upstream) {
            unpair(pair);
        }
        if (pair.connecting != null && side == pair.client) {
            pair.connecting.close();
        }
    }

    private void closeSide(long side) {
        TcpConnection connection = reactor.streams().get(side);
        if (connection != null) {
            connection.closeGracefully();
        }
    }

    private void unpair(Pair pair) {
        pairs.remove(pair.client);
        pairs.remove(pair.upstream);
    }

    /**
     * Whether connecting to {@code target} would reach {@code listening} itself: the same port at the same
     * address, or any address of this machine when the relay listens on all of them.
     */
    static boolean loopsBack(SocketAddress listening, SocketAddress target) {
        if (!(listening instanceof InetSocketAddress here) || !(target instanceof InetSocketAddress there)) {
            return listening != null && listening.equals(target);
        }
        if (here.getPort() != there.getPort() || here.getAddress() == null || there.getAddress() == null) {
            return false;
        }
        InetAddress bound = here.getAddress();
        InetAddress wanted = there.getAddress();
        if (bound.equals(wanted)) {
            return true;
        }
        if (!bound.isAnyLocalAddress()) {
            return false;
        }
        try {
            return wanted.isAnyLocalAddress() || wanted.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(wanted) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
