package io.socketworkbench.session;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.Template;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What Send puts on the wire, from what the input says: the text read in its format (with {{counter}},
 * {{time}} and {{random}} filled in for text), encoded in the charset, then the line ending, then the checksum
 * over all of it. No JavaFX: the window's send, wire preview and repeats, and the command line's --send, --hex,
 * --append and --repeat all build their bytes here.
 */
public record Outgoing(String text, PayloadFormat format, String ending, Checksum checksum, Charset charset) {

    /** Bytes of the wire preview shown; the count always covers them all. */
    public static final int PREVIEW_BYTES = 48;

    public Outgoing {
        ending = ending == null ? "" : ending;
        checksum = checksum == null ? Checksum.NONE : checksum;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** True when each send differs ({@code {{counter}}} and the like in text). */
    public boolean varies() {
        return textual() && Template.hasPlaceholders(text);
    }

    private boolean textual() {
        return format == PayloadFormat.TEXT || format == PayloadFormat.ESCAPES;
    }

    /** The bytes of send number {@code n} (from 1); a bad hex digit or escape throws, saying where. */
    public byte[] wire(long n) {
        String filled = textual() ? Template.fill(text, n) : text;
        byte[] body = format.parse(filled, charset);
        byte[] end = ending.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(body, body.length + end.length);
        System.arraycopy(end, 0, all, body.length, end.length);
        return checksum.append(all);
    }

    /** The start of {@code wire} in hex, {@code …} when there is more. */
    public static String previewHex(byte[] wire) {
        if (wire.length <= PREVIEW_BYTES) {
            return Hex.format(wire);
        }
        return Hex.format(Arrays.copyOf(wire, PREVIEW_BYTES)) + " …";
    }
}
