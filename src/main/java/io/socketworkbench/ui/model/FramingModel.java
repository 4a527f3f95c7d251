package io.socketworkbench.ui.model;

import io.socketworkbench.codec.Framing;
import io.socketworkbench.session.Reassembly;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.util.function.BiConsumer;

/**
 * A transcript's framing, as a view model: the framing the user chose (null: bytes show as they arrived) and the
 * {@link Reassembly} that puts each connection's bytes back into messages under it, one bubble a message. What it
 * has to say besides (bytes lost, a prefix refused) goes into the transcript in the user's words. No JavaFX.
 */
public final class FramingModel {
    private final Value<Framing> framing = new Value<>(null);
    private final Reassembly reassembly;

    public FramingModel(EventPort port, Reassembly.Notes notes) {
        this.reassembly = new Reassembly(port, notes);
    }

    /**
     * A framing whose messages go to {@code message} (what each pane does with a whole message is its own) and
     * whose notes go to {@code transcript}; a refused stream's waiting bytes go to {@code message} too, after the
     * note, as one piece.
     */
    public static FramingModel showingIn(EventPort port, Transcript transcript, BiConsumer<Long, byte[]> message) {
        return new FramingModel(port, new Reassembly.Notes() {
            @Override
            public void message(long connection, byte[] bytes) {
                message.accept(connection, bytes);
            }

            @Override
            public void lost(long connection, long bytes) {
                transcript.add(Message.event(I18n.t("frame.lost", bytes)));
            }

            @Override
            public void refused(long connection, byte[] held) {
                transcript.add(Message.error(I18n.t("frame.refused", Framing.MAX_MESSAGE >> 20)));
                if (held.length > 0) {
                    message.accept(connection, held);
                }
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
        reassembly.use(next);
        framing.set(next);
    }

    /** As {@link Reassembly#feed}: false when the caller shows the bytes as they arrived. */
    public boolean feed(long connection, byte[] data, long elided) {
        return reassembly.feed(connection, data, elided);
    }

    /** The connection ended: what waits for the end of its message is shown as it is. */
    public void end(long connection) {
        reassembly.end(connection);
    }

    /** For tests and the stats: bytes waiting for the end of their message, all connections together. */
    public long waitingBytes() {
        return reassembly.waitingBytes();
    }
}
