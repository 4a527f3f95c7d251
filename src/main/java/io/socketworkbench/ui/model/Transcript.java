package io.socketworkbench.ui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages a transcript holds: bounded by count and by bytes, counting what it dropped. A view model writes
 * it; a transcript view shows it. UI thread only; no JavaFX, so view models are tested without the toolkit.
 */
public final class Transcript {

    /** What a view hears. */
    public interface Observer {
        void added(Message message);

        /** {@code old} (still held) now reads {@code now}: a pending send went out, or was refused. */
        void replaced(Message old, Message now);

        /** The {@code count} oldest messages went. */
        void dropped(int count);

        void cleared();
    }

    /** Bytes a transcript keeps in all; past it the oldest messages go, as they do past the message count. */
    public static final long MAX_KEPT_BYTES = 32L * 1024 * 1024;

    private final int maxMessages;
    private final List<Message> messages = new ArrayList<>();
    private final List<Observer> observers = new ArrayList<>();
    private long keptBytes;
    private long droppedCount;

    public Transcript(int maxMessages) {
        this.maxMessages = maxMessages;
    }

    public void observe(Observer observer) {
        observers.add(observer);
    }

    public void add(Message message) {
        messages.add(message);
        keptBytes += message.data().length;
        observers.forEach(o -> o.added(message));
        int drop = 0;
        while (messages.size() - drop > maxMessages || (keptBytes > MAX_KEPT_BYTES && messages.size() - drop > 1)) {
            keptBytes -= messages.get(drop).data().length;
            drop++;
        }
        if (drop > 0) {
            messages.subList(0, drop).clear();
            droppedCount += drop;
            int count = drop;
            observers.forEach(o -> o.dropped(count));
        }
    }

    /**
     * Puts {@code now} where {@code old} is. False when {@code old} was dropped already; the caller then adds
     * {@code now} if it must still be seen (a refusal).
     */
    public boolean replace(Message old, Message now) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) == old) {
                messages.set(i, now);
                keptBytes += now.data().length - old.data().length;
                observers.forEach(o -> o.replaced(old, now));
                return true;
            }
        }
        return false;
    }

    /**
     * Shows {@code data} sent to {@code peer} as pending, starts the write, and when it completes shows it as
     * written (and {@code onWritten} hears the value, in its place among the engine's events), or as refused with
     * the engine's reason in the user's words (and {@code onRefused} hears that reason). What the transcript shows
     * is what happened to the bytes.
     */
    public <T> void showSend(io.socketworkbench.ui.fx.EventPort port,
                             java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> write,
                             byte[] data, String peer, java.util.function.Consumer<T> onWritten,
                             java.util.function.Consumer<String> onRefused) {
        Message shown = Message.pending(data, peer);
        add(shown);
        port.whenStarted(write, value -> {
            replace(shown, shown.done());
            onWritten.accept(value);
        }, error -> {
            String reason = io.socketworkbench.ui.i18n.I18n.error(error);
            Message now = shown.refused(io.socketworkbench.ui.i18n.I18n.explained(error, null, false));
            if (!replace(shown, now)) {
                add(now);
            }
            onRefused.accept(reason);
        });
    }

    public void clear() {
        messages.clear();
        keptBytes = 0;
        droppedCount = 0;
        observers.forEach(Observer::cleared);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public long keptBytes() {
        return keptBytes;
    }

    public long droppedCount() {
        return droppedCount;
    }
}
