package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One stream connection of the app's side of an exercise, an engine connection seen from the run's thread: reads
 * and writes that give up at a deadline, and every byte reported to the trace. Nothing here blocks for longer than
 * the deadline it is given.
 */
final class Link {
    /** How the engine sends, half-closes and closes this connection: a client's, or one a server accepted. */
    interface Ends {
        CompletableFuture<Integer> send(byte[] data);

        void shutdownOutput();

        void close();
    }

    /** A read that met a reset or an error: {@link #error} says which. */
    static final class Broken extends IOException {
        final transient SocketError error;

        Broken(SocketError error) {
            super(error.pythonText(), null);
            this.error = error;
        }
    }

    /** The socket error behind a failed read or write on a link, however it was raised. */
    static SocketError errorOf(IOException e) {
        return e instanceof Broken broken ? broken.error : SocketError.ofRead(e);
    }

    /** The id the trace knows it by; {@code connection} is the engine's. */
    final long id;
    private final long connection;
    private final Wire wire;
    private final Ends ends;
    private final Trace trace;
    private final SocketAddress remote;
    private byte[] leftover;
    private boolean finished;
    private boolean closed;

    Link(long id, long connection, Wire wire, Ends ends, Trace trace, SocketAddress remote) {
        this.id = id;
        this.connection = connection;
        this.wire = wire;
        this.ends = ends;
        this.trace = trace;
        this.remote = remote;
    }

    SocketAddress remote() {
        return remote;
    }

    /**
     * Reads what has arrived, waiting until {@code deadline} ({@link System#nanoTime}; now for no wait): at most
     * {@code max} bytes, an empty array at the deadline, null at EOF.
     */
    byte[] read(int max, long deadline) throws IOException {
        if (leftover == null && !finished) {
            leftover = nextData(deadline);
        }
        if (leftover == null) {
            return finished ? null : new byte[0];
        }
        byte[] data = leftover.length <= max ? leftover : Arrays.copyOf(leftover, max);
        leftover = leftover.length <= max ? null : Arrays.copyOfRange(leftover, max, leftover.length);
        trace.received(id, data);
        return data;
    }

    /** The next bytes that came, or null (at the deadline, or at the end: {@link #finished} tells). */
    private byte[] nextData(long deadline) throws IOException {
        while (true) {
            SocketEvent event = wire.next(connection, deadline);
            if (event == null) {
                return null;
            }
            if (event instanceof SocketEvent.Received received) {
                return received.data();
            }
            if (event instanceof SocketEvent.Closed ended) {
                finished = true;
                wire.forget(connection);
                if (ended.reason() == CloseReason.PEER) {
                    trace.peerFinished(id);
                    return null;
                }
                if (ended.reason() == CloseReason.LOCAL) {
                    return null;
                }
                throw new Broken(ended.error() != null ? ended.error() : SocketError.from(new IOException("reset")));
            }
        }
    }

    /**
     * Waits for the TLS handshake to end: what it agreed, or null when nothing came before the deadline. A
     * connection that closed first throws {@link Broken} with why (a clean close with no error: TLS's EOF).
     */
    io.socketworkbench.engine.TlsInfo awaitHandshake(long deadline) throws IOException {
        while (true) {
            SocketEvent event = wire.next(connection, deadline);
            if (event == null) {
                return null;
            }
            if (event instanceof SocketEvent.Secured secured) {
                return secured.info();
            }
            if (event instanceof SocketEvent.Closed ended) {
                finished = true;
                wire.forget(connection);
                throw new Broken(ended.error() != null ? ended.error()
                        : SocketError.of(io.socketworkbench.engine.ErrorKind.TLS_EOF));
            }
        }
    }

    /** Writes all of {@code data} unless the deadline comes first; returns how many bytes went (all or none). */
    int write(byte[] data, long deadline) throws IOException {
        CompletableFuture<Integer> sent = send(data);
        try {
            sent.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException e) {
            throw new Broken(SocketError.from(e.getCause()));
        }
        trace.sent(id, data);
        return data.length;
    }

    /** Queues {@code data} for sending; the future completes once it is out. The caller traces it. */
    CompletableFuture<Integer> send(byte[] data) {
        return ends.send(data);
    }

    /** Stops the engine reading this connection while {@code hold}: the peer's sends then meet a full buffer. */
    void holdReading(boolean hold) {
        wire.engine().holdReading(connection, hold);
    }

    void shutdownOutput() {
        ends.shutdownOutput();
        trace.halfClosed(id);
    }

    /** Closes, telling the trace how it ended: {@code error} for a reset or failure, null for a clean close. */
    void close(SocketError error) {
        if (closed) {
            return;
        }
        closed = true;
        ends.close();
        trace.closed(id, error);
    }
}
