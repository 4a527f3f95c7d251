package io.socketworkbench.session;

import io.socketworkbench.codec.Framing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Each connection's bytes put back into the messages their sender wrote, under one {@link Framing}: TCP is a byte
 * stream, so what one {@code send()} wrote may arrive split or merged. The window's transcripts and the command
 * line's {@code --frame} share it. All the connections' decoders share one budget, so a few peers sending huge
 * messages cannot take everyone's memory. Not thread-safe: its owner calls it, and runs its {@link Timers}, on one
 * thread (or under one lock).
 */
public final class Reassembly {
    /** What the reassembly hands on: whole messages, and what happened besides. */
    public interface Notes {
        void message(long connection, byte[] message);

        /** Bytes the owner never had (a view fell behind): the framing starts again after them. */
        default void lost(long connection, long bytes) {
        }

        /**
         * A length prefix announced more than a message may have: this stream is not framed as chosen. {@code held}
         * is what waited, as it came (nothing is dropped); from here {@link #feed} leaves this stream's bytes to the
         * owner, until a framing is chosen again.
         */
        void refused(long connection, byte[] held);
    }

    private final Timers timers;
    private final Notes notes;
    private Framing framing;
    private final Map<Long, Framing.Decoder> decoders = new HashMap<>();
    /** What all the connections' decoders may hold together, waiting for the ends of their messages. */
    private final Framing.Budget budget = new Framing.Budget(Framing.MAX_MESSAGE);
    /** Each connection's pending end of an idle pause, as the action that cancels it. */
    private final Map<Long, Runnable> idleTimers = new HashMap<>();
    private final Set<Long> unframed = new HashSet<>();

    public Reassembly(Timers timers, Notes notes) {
        this.timers = timers;
        this.notes = notes;
    }

    /** The framing in use; null leaves bytes as they arrive. */
    public Framing framing() {
        return framing;
    }

    /** A new framing from now on; what waited under the old one is handed on as it is. */
    public void use(Framing next) {
        endAll();
        unframed.clear();
        framing = next;
    }

    /**
     * Bytes of one connection, with {@code elided} bytes before them that the owner never had; false when they
     * are not framed (no framing, or this stream broke it) and the owner shows them as they arrived.
     */
    public boolean feed(long connection, byte[] data, long elided) {
        Framing chosen = framing;
        if (chosen == null || unframed.contains(connection)) {
            return false;
        }
        if (elided > 0) {
            end(connection);
            notes.lost(connection, elided);
        }
        Framing.Decoder decoder = decoders.computeIfAbsent(connection, id -> chosen.decoder(budget));
        try {
            decoder.feed(data).forEach(m -> notes.message(connection, m));
        } catch (Framing.TooLong tooLong) {
            tooLong.before().forEach(m -> notes.message(connection, m));
            cancelIdle(connection);
            decoders.remove(connection);
            unframed.add(connection);
            // The decoder holds every byte from the prefix on: none of them was handed on.
            notes.refused(connection, decoder.flush().stream().findFirst().orElse(new byte[0]));
            return true;
        }
        if (chosen.kind() == Framing.Kind.IDLE) {
            cancelIdle(connection);
            idleTimers.put(connection, timers.schedule(chosen.idleMillis(), () -> {
                idleTimers.remove(connection);
                flush(connection);
            }));
        }
        return true;
    }

    /** The connection ended: what waits for the end of its message is handed on as it is. */
    public void end(long connection) {
        cancelIdle(connection);
        flush(connection);
        Framing.Decoder gone = decoders.remove(connection);
        if (gone != null) {
            gone.discard();
        }
        unframed.remove(connection);
    }

    /** Every connection ends: what waits is handed on. */
    public void endAll() {
        new ArrayList<>(decoders.keySet()).forEach(this::end);
    }

    private void cancelIdle(long connection) {
        Runnable cancel = idleTimers.remove(connection);
        if (cancel != null) {
            cancel.run();
        }
    }

    private void flush(long connection) {
        Framing.Decoder decoder = decoders.get(connection);
        if (decoder != null) {
            decoder.flush().forEach(m -> notes.message(connection, m));
        }
    }

    /** Bytes waiting for the end of their message, all connections together. */
    public long waitingBytes() {
        return decoders.values().stream().mapToLong(Framing.Decoder::pendingBytes).sum();
    }
}
