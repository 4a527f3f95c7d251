package io.socketworkbench.engine;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening TCP or AF_UNIX stream server: bind, listen, accept many clients, and talk to each of them.
 * Every method is safe from any thread and returns at once; results arrive as events and futures.
 *
 * <p>Accepting has a thread of its own that does nothing else: it takes each connection off the kernel's queue at
 * once and hands it to the engine's thread. While the engine is busy (loading the code for a first client, reading
 * a flood), the listen queue, which holds only the backlog, still drains: a storm of connects waits for no SYN
 * retransmit, as with Python's {@code while True: s.accept()}.
 */
public final class TcpServer extends Endpoint {
    private static final long ACCEPT_RETRY_MILLIS = 100;
    private static final long ACCEPTOR_EXIT_MILLIS = 1_000;

    private final ServerConfig config;
    private final Map<Long, TcpConnection> connections = new java.util.LinkedHashMap<>();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final CompletableFuture<SocketAddress> started = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private ServerSocketChannel channel;
    private SelectionKey key;
    private boolean stopping;
    private Thread acceptor;
    private volatile SocketAddress local;

    TcpServer(long id, Reactor reactor, ServerConfig config, SocketListener listener) {
        super(id, reactor, listener);
        this.config = config;
    }


    /** Completes with the bound address once listening, or fails with a {@link SocketFailure}. */
    public CompletableFuture<SocketAddress> started() {
        return started;
    }

