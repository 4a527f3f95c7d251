package io.socketworkbench.tls;

import java.util.Arrays;

/**
 * A key store's password, as typed: never printed ({@link #toString()} hides it), compared by content, handed out
 * as a copy.
 */
public final class Password {
    private final char[] chars;

    private Password(char[] chars) {
        this.chars = chars.clone();
    }

    /** The password typed; null when nothing was typed (the environment's, or none, is used then). */
    public static Password typed(String text) {
        return text == null || text.isEmpty() ? null : new Password(text.toCharArray());
    }

    public char[] chars() {
        return chars.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password p && Arrays.equals(chars, p.chars);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chars);
    }

    @Override
    public String toString() {
        return "(password)";
    }
}
