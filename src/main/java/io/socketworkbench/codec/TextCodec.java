package io.socketworkbench.codec;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/** Bytes as text in a charset. Bytes that do not decode show as U+FFFD and are counted, never thrown. */
public final class TextCodec {

    /** Charsets offered first in choosers: the ones students in China and elsewhere meet most. */
    public static final List<String> COMMON_CHARSETS = List.of(
            "UTF-8", "GBK", "GB18030", "Big5", "ISO-8859-1", "US-ASCII", "UTF-16BE", "UTF-16LE", "Shift_JIS");

    /** Decoded text and how many bytes could not be decoded. */
    public record Decoded(String text, int malformedBytes) {}

    private TextCodec() {
    }

    public static Decoded decode(byte[] bytes, Charset charset) {
        StringBuilder text = new StringBuilder(bytes.length);
        int[] malformed = {0};
        Decoding.walk(bytes, charset, new Decoding.Sink() {
            @Override
            public void text(CharSequence decoded) {
                text.append(decoded);
            }

            @Override
            public void malformed(byte[] source, int offset, int length) {
                text.append('\uFFFD');
                malformed[0] += length;
            }
        });
        return new Decoded(text.toString(), malformed[0]);
    }

    /** Encodes strictly; a character the charset lacks raises {@link PayloadSyntaxException} at its position. */
    public static byte[] encode(String text, Charset charset) {
        return Decoding.encode(text, charset, 0);
    }

    /**
     * Text as a transcript may show it: line breaks and tabs stay, every other control character (a terminal's
     * ESC, a bell) and every invisible format character (U+202E, which would turn the rest of a line around; a
     * zero-width space) becomes a visible escape such as {@code \x1b} or {@code \u202e}. A peer cannot make the
     * window show what was not sent.
     */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                    || Character.getType(c) == Character.FORMAT;
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!hidden) {
                    out.append(c);
                } else if (c < 0x100) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** The charset with that name or alias, if the JDK has it. */
    public static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
