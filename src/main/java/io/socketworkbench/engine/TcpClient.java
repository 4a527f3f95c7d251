package io.socketworkbench.engine;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A TCP or AF_UNIX stream client: connect with a timeout, send, half-close, close.
 * Every method is safe from any thread and returns at once; results arrive as events and futures.
 */
public final class TcpClient extends Endpoint {
    private final ClientConfig config;
    private final CompletableFuture<SocketAddress> connected = new CompletableFuture<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private SocketChannel channel;
    private SocketAddress target;
    private SelectionKey key;
    private Reactor.Timer connectTimer;
    private TcpConnection connection;
    private boolean closeRequested;
    /** What this client belongs to (a relay's connection onward: the client it forwards), or -1. */
    private long parent = -1;

    TcpClient(long id, Reactor reactor, ClientConfig config, SocketListener listener) {
        super(id, reactor, listener);
        this.config = config;
    }


    /** Completes with the peer's address once connected, or fails with a {@link SocketFailure}. */
    public CompletableFuture<SocketAddress> connected() {
        return connected;
    }

    /** Completes with the reason once the connection has ended (or fails if it never connected). */
    public CompletableFuture<CloseReason> closed() {
        return closed;
    }

    /** This client is {@code owner}'s: its facts say so (a relay's connection onward, for the client it forwards). */
    void belongsTo(long owner) {
        parent = owner;
    }

    void connect(SocketAddress address) {
        target = address;
        if (closeRequested) {
            failConnect(SocketError.of(ErrorKind.CONNECTION_ABORTED));
            return;
        }
        try {
            channel = address instanceof UnixDomainSocketAddress
                    ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
            config.options().applyTo(channel);
            channel.configureBlocking(false);
            if (channel.connect(address)) {
                established();
                return;
            }
            key = reactor.register(channel, SelectionKey.OP_CONNECT, this);
            connectTimer = reactor.schedule(config.connectTimeout().toMillis(),
                    () -> failConnect(SocketError.of(ErrorKind.TIMED_OUT)));
        } catch (IOException | RuntimeException e) {
            failConnect(SocketError.ofConnect(e, address));
        }
    }

    @Override
    public void ready(SelectionKey selected) {
        if (!selected.isConnectable()) {
            return;
        }
        try {
            if (channel.finishConnect()) {
                established();
            }
        } catch (IOException e) {
            failConnect(SocketError.ofConnect(e, target));
        }
    }

    private void established() throws IOException {
        if (connectTimer != null) {
            connectTimer.cancel();
        }
        if (key == null) {
            key = reactor.register(channel, SelectionKey.OP_READ, this);
        }
        String host = config.target() instanceof Address.Inet inet ? inet.host() : null;
        int port = config.target() instanceof Address.Inet inet ? inet.port() : -1;
        connection = new TcpConnection(id, channel, Transport.over(channel, config.tls(), host, port),
                reactor, listener, config.sendQueueCap(), false, config.idleTimeout(), null, closed::complete);
        connection.sinkTo(config.sink());
        connection.start(key);
        SocketAddress remote = connection.remote();
        connected.complete(remote);
        reactor.record(Fact.Type.CONNECT, id, parent, connection.local(), remote, false, null, null);
        emit(new SocketEvent.Connected(id, connection.local(), remote));
    }

    void failConnect(SocketError error) {
        if (connected.isDone()) {
            return;
        }
        if (connectTimer != null) {
            connectTimer.cancel();
        }
        Reactor.release(key, channel);
        connected.completeExceptionally(new SocketFailure(error));
        closed.completeExceptionally(new SocketFailure(error));
        reactor.record(Fact.Type.ERROR, id, null, target, false, null, error);
        emit(new SocketEvent.Failed(id, Operation.CONNECT, error));
    }

    public CompletableFuture<Integer> send(byte[] data) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        reactor.execute(() -> {
            if (connection == null) {
                done.completeExceptionally(new SocketFailure(SocketError.of(ErrorKind.NOT_CONNECTED)));
            } else {
                connection.send(data, done, SocketEvent.Origin.USER);
            }
        });
        return done;
    }

    /**
     * Sends what {@code in} gives as it arrives (as {@code nc} sends its stdin), {@code chunk} bytes at most at a
     * time and one chunk in flight, so memory stays bounded, then shuts down the sending side. Reading blocks, so it
     * runs on a thread of its own; a connection that ends first ends it quietly (the connection's events say how).
     */
    public void sendAll(java.io.InputStream in, int chunk) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[chunk];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (n > 0) {
                        send(java.util.Arrays.copyOf(buffer, n)).join();
                    }
                }
                shutdownOutput();
            } catch (IOException | java.util.concurrent.CompletionException e) {
                // the connection ended first
            }
        }, "send-stream-" + id);
        pump.setDaemon(true);
        pump.start();
    }

    /** Python's {@code s.shutdown(socket.SHUT_WR)}: no more sending, but keep receiving. */
    public void shutdownOutput() {
        reactor.execute(() -> {
            if (connection != null) {
                connection.shutdownOutput();
            }
        });
    }

    /** Closes after queued bytes are out; a connect still under way is abandoned. */
    public void close() {
        reactor.execute(() -> {
            closeRequested = true;
            if (connection != null) {
                connection.closeGracefully();
            } else if (channel != null) {
                failConnect(SocketError.of(ErrorKind.CONNECTION_ABORTED));
            }
        });
    }

    /** getsockopt of every known option, once connected. */
    public CompletableFuture<Map<String, Object>> options() {
        return reactor.readOptions(connected, () -> connection == null ? null : channel);
    }

    @Override
    public void shutdown() {
        if (connection == null) {
            failConnect(SocketError.of(ErrorKind.CONNECTION_ABORTED));
        }
    }
}
