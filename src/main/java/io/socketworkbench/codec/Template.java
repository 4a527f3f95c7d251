package io.socketworkbench.codec;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Placeholders in text to send, filled in for each send of a repeat: {@code {{counter}}} (1, 2, 3, ...),
 * {@code {{time}}} (HH:mm:ss.SSS) and {@code {{random}}} (0 to 99999). Anything else stays as written.
 */
public final class Template {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Template() {
    }

    /** True when {@code text} holds a placeholder, so each send must be encoded anew. */
    public static boolean hasPlaceholders(String text) {
        return text != null && (text.contains("{{counter}}") || text.contains("{{time}}")
                || text.contains("{{random}}"));
    }

    /** {@code text} with the placeholders of send number {@code counter} (from 1) filled in. */
    public static String fill(String text, long counter) {
        if (!hasPlaceholders(text)) {
            return text;
        }
        return text.replace("{{counter}}", Long.toString(counter))
                .replace("{{time}}", TIME.format(LocalTime.now()))
                .replace("{{random}}", Integer.toString(ThreadLocalRandom.current().nextInt(100_000)));
    }
}
