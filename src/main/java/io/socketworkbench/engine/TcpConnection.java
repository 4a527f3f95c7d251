package io.socketworkbench.engine;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One established TCP (or AF_UNIX stream) connection. Confined to the reactor thread. */
final class TcpConnection implements Reactor.Handler {

    private static final int READS_PER_WAKEUP = 8;
    private static final int OVER_BUDGET_READ = 4 * 1024;
    private static final long FORCED_CLOSE_MILLIS = 2000;

    final long id;
    private final SocketChannel channel;
    private final Transport transport;
    private final Reactor reactor;
    private final SocketListener listener;
    private final long cap;
    private final boolean echo;
    private final Watchdog watchdog;
    private final Consumer<CloseReason> onClosed;
    private ReceiveSink sink;
    private final Outbound outbound = new Outbound();
    /** How many bytes crossed the wire (TLS), said every half second at most. */
    private final WireCount wire;
    /** What the key watches: reading unless something holds it, and room to write while bytes wait. */
    private final Interest interest = new Interest();
    private SocketAddress remote;
    private SocketAddress local;
    private boolean closed;
    /** The peer's FIN ends only its direction: reported, and this side may go on writing (a relay's). */
    private boolean halfOpen;
    private boolean outputShut;
    private boolean shutdownWhenFlushed;
    private CloseReason closeWhenFlushed;

    /** Whether a TLS handshake's end has been reported. */
    private boolean secured;
    /** Closing with a reset: nothing more is said on the wire. */
    private boolean aborting;

    TcpConnection(long id, SocketChannel channel, Transport transport, Reactor reactor, SocketListener listener,
                  long cap, boolean echo, Duration idleTimeout, Duration stallTimeout,
                  Consumer<CloseReason> onClosed) {
        this.id = id;
        this.channel = channel;
        this.transport = transport;
        this.reactor = reactor;
        this.listener = listener;
        this.cap = cap;
        this.echo = echo;
        this.watchdog = new Watchdog(reactor, this, idleTimeout, stallTimeout);
        this.onClosed = onClosed;
        this.wire = new WireCount(id, transport, reactor, this::emit, this::isClosed);
    }

    /** Sends received bytes to the sink instead of as events; set before {@link #start}. */
    void sinkTo(ReceiveSink value) {
        sink = value;
    }

    /**
     * The peer's FIN is reported as {@link SocketEvent.PeerFinished} and leaves this side open for writing; the
     * connection closes once both directions have ended. Set before the first read.
     */
    void keepOpenAfterPeerFin() {
        halfOpen = true;
    }

    /** Starts reading on an already registered key. */
    void start(SelectionKey selectionKey) throws IOException {
        interest.watch(selectionKey, this);
        remote = channel.getRemoteAddress();
        local = channel.getLocalAddress();
        reactor.streams().put(id, this);
        watchdog.start();
        try {
            transport.start();
        } catch (IOException e) {
            fail(SocketError.ofWrite(e));
            return;
        }
        afterTransport();
    }

    /**
     * After the transport has read or written: a handshake that has just finished is reported (and what waited
     * for it is sent), and bytes of the transport's own that wait for the socket make it watch for room.
     */
    private void afterTransport() {
        if (!secured && transport.ready()) {
            TlsInfo info = transport.tlsInfo();
            secured = true;
            if (info != null) {
                reactor.recordTls(id, local, remote, info);
                emit(new SocketEvent.Secured(id, info));
                if (!closed && !outbound.isEmpty()) {
                    flush();
                }
            }
        }
    }

    /** Reports a handshake that has just finished, if it has; false when the connection closed meanwhile. */
    private boolean handshakeReported() {
        if (!secured) {
            afterTransport();
        }
        return !closed;
    }

    SocketAddress remote() {
        return remote;
    }

    SocketAddress local() {
        return local;
    }

    SocketChannel channel() {
        return channel;
    }

    @Override
    public void ready(SelectionKey selected) {
        if (selected.isReadable()) {
            read();
            wire.say(false);
        }
        if (!closed && selected.isValid() && selected.isWritable()) {
            flush();
        }
    }

