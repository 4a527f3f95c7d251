package io.socketworkbench.session;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A recording's lines as bytes, read into one buffer that grows to the longest line once: its lines are
 * as long as the chunks they hold, and their base64 is decoded from here without becoming text first.
 */
final class RecordingLines implements Closeable {
    private static final byte[] DATA_KEY = "\"data\": \"".getBytes(StandardCharsets.US_ASCII);
    private final java.io.InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    /** The line found by {@link #readLine()}: from {@code lineStart} to {@code lineEnd} (no line break). */
    private int lineStart;
    private int lineEnd;

    RecordingLines(java.io.InputStream in) {
        this.in = in;
    }

    /** Finds the next line; false at the end. A CR before the line break is dropped too. */
    boolean readLine() throws IOException {
        int scanned = start;
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    lineStart = start;
                    lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start == end) {
                    return false;
                }
                lineStart = start;
                lineEnd = end;
                start = end;
                return true;
            }
            scanned = end - start;
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    boolean blank() {
        for (int i = lineStart; i < lineEnd; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t' && buffer[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The line as text. */
    String text() {
        return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    /**
     * Where the line's {@code "data": "…"} value is, {from, to} (the base64 between the quotes), when it is
     * there once, as a key, and holds only base64's characters; else null.
     */
    int[] base64Value() {
        int at = find(lineStart, lineEnd);
        if (at < 0 || at > lineStart && buffer[at - 1] == '\\') {
            return null;
        }
        int from = at + DATA_KEY.length;
        int to = from;
        while (to < lineEnd && base64(buffer[to])) {
            to++;
        }
        if (to >= lineEnd || buffer[to] != '"' || find(to, lineEnd) >= 0) {
            return null;
        }
        return new int[] {from, to};
    }

    private int find(int from, int to) {
        outer:
        for (int i = from; i <= to - DATA_KEY.length; i++) {
            for (int j = 0; j < DATA_KEY.length; j++) {
                if (buffer[i + j] != DATA_KEY[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean base64(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/'
                || b == '=';
    }

    byte[] decode(int from, int to) {
        java.nio.ByteBuffer decoded = Base64.getDecoder().decode(java.nio.ByteBuffer.wrap(buffer, from,
                to - from));
        byte[] array = decoded.array();
        if (decoded.arrayOffset() == 0 && decoded.position() == 0 && decoded.remaining() == array.length) {
            return array; // the decoder's own array, of the exact size: no second copy
        }
        byte[] bytes = new byte[decoded.remaining()];
        decoded.get(bytes);
        return bytes;
    }

    /** The line's text with the base64 from {@code from} to {@code to} left out (an empty string there). */
    String textWithout(int from, int to) {
        return new String(buffer, lineStart, from - lineStart, StandardCharsets.UTF_8)
                + new String(buffer, to, lineEnd - to, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
