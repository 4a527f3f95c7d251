package io.socketworkbench.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Python 3 {@code str} literals, the other half of the tutorial's note that Python 3 sends bytes: text becomes
 * bytes with {@code 'text'.encode('utf-8')} and comes back with {@code data.decode('utf-8')}.
 */
public final class PythonText {
    private PythonText() {
    }

    /** {@code '你好'}, {@code "it's"}, {@code 'a\tb'}: as Python's {@code repr(str)} writes it. */
    public static String repr(String text) {
        char quote = PythonBytes.quote(text.indexOf('\'') >= 0, text.indexOf('"') >= 0);
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        text.codePoints().forEach(c -> {
            if (PythonBytes.escaped(out, c, quote)) {
                return;
            }
            if (printable(c)) {
                out.appendCodePoint(c);
            } else if (c < 0x100) {
                out.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else if (c < 0x10000) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.append(String.format(Locale.ROOT, "\\U%08x", c));
            }
        });
        return out.append(quote).toString();
    }

    /** Python's {@code str.isprintable} for one character: no controls, formats, separators but the space. */
    private static boolean printable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * The text that {@code bytes} spell in UTF-8, when that is the clearer way to show them: valid UTF-8 with at
     * least one character beyond ASCII (plain ASCII reads well as {@code b'...'}, as the tutorial writes it), and
     * no control characters but tab, CR and LF. Empty otherwise, including for a character cut in two by TCP.
     */
    public static Optional<String> utf8Beyond(byte[] bytes) {
        boolean beyondAscii = false;
        for (byte b : bytes) {
            beyondAscii |= b < 0;
        }
        if (!beyondAscii) {
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        boolean clean = text.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c));
        return clean ? Optional.of(text) : Optional.empty();
    }
}
