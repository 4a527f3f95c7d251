package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A connection's bytes waiting to be written, in order, each send kept whole: how much waits, and who waits to hear
 * that a send went. On the engine's thread only.
 */
final class Outbound {
    /** One send: its bytes, who waits for it (or null), who wrote it, and the bytes an event shows (or null). */
    record Pending(ByteBuffer buffer, int size, CompletableFuture<Integer> done, SocketEvent.Origin origin,
                   byte[] shown) {}

    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long queued;

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Bytes waiting, all sends together. */
    long queued() {
        return queued;
    }

    void add(byte[] data, CompletableFuture<Integer> done, SocketEvent.Origin origin) {
        queue.add(new Pending(ByteBuffer.wrap(data), data.length, done, origin,
                origin == SocketEvent.Origin.USER || origin == SocketEvent.Origin.RELAY ? null : data));
        queued += data.length;
    }

    /**
     * Writes through {@code transport} until it takes no more: {@code progress} hears of every write that moved
     * bytes, {@code sent} of each send as its last byte goes. True when nothing waits any more.
     */
    boolean writeTo(Transport transport, Runnable progress, Consumer<Pending> sent) throws IOException {
        while (!queue.isEmpty()) {
            Pending head = queue.peek();
            if (transport.write(head.buffer()) > 0) {
                progress.run();
            }
            if (head.buffer().hasRemaining()) {
                return false;
            }
            queue.poll();
            queued -= head.size();
            sent.accept(head);
        }
        return true;
    }

    /** Drops everything that waits, telling each waiting send why; returns how many bytes were dropped. */
    long dropAll(SocketFailure why) {
        for (Pending pending : queue) {
            if (pending.done() != null) {
                pending.done().completeExceptionally(why);
            }
        }
        queue.clear();
        long dropped = queued;
        queued = 0;
        return dropped;
    }
}
