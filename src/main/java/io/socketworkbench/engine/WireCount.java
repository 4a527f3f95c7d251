package io.socketworkbench.engine;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Says how many bytes a connection's transport put on and took off the wire ({@link SocketEvent.Wire}; TLS only:
 * a plain connection's wire is its application bytes): at most every half second, and always the last count.
 * Confined to the reactor thread.
 */
final class WireCount {
    private final long id;
    private final Transport transport;
    private final Reactor reactor;
    private final Consumer<SocketEvent> emit;
    private final BooleanSupplier closed;
    /** When the wire's count was last said, in nanoseconds; its bytes then; the report that waits, if one does. */
    private long saidAt;
    private long said = -1;
    private Reactor.Timer later;

    WireCount(long id, Transport transport, Reactor reactor, Consumer<SocketEvent> emit, BooleanSupplier closed) {
        this.id = id;
        this.transport = transport;
        this.reactor = reactor;
        this.emit = emit;
        this.closed = closed;
    }

    /**
     * Says the count at once when {@code now} or half a second has passed since the last time, else once that half
     * second is over; once the connection is closed, only when {@code now} (its close says the last count).
     */
    void say(boolean now) {
        long read = transport.wireRead();
        if (read < 0 || closed.getAsBoolean() && !now) {
            return;
        }
        long written = transport.wireWritten();
        if (read + written == said) {
            return;
        }
        long time = System.nanoTime();
        long wait = saidAt + 500_000_000L - time;
        if (now || wait <= 0 || said < 0) {
            if (later != null) {
                later.cancel();
                later = null;
            }
            saidAt = time;
            said = read + written;
            emit.accept(new SocketEvent.Wire(id, read, written));
        } else if (later == null) {
            later = reactor.schedule(wait / 1_000_000 + 1, () -> {
                later = null;
                say(false);
            });
        }
    }
}
