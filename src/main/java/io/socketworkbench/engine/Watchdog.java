package io.socketworkbench.engine;

import java.time.Duration;

/**
 * A connection's two clocks, on the engine's thread: the idle timeout closes it when the peer has sent nothing for
 * that long (Python's settimeout on recv), the stall timeout when the peer has taken none of the bytes waiting for
 * it. Either may be off (null). Time the connection itself does not read (a hold) does not count as idle.
 */
final class Watchdog {
    private final Reactor reactor;
    private final TcpConnection connection;
    private final long idleMillis;
    private final long stallMillis;
    private long lastReceive;
    /** When the peer last took bytes from us, or when bytes began to wait for it. */
    private long lastDrain;
    private Reactor.Timer idleTimer;
    private Reactor.Timer stallTimer;

    Watchdog(Reactor reactor, TcpConnection connection, Duration idleTimeout, Duration stallTimeout) {
        this.reactor = reactor;
        this.connection = connection;
        this.idleMillis = idleTimeout == null ? 0 : Math.max(1, idleTimeout.toMillis());
        this.stallMillis = stallTimeout == null ? 0 : Math.max(1, stallTimeout.toMillis());
    }

    void start() {
        lastReceive = System.nanoTime();
        if (idleMillis > 0) {
            idleTimer = reactor.schedule(idleMillis, this::checkIdle);
        }
    }

    void received() {
        lastReceive = System.nanoTime();
    }

    /** The peer took some of the bytes waiting for it. */
    void drained() {
        lastDrain = System.nanoTime();
    }

    /** Bytes began to wait for the peer: the stall clock starts. */
    void waiting() {
        lastDrain = System.nanoTime();
        if (stallMillis > 0 && stallTimer == null) {
            stallTimer = reactor.schedule(stallMillis, this::checkStall);
        }
    }

    void stop() {
        if (idleTimer != null) {
            idleTimer.cancel();
        }
        if (stallTimer != null) {
            stallTimer.cancel();
        }
    }

    private void checkIdle() {
        if (connection.isClosed()) {
            return;
        }
        if (connection.readingHeld()) {
            // We are the ones not reading (its echoes wait, or the window is behind): the peer is not idle.
            lastReceive = System.nanoTime();
        }
        long idle = (System.nanoTime() - lastReceive) / 1_000_000;
        if (idle >= idleMillis) {
            connection.close(CloseReason.ERROR, SocketError.of(ErrorKind.TIMED_OUT));
        } else {
            idleTimer = reactor.schedule(idleMillis - idle, this::checkIdle);
        }
    }

    private void checkStall() {
        stallTimer = null;
        if (connection.isClosed() || connection.queuedBytes() == 0) {
            return; // the next byte queued starts the clock again
        }
        long stalled = (System.nanoTime() - lastDrain) / 1_000_000;
        if (stalled >= stallMillis) {
            // The selector reports a socket writable only once much of its send buffer is free; a slow reader
            // may have taken some since. Try: any byte written is progress.
            connection.flush();
            if (connection.isClosed() || connection.queuedBytes() == 0) {
                return;
            }
            stalled = (System.nanoTime() - lastDrain) / 1_000_000;
        }
        if (stalled >= stallMillis) {
            connection.close(CloseReason.STALLED, null);
        } else {
            stallTimer = reactor.schedule(stallMillis - stalled, this::checkStall);
        }
    }
}
