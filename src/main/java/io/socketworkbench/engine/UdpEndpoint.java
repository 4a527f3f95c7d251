package io.socketworkbench.engine;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A UDP socket: sendto and recvfrom, keeping datagram boundaries. With no bind address it is bound by the
 * system on the first send, as Python's is. Every method is safe from any thread and returns at once.
 */
public final class UdpEndpoint extends Endpoint {
    /** The largest UDP payload over IPv4. */
    public static final int MAX_DATAGRAM = 65_507;
    /** Datagrams read per wakeup before the selector looks at other sockets: a burst is read in long runs. */
    private static final int RECEIVES_PER_WAKEUP = 512;
    /**
     * The receive buffer a bound endpoint asks for unless the user set one: room for a burst while the engine is
     * busy elsewhere. Linux grants at most net.core.rmem_max (doubled for its bookkeeping).
     */
    static final int BURST_RECEIVE_BUFFER = 4 << 20;
    private static final long SEND_QUEUE_CAP = ServerConfig.DEFAULT_SEND_QUEUE_CAP;

    private record Outgoing(SocketAddress to, ByteBuffer data, CompletableFuture<Integer> done,
                            SocketEvent.Origin origin, byte[] bytes) {}

    private final Resolver resolver;
    private final UdpConfig config;
    private final ArrayDeque<Outgoing> outbound = new ArrayDeque<>();
    private final CompletableFuture<SocketAddress> started = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM + 1);
    private DatagramChannel channel;
    private SelectionKey key;
    private long queued;
    private boolean stopping;
    /** The group membership, once joined. */
    private volatile MembershipKey joined;
    /** True while joining: an error then is the join's, not the bind's. */
    private boolean joining;

    UdpEndpoint(long id, Reactor reactor, Resolver resolver, UdpConfig config, SocketListener listener) {
        super(id, reactor, listener);
        this.resolver = resolver;
        this.config = config;
    }


    /** Completes with the bound address (null while the system has yet to bind it), or fails. */
    public CompletableFuture<SocketAddress> started() {
        return started;
    }

    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    void open(SocketAddress bindTo) {
        if (stopping) {
            started.cancel(false);
            return;
        }
        try {
            boolean ipv4 = bindTo instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet4Address
                    || bindTo == null && config.multicast().group() != null
                    && Multicast.groupAddress(config.multicast().group()) instanceof Inet4Address;
            channel = ipv4 ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
            config.options().applyTo(channel);
            if (bindTo != null && config.options().receiveBuffer() == null) {
                channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, BURST_RECEIVE_BUFFER);
            }
            channel.configureBlocking(false);
            Multicast multicast = config.multicast();
            NetworkInterface nif = multicastOptions(multicast);
            if (bindTo != null) {
                channel.bind(bindTo);
            }
            if (multicast.group() != null) {
                joined = join(multicast, nif);
            }
            key = reactor.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException | RuntimeException e) {
            Reactor.release(key, channel);
            failStart(joining ? SocketError.from(e) : SocketError.ofBind(e, bindTo));
            return;
        }
        SocketAddress local = localAddress();
        started.complete(local);
        if (joined != null) {
            InetSocketAddress group = new InetSocketAddress(joined.group(), port(local));
            reactor.record(Fact.Type.JOIN, id, local, group, false, null, null);
            emit(new SocketEvent.Joined(id, group, joined.networkInterface().getName()));
        }
        if (bindTo != null) {
            reactor.record(Fact.Type.LISTEN, id, local, null, false, null, null);
            emit(new SocketEvent.Listening(id, local));
        }
    }

    private static int port(SocketAddress local) {
        return local instanceof InetSocketAddress inet ? inet.getPort() : 0;
    }

    /** IP_MULTICAST_TTL, IP_MULTICAST_LOOP and IP_MULTICAST_IF, as set; the chosen interface, or null. */
    private NetworkInterface multicastOptions(Multicast multicast) throws IOException {
        if (multicast.ttl() != null) {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, multicast.ttl());
        }
        if (multicast.loop() != null) {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, multicast.loop());
        }
        NetworkInterface nif = Interfaces.find(multicast.iface());
        if (nif != null) {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
        }
        if (multicast.group() != null) {
            // Several receivers of one group on one machine share the port, as Python's examples let them.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        }
        return nif;
    }

    /** IP_ADD_MEMBERSHIP (IPV6_JOIN_GROUP): on the interface given, else the one the system would choose. */
    private MembershipKey join(Multicast multicast, NetworkInterface given) throws IOException {
        joining = true;
        InetAddress group = Multicast.groupAddress(multicast.group());
        NetworkInterface nif = given != null ? given : Interfaces.defaultFor(group);
        if (nif == null) {
            throw new java.net.SocketException("No such device (no interface can join " + group.getHostAddress()
                    + ")");
        }
        MembershipKey key = channel.join(group, nif);
        joining = false;
        return key;
    }

    /** The group it joined, or null. */
    public MembershipKey membership() {
        return joined;
    }

    void failStart(SocketError error) {
        stopping = true;
        started.completeExceptionally(new SocketFailure(error));
        stopped.complete(null);
        reactor.record(Fact.Type.ERROR, id, null, null, false, null, error);
        emit(new SocketEvent.Failed(id, Operation.BIND, error));
    }

    private void failed(Operation operation, SocketError error) {
        reactor.record(Fact.Type.ERROR, id, localAddress(), null, false, null, error);
        emit(new SocketEvent.Failed(id, operation, error));
    }

    public SocketAddress localAddress() {
        try {
            return channel == null ? null : channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void ready(SelectionKey selected) {
        if (selected.isReadable()) {
            receive();
        }
        if (selected.isValid() && selected.isWritable()) {
            flush();
        }
    }

    private void receive() {
        try {
            receiveBatch();
        } finally {
            if (config.sink() != null && !stopping) {
                try {
                    config.sink().batchEnd();
                } catch (IOException e) {
                    sinkFailed(e);
                }
            }
        }
    }

    private void sinkFailed(IOException e) {
        failed(Operation.RECEIVE, SocketError.from(e));
        stop();
    }

    private void receiveBatch() {
        for (int i = 0; i < RECEIVES_PER_WAKEUP && !stopping; i++) {
            receiveBuffer.clear();
            SocketAddress from;
            try {
                from = channel.receive(receiveBuffer);
            } catch (IOException e) {
                // A previous sendto met ICMP port unreachable; Python's recvfrom raises it the same way.
                failed(Operation.RECEIVE, SocketError.from(e));
                continue;
            }
            if (from == null) {
                return;
            }
            receiveBuffer.flip();
            if (reactor.recording()) {
                byte[] copy = new byte[receiveBuffer.remaining()];
                receiveBuffer.duplicate().get(copy);
                reactor.record(Fact.Type.DATAGRAM, id, localAddress(), from, true, copy, null);
            }
            if (config.sink() != null) {
                try {
                    config.sink().datagram(from, receiveBuffer.duplicate());
                } catch (IOException e) {
                    sinkFailed(e);
                    return;
                }
                if (!config.echo() && config.reply().length == 0) {
                    continue;
                }
            }
            byte[] data = new byte[receiveBuffer.remaining()];
            receiveBuffer.get(data);
            if (config.sink() == null) {
                emit(new SocketEvent.Received(id, from, data));
            }
            if (config.echo()) {
                sendNow(from, data, new CompletableFuture<>(), SocketEvent.Origin.ECHO);
            }
            if (config.reply().length > 0) {
                sendNow(from, config.reply(), new CompletableFuture<>(), SocketEvent.Origin.GREETING);
            }
        }
    }

    /**
     * Completes once the previous send has reached the engine's thread: sends leave in the order they were made.
     * The first waits for the socket to be opened (its bind address may still be resolving).
     */
    private CompletableFuture<Void> lastHandedOver = started.handle((local, failure) -> null);

    /**
     * sendto: resolves the target off the caller's thread, then sends one datagram. Lookups run on several threads,
     * so each send waits for the one before it to be handed over: datagrams leave in the order they were sent.
     */
    public CompletableFuture<Integer> send(Address target, byte[] data) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        inTurn(handedOver -> resolver.resolve(target, reactor, to -> handedOver.accept(() -> sendNow(to, data, done,
                SocketEvent.Origin.USER)), error -> handedOver.accept(() -> {
                    failed(Operation.SEND, error);
                    done.completeExceptionally(new SocketFailure(error));
                })));
        return done;
    }

    /**
     * Takes this send's place in line: {@code start} is given a way to hand the send over once its target is known,
     * and the engine runs it after the send before it was handed over.
     */
    private void inTurn(java.util.function.Consumer<java.util.function.Consumer<Runnable>> start) {
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            previous = lastHandedOver;
            lastHandedOver = handedOver;
        }
        start.accept(send -> previous.whenComplete((v, e) -> reactor.execute(() -> {
            send.run();
            handedOver.complete(null);
        })));
    }

    /** sendto an address already known, such as the sender of a received datagram; in order with the others. */
    public CompletableFuture<Integer> send(SocketAddress target, byte[] data) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        inTurn(handedOver -> handedOver.accept(() -> sendNow(target, data, done, SocketEvent.Origin.USER)));
        return done;
    }

    private void sendNow(SocketAddress to, byte[] data, CompletableFuture<Integer> done, SocketEvent.Origin origin) {
        if (channel == null || !channel.isOpen()) {
            done.completeExceptionally(new SocketFailure(SocketError.of(ErrorKind.NOT_CONNECTED)));
            return;
        }
        if (queued > 0 && queued + data.length > SEND_QUEUE_CAP) {
            emit(new SocketEvent.SendRejected(id, data.length, queued, SEND_QUEUE_CAP));
            done.completeExceptionally(new SocketFailure(SocketError.of(ErrorKind.WOULD_BLOCK)));
            return;
        }
        outbound.add(new Outgoing(to, ByteBuffer.wrap(data), done, origin,
                origin == SocketEvent.Origin.USER ? null : data));
        queued += data.length;
        flush();
    }

    private void flush() {
        while (!outbound.isEmpty()) {
            Outgoing next = outbound.peek();
            int size = next.data().remaining();
            try {
                if (channel.send(next.data(), next.to()) == 0 && size > 0) {
                    key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                    return;
                }
                if (reactor.recording()) {
                    reactor.record(Fact.Type.DATAGRAM, id, localAddress(), next.to(), false, next.data().array(),
                            null);
                }
                emit(new SocketEvent.Sent(id, next.to(), size, next.origin(), next.bytes()));
                next.done().complete(size);
            } catch (IOException | RuntimeException e) {
                SocketError error = SocketError.from(e);
                failed(Operation.SEND, error);
                next.done().completeExceptionally(new SocketFailure(error));
            }
            outbound.poll();
            queued -= size;
        }
        if (key.isValid()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** getsockopt of every known option, once bound. */
    public CompletableFuture<Map<String, Object>> options() {
        return reactor.readOptions(started, () -> channel);
    }

    /** Closes the socket; the future completes once its port is free. */
    public CompletableFuture<Void> stop() {
        reactor.execute(() -> {
            if (stopped.isDone()) {
                return;
            }
            stopping = true;
            Reactor.release(key, channel);
            reactor.afterRelease(this::reportStopped);
        });
        return stopped;
    }

    private void reportStopped() {
        if (!stopped.isDone()) {
            outbound.forEach(o -> o.done().completeExceptionally(
                    new SocketFailure(SocketError.of(ErrorKind.NOT_CONNECTED))));
            outbound.clear();
            emit(new SocketEvent.Stopped(id));
            stopped.complete(null);
        }
    }

    @Override
    public void shutdown() {
        stopping = true;
        Reactor.release(key, channel);
        reportStopped();
    }
}
