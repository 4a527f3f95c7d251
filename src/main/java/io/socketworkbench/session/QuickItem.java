package io.socketworkbench.session;

import io.socketworkbench.codec.PayloadFormat;

/**
 * A quick message as data: a named payload (text, escapes, hex or {@code b'…'}), or, with a null format, a pause of
 * {@code delayMillis} between two of them when the list runs as a sequence. A pane's list of them is kept in its
 * own file and in a workspace.
 */
public record QuickItem(String name, PayloadFormat format, String payload, long delayMillis) {
    public static QuickItem message(String name, PayloadFormat format, String payload) {
        return new QuickItem(name, format, payload, 0);
    }

    public static QuickItem delay(long millis) {
        return new QuickItem(null, null, null, millis);
    }

    public boolean isDelay() {
        return format == null;
    }
}