    private void read() {
        ByteBuffer buffer = reactor.readBuffer;
        for (int round = 0; round < READS_PER_WAKEUP && !closed && !interest.held(); round++) {
            buffer.clear();
            if (echo && reactor.budget().over()) {
                // Past the budget every echo we read is queued on top of it: read a little at a time, so that
                // thousands of clients read once each add kilobytes apiece, not a read buffer apiece.
                buffer.limit(OVER_BUDGET_READ);
            }
            int n;
            try {
                n = transport.read(buffer);
            } catch (IOException e) {
                fail(SocketError.ofRead(e));
                return;
            }
            if (!secured && handshakeReported() && !transport.ready()) {
                flush(); // what the handshake says back may wait for room
            }
            if (closed) {
                return;
            }
            if (n < 0) {
                peerFinished();
                return;
            }
            if (n == 0) {
                return;
            }
            buffer.flip();
            watchdog.received();
            if (sink != null) {
                if (reactor.recording()) {
                    byte[] copy = new byte[n];
                    buffer.duplicate().get(copy);
                    reactor.record(Fact.Type.DATA, id, local, remote, true, copy, null);
                }
                try {
                    sink.accept(id, buffer);
                } catch (IOException e) {
                    close(CloseReason.ERROR, SocketError.from(e));
                    return;
                }
            } else {
                byte[] data = new byte[n];
                buffer.get(data);
                reactor.record(Fact.Type.DATA, id, local, remote, true, data, null);
                emit(new SocketEvent.Received(id, remote, data));
                if (echo) {
                    enqueue(data, null, SocketEvent.Origin.ECHO);
                }
            }
            if (n < buffer.limit() && !transport.buffered()) {
                return;
            }
        }
        resumeBuffered();
    }

    /** Bytes the transport holds wake no selector: read them now, unless reading is held. */
    private void resumeBuffered() {
        if (transport.buffered() && !closed && !interest.held() && !interest.inputDone) {
            reactor.execute(() -> {
                if (interest.valid()) {
                    read();
                }
            });
        }
    }

    private void peerFinished() {
        interest.inputDone = true;
        interest.set(SelectionKey.OP_READ, false);
        reactor.record(Fact.Type.FIN, id, local, remote, true, null, null);
        if (halfOpen) {
            emit(new SocketEvent.PeerFinished(id));
            if (outputShut && !closed) {
                close(CloseReason.PEER, null);
            }
            return;
        }
        if (outbound.isEmpty()) {
            close(CloseReason.PEER, null);
        } else {
            closeWhenFlushed = CloseReason.PEER;
        }
    }

    /**
     * Queues bytes for sending; a full queue refuses them and reports {@link SocketEvent.SendRejected}. The engine's
     * own writes (greetings, echoes) have a {@link SocketEvent.Sent} that carries the bytes.
     */
    void send(byte[] data, CompletableFuture<Integer> done, SocketEvent.Origin origin) {
        if (closed || outputShut || shutdownWhenFlushed || closeWhenFlushed != null) {
            if (done == null) {
                return;
            }
            done.completeExceptionally(new SocketFailure(SocketError.of(
                    closed ? ErrorKind.NOT_CONNECTED : ErrorKind.BROKEN_PIPE)));
            return;
        }
        long queued = outbound.queued();
        if (queued > 0 && queued + data.length > cap && done != null) {
            emit(new SocketEvent.SendRejected(id, data.length, queued, cap));
            done.completeExceptionally(new SocketFailure(SocketError.of(ErrorKind.WOULD_BLOCK)));
            return;
        }
        enqueue(data, done, origin);
    }

    private void enqueue(byte[] data, CompletableFuture<Integer> done, SocketEvent.Origin origin) {
        if (data.length == 0) {
            if (done != null) {
                done.complete(0);
            }
            return;
        }
        if (outbound.isEmpty()) {
            watchdog.waiting();
        }
        outbound.add(data, done, origin);
        long queued = outbound.queued();
        reactor.budget().add(data.length);
        if (echo && !interest.readPaused && (queued > cap / 2 || reactor.budget().overFor(queued))) {
            // An echo peer that does not read must not make us buffer without end: stop reading from it. Past
            // the engine's budget for all connections, so does every peer with more than a little waiting.
            interest.readPaused = true;
            if (queued <= cap / 2) {
                reactor.budget().heldBack(this);
            }
            updateReadInterest();
        }
        flush();
    }

    /** Writes what the socket takes now, as when it reports writable; then what crossed the wire is said (TLS). */
    void flush() {
        write();
        wire.say(false);
    }

    private void write() {
        try {
            if (!transport.flushWire()) {
                interest.set(SelectionKey.OP_WRITE, true);
                return;
            }
            if (!handshakeReported()) {
                return;
            }
            if (!transport.ready()) {
                interest.set(SelectionKey.OP_WRITE, false); // the handshake goes on as the peer's records come
                return;
            }
            if (!outbound.writeTo(transport, watchdog::drained, this::wentOut) || !transport.flushWire()) {
                interest.set(SelectionKey.OP_WRITE, true);
                return;
            }
        } catch (IOException e) {
            fail(SocketError.ofWrite(e));
            return;
        }
        interest.set(SelectionKey.OP_WRITE, false);
        resumeEchoes(!reactor.budget().over());
        if (shutdownWhenFlushed && !outputShut) {
            shutdownNow();
        }
        if (closeWhenFlushed != null) {
            close(closeWhenFlushed, null);
        }
    }

