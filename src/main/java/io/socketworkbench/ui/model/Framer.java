package io.socketworkbench.ui.model;

import io.socketworkbench.codec.Framing;
import io.socketworkbench.ui.fx.EventPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transcript's framing: TCP is a byte stream, so what one {@code send()} wrote may arrive split or merged; with a
 * framing chosen, each connection's bytes are put back into messages (by line, delimiter, length prefix or a pause)
 * and each message becomes one bubble. Without one (null), bytes show as they arrived. A view model, no JavaFX.
 */
public final class Framer {
    /** What a connection's framing did besides whole messages: for the transcript to say. */
    public interface Notes {
        void message(long connection, byte[] message);

        /** Bytes the window never had (the view fell behind): the framing starts again after them. */
        void lost(long connection, long bytes);

        /**
         * A length prefix announced more than a message may have: this stream is not framed as chosen, and its
         * bytes show as they arrive until the framing is chosen again.
         */
        void refused(long connection);
    }

    private final EventPort port;
    private final Notes notes;
    private final Value<Framing> framing = new Value<>(null);
    private final Map<Long, Framing.Decoder> decoders = new HashMap<>();
    /** What all the connections' decoders may hold together, waiting for the ends of their messages. */
    private final Framing.Budget budget = new Framing.Budget(Framing.MAX_MESSAGE);
    private final Map<Long, Runnable> idleTimers = new HashMap<>();
    private final java.util.Set<Long> unframed = new java.util.HashSet<>();

    public Framer(EventPort port, Notes notes) {
        this.port = port;
        this.notes = notes;
    }

    /**
     * A framer whose notes go to {@code transcript} (bytes lost, a prefix refused), in the user's words, and whose
     * messages go to {@code message}: what each pane does with a whole message is its own.
     */
    public static Framer showingIn(EventPort port, Transcript transcript,
                                   java.util.function.BiConsumer<Long, byte[]> message) {
        return new Framer(port, new Notes() {
            @Override
            public void message(long connection, byte[] bytes) {
                message.accept(connection, bytes);
            }

            @Override
            public void lost(long connection, long bytes) {
                transcript.add(Message.event(io.socketworkbench.ui.i18n.I18n.t("frame.lost", bytes)));
            }

            @Override
            public void refused(long connection) {
                transcript.add(Message.error(io.socketworkbench.ui.i18n.I18n.t("frame.refused",
                        Framing.MAX_MESSAGE >> 20)));
            }
        });
    }

    /** The framing in use; null shows bytes as they arrive. */
    public Value<Framing> framing() {
        return framing;
    }

    public boolean active() {
        return framing.get() != null;
    }

    /** A new framing from now on; what waited under the old one is shown as it is. */
    public void use(Framing next) {
        new ArrayList<>(decoders.keySet()).forEach(this::end);
        unframed.clear();
        framing.set(next);
    }

    /**
     * Bytes of one connection, with {@code elided} bytes before them that the window never had; false when they
     * are not framed (no framing, or this stream broke it) and the caller shows them as they arrived.
     */
    public boolean feed(long connection, byte[] data, long elided) {
        Framing chosen = framing.get();
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
        } catch (IllegalStateException tooLong) {
            decoders.remove(connection).discard();
            unframed.add(connection);
            notes.refused(connection);
            return true;
        }
        if (chosen.kind() == Framing.Kind.IDLE) {
            Runnable cancel = idleTimers.remove(connection);
            if (cancel != null) {
                cancel.run();
            }
            idleTimers.put(connection, port.schedule(chosen.idleMillis(), () -> {
                idleTimers.remove(connection);
                flush(connection);
            }));
        }
        return true;
    }

    /** The connection ended: what waits for the end of its message is shown as it is. */
    public void end(long connection) {
        Runnable cancel = idleTimers.remove(connection);
        if (cancel != null) {
            cancel.run();
        }
        flush(connection);
        Framing.Decoder gone = decoders.remove(connection);
        if (gone != null) {
            gone.discard();
        }
        unframed.remove(connection);
    }

    private void flush(long connection) {
        Framing.Decoder decoder = decoders.get(connection);
        if (decoder != null) {
            decoder.flush().forEach(m -> notes.message(connection, m));
        }
    }

    /** For tests and the stats: bytes waiting for the end of their message, all connections together. */
    public long waitingBytes() {
        return decoders.values().stream().mapToLong(Framing.Decoder::pendingBytes).sum();
    }
}
