package io.socketworkbench.ui.model;

import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PayloadSyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Search in a transcript: every message it holds, not only the rows on screen. Text is looked for in the bytes as
 * the charset writes it (ASCII letters in either case) and in the transcript's notes; hex is looked for in the bytes
 * exactly. A view model: no JavaFX.
 */
public final class TranscriptSearch {
    private final Supplier<List<Message>> messages;
    private final Set<Message> hits = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Message> order = new ArrayList<>();
    private byte[] needle = new byte[0];
    private String text = "";
    private Message current;

    public TranscriptSearch(Supplier<List<Message>> messages) {
        this.messages = messages;
    }

    /**
     * Looks for {@code query} (hex digits when {@code hex}) and returns how many messages hold it; an empty query
     * clears the search.
     *
     * @throws PayloadSyntaxException when hex digits are wrong, pointing at the first
     */
    public int find(String query, boolean hex, Charset charset) {
        text = hex ? "" : query.toLowerCase(Locale.ROOT);
        needle = query.isEmpty() ? new byte[0] : hex ? Hex.parse(query) : query.getBytes(charset);
        current = null;
        return refresh();
    }

    /** Searches again (new messages came, old ones went); keeps the current match when it is still there. */
    public int refresh() {
        hits.clear();
        order.clear();
        if (needle.length > 0) {
            for (Message m : messages.get()) {
                if (holds(m)) {
                    hits.add(m);
                    order.add(m);
                }
            }
        }
        if (current != null && !hits.contains(current)) {
            current = null;
        }
        return order.size();
    }

    /** A message just added: counted if it matches, without searching the rest again (a flood adds many). */
    public void consider(Message m) {
        if (needle.length > 0 && holds(m) && hits.add(m)) {
            order.add(m);
        }
    }

    /** True while a query is set. */
    public boolean active() {
        return needle.length > 0;
    }

    /** The next match after the current one (the first, if none), wrapping; null when nothing matches. */
    public Message next() {
        return step(1);
    }

    public Message previous() {
        return step(-1);
    }

    private Message step(int direction) {
        refresh();
        if (order.isEmpty()) {
            return null;
        }
        int at = current == null ? (direction > 0 ? -1 : 0) : indexOf(current);
        current = order.get(Math.floorMod(at + direction, order.size()));
        return current;
    }

    private int indexOf(Message m) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) == m) {
                return i;
            }
        }
        return -1;
    }

    public boolean isHit(Message m) {
        return hits.contains(m);
    }

    public boolean isCurrent(Message m) {
        return m == current;
    }

    public int count() {
        return order.size();
    }

    /** The 1-based position of the current match, 0 when there is none. */
    public int position() {
        return current == null ? 0 : indexOf(current) + 1;
    }

    private boolean holds(Message m) {
        if (m.data() != null && indexOf(m.data(), needle, text.isEmpty()) >= 0) {
            return true;
        }
        return !text.isEmpty() && m.text() != null && m.text().toLowerCase(Locale.ROOT).contains(text);
    }

    /** Where {@code needle} starts in {@code hay}, or -1; ASCII letters match in either case unless {@code exact}. */
    static int indexOf(byte[] hay, byte[] needle, boolean exact) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte a = hay[i + j];
                byte b = needle[j];
                if (a != b && (exact || fold(a) != fold(b))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte fold(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