    /** Completes when the server has stopped and its port (or socket file) is free again. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    public SocketAddress localAddress() {
        return local;
    }

    public int connectionCount() {
        return connectionCount.get();
    }

    void bind(SocketAddress address) {
        if (stopping) {
            started.cancel(false);
            finishStop();
            return;
        }
        boolean unix = address instanceof UnixDomainSocketAddress;
        try {
            channel = unix ? ServerSocketChannel.open(StandardProtocolFamily.UNIX) : ServerSocketChannel.open();
            if (!unix && config.options().reuseAddress() == null) {
                // A stopped server must be able to start again at once, even with connections in TIME_WAIT.
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            config.options().applyTo(channel);
            channel.bind(address, config.backlog());
            local = channel.getLocalAddress();
            reactor.track(this);
            // Loaded now: the acceptor may meet its first failure when no descriptor is left to load a class.
            new Admission(null).run();
            new AcceptFailure(SocketError.of(ErrorKind.TOO_MANY_OPEN_FILES));
            acceptor = new Thread(this::acceptLoop, Thread.currentThread().getName() + "-accept-" + id);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException | RuntimeException e) {
            Reactor.release(key, channel);
            failStart(Operation.BIND, SocketError.ofBind(e, address));
            return;
        }
        if (config.tls() != null) {
            TlsWarmUp.startFor(config.tls().context());
        }
        started.complete(local);
        reactor.record(Fact.Type.LISTEN, id, local, null, false, null, null);
        emit(new SocketEvent.Listening(id, local));
    }

    void failStart(Operation operation, SocketError error) {
        stopping = true;
        started.completeExceptionally(new SocketFailure(error));
        stopped.complete(null);
        reactor.record(Fact.Type.ERROR, id, null, null, false, null, error);
        emit(new SocketEvent.Failed(id, operation, error));
    }

    /** The acceptor thread: blocking accepts, each connection handed to the engine's thread at once. */
    private void acceptLoop() {
        ServerSocketChannel listening = channel;
        while (listening.isOpen()) {
            try {
                SocketChannel client = listening.accept();
                reactor.execute(new Admission(client));
            } catch (java.nio.channels.ClosedChannelException stopped) {
                return;
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                // Out of descriptors, say (then even a class may fail to load): report it and pause accepting
                // rather than spin on the same failure. The thread itself goes on.
                reactor.execute(new AcceptFailure(SocketError.from(e)));
                try {
                    Thread.sleep(ACCEPT_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** A connection the acceptor took, to be set up on the engine's thread. */
    private final class Admission implements Runnable {
        private final SocketChannel client;

        Admission(SocketChannel client) {
            this.client = client;
        }

        @Override
        public void run() {
            if (client == null) {
                return;
            }
            if (stopping) {
                Reactor.release(null, client);
            } else {
                admit(client);
            }
        }
    }

    /** A failed accept, reported on the engine's thread. */
    private final class AcceptFailure implements Runnable {
        private final SocketError error;

        AcceptFailure(SocketError error) {
            this.error = error;
        }

        @Override
        public void run() {
            reactor.record(Fact.Type.ERROR, id, local, null, false, null, error);
            emit(new SocketEvent.Failed(id, Operation.ACCEPT, error));
        }
    }

    @Override
    public void ready(SelectionKey selected) {
        // Accepting happens on the acceptor thread; the listening socket is not registered with the selector.
    }

    private final ByteBuffer refusedInput = ByteBuffer.allocate(16 * 1024);

    /**
     * Tells a client refused for {@code maxClients} why, when the server was given words for it, then closes with
     * a FIN (not a reset): the message is small enough for the new socket's send buffer, so the write never blocks.
     */
    private void refuse(SocketChannel client) throws IOException {
        // refusedInput: only the acceptor thread refuses.
        try (client) {
            client.configureBlocking(false);
            byte[] busy = config.busyMessage();
            if (busy.length > 0) {
                client.write(ByteBuffer.wrap(busy));
                client.shutdownOutput();
            }
            // What it already sent is read and dropped: closing with unread bytes would send a reset instead.
            refusedInput.clear();
            client.read(refusedInput);
        }
    }

    private void admit(SocketChannel client) {
        long connectionId = SocketEngine.nextId();
        try {
            if (config.maxClients() > 0 && connections.size() >= config.maxClients()) {
                SocketAddress remote = client.getRemoteAddress();
                refuse(client);
                emit(new SocketEvent.AcceptRefused(id, remote, config.maxClients()));
                return;
            }
            if (config.tls() != null) {
                TlsWarmUp.clientCame();
            }
            client.configureBlocking(false);
            config.options().withReuseAddress(null).applyTo(client);
            java.net.InetSocketAddress peer = client.getRemoteAddress() instanceof java.net.InetSocketAddress inet
                    ? inet : null;
            TcpConnection connection = new TcpConnection(connectionId, client,
                    Transport.over(client, config.tls(), peer == null ? null : peer.getHostString(),
                            peer == null ? -1 : peer.getPort()),
                    reactor, listener, config.sendQueueCap(), config.echo(), config.idleTimeout(),
                    config.stallTimeout(), reason -> forget(connectionId));
            if (!config.echo()) {
                connection.sinkTo(config.sink());
            }
            connection.start(reactor.register(client, SelectionKey.OP_READ, connection));
            connections.put(connectionId, connection);
            connectionCount.incrementAndGet();
            reactor.record(Fact.Type.ACCEPT, connectionId, id, connection.local(), connection.remote(), false, null,
                    null);
            emit(new SocketEvent.Accepted(id, connectionId, connection.remote(), local));
            if (config.greeting().length > 0) {
                connection.send(config.greeting(), reported(connectionId), SocketEvent.Origin.GREETING);
            }
            if (config.closeAfterGreet()) {
                connection.closeGracefully();
            }
        } catch (IOException e) {
            try {
                client.close();
            } catch (IOException ignored) {
                // already failed
            }
            emit(new SocketEvent.Failed(id, Operation.ACCEPT, SocketError.from(e)));
        }
    }

    private void forget(long connectionId) {
        if (connections.remove(connectionId) != null) {
            connectionCount.decrementAndGet();
        }
    }

    /** Sends to one client; the future completes when the bytes are out, or fails. */
    public CompletableFuture<Integer> send(long connection, byte[] data) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        reactor.execute(() -> {
            TcpConnection target = connections.get(connection);
            if (target == null) {
                done.completeExceptionally(new SocketFailure(SocketError.of(ErrorKind.NOT_CONNECTED)));
            } else {
                target.send(data, done, SocketEvent.Origin.USER);
            }
        });
        return done;
    }

    /**
     * Sends the same bytes to every connected client. The future completes with the ids of the clients that got
     * all of them, oldest first; each client that did not is reported as a {@link SocketEvent.Failed} SEND on its
     * connection.
     */
    public CompletableFuture<List<Long>> broadcast(byte[] data) {
        CompletableFuture<List<Long>> done = new CompletableFuture<>();
        reactor.execute(() -> {
            Map<Long, CompletableFuture<Integer>> each = new java.util.LinkedHashMap<>();
            for (TcpConnection connection : new ArrayList<>(connections.values())) {
                CompletableFuture<Integer> one = reported(connection.id);
                each.put(connection.id, one);
                connection.send(data, one, SocketEvent.Origin.USER);
            }
            CompletableFuture.allOf(each.values().stream().map(f -> f.handle((n, e) -> n))
                    .toArray(CompletableFuture[]::new)).thenRun(() -> done.complete(each.entrySet().stream()
                            .filter(e -> !e.getValue().isCompletedExceptionally()).map(Map.Entry::getKey).toList()));
        });
        return done;
    }

    /** A future for a write nobody waits on: its failure still reaches the listener, as a failed SEND. */
    private CompletableFuture<Integer> reported(long connectionId) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        done.whenComplete((n, error) -> {
            if (error != null) {
                emit(new SocketEvent.Failed(connectionId, Operation.SEND, SocketError.from(error)));
            }
        });
        return done;
    }

    /** Closes one client (after its queued bytes, or a short grace period). */
    public void close(long connection) {
        reactor.execute(() -> {
            TcpConnection target = connections.get(connection);
            if (target != null) {
                target.closeGracefully();
            }
        });
    }

    /** Python's {@code con.shutdown(socket.SHUT_WR)} on one client. */
    public void shutdownOutput(long connection) {
        reactor.execute(() -> {
            TcpConnection target = connections.get(connection);
            if (target != null) {
                target.shutdownOutput();
            }
        });
    }

    /** getsockopt of every known option on one client's socket. */
    public CompletableFuture<Map<String, Object>> options(long connection) {
        return reactor.readOptions(CompletableFuture.completedFuture(null), () -> {
            TcpConnection target = connections.get(connection);
            return target == null ? null : target.channel();
        });
    }

    /** getsockopt of every known option on the listening socket. */
    public CompletableFuture<Map<String, Object>> options() {
        return reactor.readOptions(started, () -> channel);
    }

    /** Closes every client and the listening socket; the future completes once the port is free. */
    public CompletableFuture<Void> stop() {
        reactor.execute(() -> {
            if (stopping) {
                return;
            }
            stopping = true;
            if (channel != null) {
                finishStop();
            }
        });
        return stopped;
    }

    private void finishStop() {
        new ArrayList<>(connections.values()).forEach(connection -> connection.close(CloseReason.LOCAL, null));
        reactor.untrack(this);
        Reactor.release(key, channel);
        reactor.afterRelease(() -> {
            awaitAcceptor();
            if (local instanceof UnixDomainSocketAddress unix) {
                try {
                    Files.deleteIfExists(unix.getPath());
                } catch (IOException ignored) {
                    // a stale socket file only blocks the next bind, which then reports it
                }
            }
            if (!stopped.isDone()) {
                emit(new SocketEvent.Stopped(id));
                stopped.complete(null);
            }
        });
    }

    /**
     * Waits for the acceptor thread to leave {@code accept}. On JDK 25 closing a channel that another thread is
     * accepting on returns before the socket is gone: the accepting thread finishes the close as it leaves, and
     * until then the port is still taken (a restart failed with EADDRINUSE about once in 80 stops). Leaving takes
     * microseconds once the close has woken it; the bound only keeps a wedged thread from holding the engine.
     */
    private void awaitAcceptor() {
        Thread thread = acceptor;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(ACCEPTOR_EXIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void shutdown() {
        stopping = true;
        finishStop();
        if (!stopped.isDone()) {
            emit(new SocketEvent.Stopped(id));
            stopped.complete(null);
        }
    }
}
