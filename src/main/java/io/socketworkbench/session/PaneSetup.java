package io.socketworkbench.session;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.PayloadFormat;
import java.util.List;
import java.util.Locale;

/**
 * A pane's tools as data, as a workspace keeps them: how Send builds a message (its format, line ending and
 * checksum), how the transcript shows data (its format, charset and framing), the repeat row's interval and count,
 * and the quick messages.
 *
 * @param framing a framing spec as {@code --frame} takes it ({@code line}, {@code delim:0d0a}, {@code length:2},
 *                {@code idle:100}), or null: bytes as they arrived
 */
public record PaneSetup(PayloadFormat sendFormat, Ending ending, Checksum checksum, PayloadFormat view,
                        String charset, String framing, long repeatInterval, long repeatCount,
                        List<QuickItem> quick) {

    /** The line ending Send adds. */
    public enum Ending {
        NONE(""), LF("\n"), CRLF("\r\n");

        private final String text;

        Ending(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A new pane's tools. */
    public static final PaneSetup DEFAULT = new PaneSetup(PayloadFormat.TEXT, Ending.NONE, Checksum.NONE,
            PayloadFormat.TEXT, "UTF-8", null, 1000, 0, List.of());

    public PaneSetup {
        sendFormat = sendFormat == null ? PayloadFormat.TEXT : sendFormat;
        ending = ending == null ? Ending.NONE : ending;
        checksum = checksum == null ? Checksum.NONE : checksum;
        view = view == null ? PayloadFormat.TEXT : view;
        charset = charset == null || charset.isBlank() ? "UTF-8" : charset;
        quick = List.copyOf(quick);
    }
}
