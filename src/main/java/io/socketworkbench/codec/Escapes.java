package io.socketworkbench.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text with backslash escapes: {@code \r \n \t \0 \\ \xNN &#92;uNNNN}. {@code \xNN} is one raw byte; everything
 * else is text in the chosen charset. An unknown escape such as {@code \q} stays as written, as in Python.
 */
public final class Escapes {
    private static final byte[] ASCII = new byte[128];

    static {
        for (int i = 0; i < ASCII.length; i++) {
            ASCII[i] = (byte) i;
        }
    }

    private Escapes() {
    }

    /** Bytes to escaped text that {@link #parse} turns back into exactly the same bytes. */
    public static String format(byte[] bytes, Charset charset) {
        boolean asciiCompatible = Arrays.equals(new String(ASCII, StandardCharsets.US_ASCII).getBytes(charset), ASCII);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        Decoding.walk(bytes, charset, new Decoding.Sink() {
            @Override
            public void text(CharSequence decoded) {
                appendEscaped(out, decoded, asciiCompatible);
            }

            @Override
            public void malformed(byte[] source, int offset, int length) {
                for (int i = offset; i < offset + length; i++) {
                    out.append("\\x");
                    Hex.appendByte(out, source[i]);
                }
            }
        });
        String text = out.toString();
        if (Arrays.equals(parse(text, charset), bytes)) {
            return text;
        }
        // Some charsets (UTF-16 with its byte order mark) do not survive a decode-encode trip: spell every byte.
        StringBuilder raw = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            raw.append("\\x");
            Hex.appendByte(raw, b);
        }
        return raw.toString();
    }

    private static void appendEscaped(StringBuilder out, CharSequence text, boolean asciiCompatible) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        if (asciiCompatible) {
                            out.append("\\x");
                            Hex.appendByte(out, (byte) c);
                        } else {
                            out.append(String.format("\\u%04x", (int) c));
                        }
                    } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Escaped text to bytes; a malformed {@code \x} or {@code &#92;u} escape is reported at its position. */
    public static byte[] parse(String text, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        StringBuilder run = new StringBuilder();
        int runStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                if (run.length() == 0) {
                    runStart = i;
                }
                run.append(c);
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case 'x', 'X' -> {
                    flush(run, runStart, charset, out);
                    out.write(hexValue(text, i, 2));
                    i += 4;
                }
                case 'u' -> {
                    if (run.length() == 0) {
                        runStart = i;
                    }
                    run.append((char) hexValue(text, i, 4));
                    i += 6;
                }
                default -> {
                    if (run.length() == 0) {
                        runStart = i;
                    }
                    switch (e) {
                        case 'n' -> run.append('\n');
                        case 'r' -> run.append('\r');
                        case 't' -> run.append('\t');
                        case '0' -> run.append('\0');
                        case '\\' -> run.append('\\');
                        default -> run.append('\\').append(e);
                    }
                    i += 2;
                }
            }
        }
        flush(run, runStart, charset, out);
        return out.toByteArray();
    }

    private static void flush(StringBuilder run, int runStart, Charset charset, ByteArrayOutputStream out) {
        if (run.length() > 0) {
            out.writeBytes(Decoding.encode(run, charset, runStart));
            run.setLength(0);
        }
    }

    /** The value of the {@code digits} hex digits after the two-character escape at {@code at}. */
    static int hexValue(String text, int at, int digits) {
        int start = at + 2;
        if (start + digits > text.length()) {
            throw new PayloadSyntaxException(PayloadSyntaxException.Problem.BAD_ESCAPE, at, text.substring(at));
        }
        int value = 0;
        for (int k = start; k < start + digits; k++) {
            int d = Hex.digit(text.charAt(k));
            if (d < 0) {
                throw new PayloadSyntaxException(PayloadSyntaxException.Problem.BAD_ESCAPE, at,
                        text.substring(at, start + digits));
            }
            value = value * 16 + d;
        }
        return value;
    }
}