    /** One send went out whole: the budget has room again, and whoever waits hears of it. */
    private void wentOut(Outbound.Pending sent) {
        reactor.budget().add(-sent.size());
        reactor.record(Fact.Type.DATA, id, local, remote, false, sent.buffer().array(), null);
        emit(new SocketEvent.Sent(id, remote, sent.size(), sent.origin(), sent.shown()));
        if (sent.done() != null) {
            sent.done().complete(sent.size());
        }
    }

    /** Python's {@code shutdown(SHUT_WR)}: the peer's recv() returns {@code b''} once our queued bytes are out. */
    void shutdownOutput() {
        if (closed || outputShut) {
            return;
        }
        if (outbound.isEmpty()) {
            shutdownNow();
        } else {
            shutdownWhenFlushed = true;
        }
    }

    private void shutdownNow() {
        try {
            transport.shutdownOutput();
            outputShut = true;
            if (!transport.flushWire()) {
                interest.set(SelectionKey.OP_WRITE, true); // a close_notify waits for room
            }
            reactor.record(Fact.Type.FIN, id, local, remote, false, null, null);
        } catch (IOException e) {
            fail(SocketError.ofWrite(e));
            return;
        }
        if (halfOpen && interest.inputDone) {
            close(CloseReason.LOCAL, null);
        }
    }

    /**
     * Closes at once with a reset (SO_LINGER 0), as when a process dies: what waits is dropped, and the peer's
     * recv() raises ConnectionResetError. For a relay that passes on a reset, or a target that refused.
     */
    void abort() {
        if (closed) {
            return;
        }
        try {
            channel.setOption(java.net.StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | UnsupportedOperationException e) {
            // an AF_UNIX stream has no linger: it closes as it can
        }
        aborting = true;
        close(CloseReason.LOCAL, null);
    }

    /** Closes once queued bytes are sent, or after a short grace period if the peer does not read them. */
    void closeGracefully() {
        if (closed) {
            return;
        }
        if (outbound.isEmpty()) {
            close(CloseReason.LOCAL, null);
            return;
        }
        closeWhenFlushed = CloseReason.LOCAL;
        reactor.schedule(FORCED_CLOSE_MILLIS, () -> close(CloseReason.LOCAL, null));
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether this side is not reading now (its echoes wait, the window or a relay holds it). */
    boolean readingHeld() {
        return interest.held();
    }

    private void fail(SocketError error) {
        boolean reset = error.kind() == ErrorKind.CONNECTION_RESET || error.kind() == ErrorKind.BROKEN_PIPE;
        close(reset ? CloseReason.RESET : CloseReason.ERROR, error);
    }

    void close(CloseReason reason, SocketError error) {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.stop();
        wire.say(true);
        if (!aborting && error == null && reason != CloseReason.RESET) {
            transport.closing();
        }
        Reactor.release(interest.key(), channel);
        reactor.streams().remove(id);
        SocketFailure failure = new SocketFailure(error != null ? error : SocketError.of(ErrorKind.NOT_CONNECTED));
        reactor.budget().add(-outbound.dropAll(failure));
        reactor.budget().forget(this);
        if (reason == CloseReason.RESET) {
            reactor.record(Fact.Type.RST, id, local, remote, true, null, error);
        } else if (error != null) {
            reactor.record(Fact.Type.ERROR, id, local, remote, false, null, error);
        }
        reactor.record(Fact.Type.CLOSE, id, local, remote, reason == CloseReason.PEER, null, null);
        // Owners update their state (a server's connection count) before listeners hear of the close.
        onClosed.accept(reason);
        emit(new SocketEvent.Closed(id, reason, error));
    }

    @Override
    public void shutdown() {
        close(CloseReason.LOCAL, null);
    }

    long queuedBytes() {
        return outbound.queued();
    }

    /** The engine's budget has room again: read once more, unless this connection's own queue is still full. */
    void budgetFreed() {
        resumeEchoes(!closed);
    }

    /** Reading paused for echoes starts again once this connection's queue is a quarter full at most. */
    private void resumeEchoes(boolean mayRead) {
        if (interest.readPaused && outbound.queued() <= cap / 4 && closeWhenFlushed == null && mayRead) {
            interest.readPaused = false;
            updateReadInterest();
        }
    }

    /**
     * Stops reading (TCP then makes the peer wait: nothing is lost) while {@code hold}, as when the window's view
     * of this connection has fallen behind; reads again once released.
     */
    void holdReading(boolean hold) {
        interest.heldByView = hold;
        updateReadInterest();
    }

    /** The same for a relay: this side's bytes wait while the other side has not taken what it was sent. */
    void holdForPeer(boolean hold) {
        interest.heldForPeer = hold;
        updateReadInterest();
    }

    private void updateReadInterest() {
        if (interest.update(closed)) {
            resumeBuffered();
        }
    }

    private void emit(SocketEvent event) {
        Events.deliver(listener, event);
    }
}
