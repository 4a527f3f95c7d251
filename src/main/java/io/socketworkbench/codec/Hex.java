package io.socketworkbench.codec;

import java.io.ByteArrayOutputStream;

/** Hex text both ways. The parser forgives layout: {@code 48 65 6c}, {@code 48656c}, {@code 0x48,0x65}, {@code 48:65}. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code 48 65 6c}: lower case, one space between bytes. */
    public static String format(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            appendByte(out, bytes[i]);
        }
        return out.toString();
    }

    /**
     * The same as {@link #format}, then a newline, as ASCII bytes made in one pass: for a line of output a chunk,
     * where a flood must not cost a string and two copies per chunk.
     */
    public static byte[] formatLine(byte[] bytes) {
        byte[] line = new byte[bytes.length == 0 ? 1 : bytes.length * 3];
        int at = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                line[at++] = ' ';
            }
            line[at++] = (byte) DIGITS[(bytes[i] >> 4) & 0xF];
            line[at++] = (byte) DIGITS[bytes[i] & 0xF];
        }
        line[at] = '\n';
        return line;
    }

    static void appendByte(StringBuilder out, byte b) {
        out.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }

    /**
     * Reads hex digits in groups split by white space, commas, colons, semicolons or dashes. A group may start
     * with {@code 0x} or {@code \x}; such a group may have a single digit. Any other group needs whole bytes.
     */
    public static byte[] parse(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                i++;
                continue;
            }
            int groupStart = i;
            boolean prefixed = false;
            if ((c == '0' || c == '\\') && i + 1 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
                prefixed = true;
                i += 2;
            }
            int digitsStart = i;
            while (i < n && !isSeparator(text.charAt(i)) && !startsPrefix(text, i, digitsStart)) {
                if (digit(text.charAt(i)) < 0) {
                    throw new PayloadSyntaxException(PayloadSyntaxException.Problem.BAD_HEX_DIGIT, i,
                            String.valueOf(text.charAt(i)));
                }
                i++;
            }
            int digits = i - digitsStart;
            if (digits == 0) {
                throw new PayloadSyntaxException(PayloadSyntaxException.Problem.BAD_HEX_DIGIT,
                        Math.min(i, n - 1), text.substring(groupStart, Math.min(n, Math.max(i, groupStart + 1))));
            }
            if (digits % 2 == 1 && !(prefixed && digits == 1)) {
                throw new PayloadSyntaxException(PayloadSyntaxException.Problem.ODD_HEX_DIGITS, i - 1,
                        excerpt(text, groupStart, i));
            }
            int j = digitsStart;
            if (digits % 2 == 1) {
                out.write(digit(text.charAt(j)));
                j++;
            }
            for (; j < i; j += 2) {
                out.write(digit(text.charAt(j)) * 16 + digit(text.charAt(j + 1)));
            }
        }
        return out.toByteArray();
    }

    /**
     * An ASCII hex digit's value, or -1. Not {@link Character#digit}: it also takes full-width and other scripts'
     * digits (４１), which a device never sends and a user means as text.
     */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Longest group quoted in an error: the end of it, where the odd digit is. */
    static final int EXCERPT = 24;

    /** The group from {@code start} to {@code end}, or its last {@link #EXCERPT} characters after "…". */
    private static String excerpt(String text, int start, int end) {
        return end - start <= EXCERPT ? text.substring(start, end) : "…" + text.substring(end - EXCERPT, end);
    }

    /** Lets {@code \x48\x65} run together without separators. */
    private static boolean startsPrefix(String text, int i, int digitsStart) {
        return i > digitsStart && text.charAt(i) == '\\' && i + 1 < text.length()
                && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',' || c == ':' || c == ';' || c == '-';
    }
}
