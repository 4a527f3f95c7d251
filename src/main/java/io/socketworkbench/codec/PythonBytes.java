package io.socketworkbench.codec;

import java.io.ByteArrayOutputStream;

/** Python bytes literals both ways, written exactly as Python's {@code repr(bytes)} writes them. */
public final class PythonBytes {
    private PythonBytes() {
    }

    /** {@code b'This is socket!'}, {@code b'\xe4\xbd\xa0'}, {@code b"it's"}: character for character as Python. */
    public static String repr(byte[] bytes) {
        return repr(bytes, 0, bytes.length);
    }

    /** The repr of the first {@code max} bytes, with "…" after it when there are more. */
    public static String head(byte[] bytes, int max) {
        String repr = repr(bytes, 0, Math.min(bytes.length, max));
        return bytes.length > max ? repr + "…" : repr;
    }

    public static String repr(byte[] bytes, int from, int to) {
        boolean single = false;
        boolean dbl = false;
        for (int i = from; i < to; i++) {
            single |= bytes[i] == '\'';
            dbl |= bytes[i] == '"';
        }
        char quote = quote(single, dbl);
        StringBuilder out = new StringBuilder(to - from + 3);
        out.append('b').append(quote);
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xFF;
            if (escaped(out, c, quote)) {
                continue;
            }
            if (c < 0x20 || c >= 0x7F) {
                out.append("\\x");
                Hex.appendByte(out, (byte) c);
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }

    /** Python's choice of quote for a repr: single, unless only single quotes are inside. */
    static char quote(boolean hasSingle, boolean hasDouble) {
        return hasSingle && !hasDouble ? '"' : '\'';
    }

    /** The escapes that bytes and str reprs share (the quote, backslash, tab, LF, CR); false for any other. */
    static boolean escaped(StringBuilder out, int c, char quote) {
        switch (c) {
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c != quote) {
                    return false;
                }
                out.append('\\').append(quote);
            }
        }
        return true;
    }

    /** Reads one literal such as {@code b'hi\r\n'} or {@code B"\x00"}; surrounding white space is allowed. */
    public static byte[] parse(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start < 3 || (text.charAt(start) != 'b' && text.charAt(start) != 'B')
                || (text.charAt(start + 1) != '\'' && text.charAt(start + 1) != '"')) {
            throw new PayloadSyntaxException(PayloadSyntaxException.Problem.NOT_A_BYTES_LITERAL, start, text);
        }
        char quote = text.charAt(start + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        int i = start + 2;
        while (i < end) {
            char c = text.charAt(i);
            if (c == quote) {
                if (i != end - 1) {
                    throw new PayloadSyntaxException(PayloadSyntaxException.Problem.NOT_A_BYTES_LITERAL, i + 1,
                            text.substring(i + 1, end));
                }
                return out.toByteArray();
            }
            if (c > 0x7F) {
                throw new PayloadSyntaxException(PayloadSyntaxException.Problem.NON_ASCII_IN_BYTES, i,
                        String.valueOf(c));
            }
            if (c != '\\' || i + 1 >= end - 1) {
                out.write(c);
                i++;
                continue;
            }
            i = escape(text, i, out);
        }
        throw new PayloadSyntaxException(PayloadSyntaxException.Problem.UNTERMINATED, end - 1, "");
    }

    /** Writes the escape at {@code at} and returns the index after it. */
    private static int escape(String text, int at, ByteArrayOutputStream out) {
        char e = text.charAt(at + 1);
        int simple = switch (e) {
            case '\\' -> '\\';
            case '\'' -> '\'';
            case '"' -> '"';
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> 11;
            default -> -1;
        };
        if (simple >= 0) {
            out.write(simple);
            return at + 2;
        }
        if (e == '\n') {
            return at + 2;
        }
        if (e == 'x') {
            out.write(Escapes.hexValue(text, at, 2));
            return at + 4;
        }
        if (e >= '0' && e <= '7') {
            int value = 0;
            int k = at + 1;
            while (k < at + 4 && k < text.length() && text.charAt(k) >= '0' && text.charAt(k) <= '7') {
                value = value * 8 + (text.charAt(k) - '0');
                k++;
            }
            out.write(value & 0xFF);
            return k;
        }
        out.write('\\');
        return at + 1;
    }
}
