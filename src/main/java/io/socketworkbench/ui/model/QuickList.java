package io.socketworkbench.ui.model;

import io.socketworkbench.session.QuickItem;
import io.socketworkbench.codec.PayloadFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A pane's quick messages: named payloads (text, escapes, hex or {@code b'…'}) and delays between them, in order,
 * so that the whole list also runs as a sequence. Kept in a small text file, one item a line:
 * {@code name<TAB>format<TAB>payload}, or {@code delay<TAB>500}; tabs, line breaks and backslashes in a field are
 * written {@code \t}, {@code \n}, {@code \\}. No JavaFX.
 */
public final class QuickList {
    private final List<QuickItem> items = new ArrayList<>();
    private final Value<List<QuickItem>> shown = new Value<>(List.of());

    /** The items, as a list that changes as a whole (so views redraw once). */
    public Value<List<QuickItem>> items() {
        return shown;
    }

    public void add(QuickItem item) {
        items.add(item);
        changed();
    }

    /** Puts {@code item} at {@code index} (the end when out of range). */
    public void insert(int index, QuickItem item) {
        items.add(index < 0 || index > items.size() ? items.size() : index, item);
        changed();
    }

    public void set(int index, QuickItem item) {
        items.set(index, item);
        changed();
    }

    public void remove(int index) {
        items.remove(index);
        changed();
    }

    /** Moves the item at {@code index} by {@code by} places (up is negative), staying within the list. */
    public void move(int index, int by) {
        int to = Math.max(0, Math.min(items.size() - 1, index + by));
        if (to != index) {
            items.add(to, items.remove(index));
            changed();
        }
    }

    public void replaceAll(List<QuickItem> all) {
        items.clear();
        items.addAll(all);
        changed();
    }

    /** The n-th message (from 0), skipping delays: what Ctrl+1…9 sends. */
    public QuickItem message(int n) {
        int seen = 0;
        for (QuickItem item : items) {
            if (!item.isDelay() && seen++ == n) {
                return item;
            }
        }
        return null;
    }

    private void changed() {
        shown.set(List.copyOf(items));
    }

    // --- the file ---------------------------------------------------------------------------------------------

    public static String format(List<QuickItem> all) {
        StringBuilder out = new StringBuilder("# Socket Workbench quick messages: name, format, payload; or delay, ms\n");
        for (QuickItem item : all) {
            if (item.isDelay()) {
                out.append("delay\t").append(item.delayMillis()).append('\n');
            } else {
                out.append(escape(item.name())).append('\t').append(item.format().name().toLowerCase(Locale.ROOT))
                        .append('\t').append(escape(item.payload())).append('\n');
            }
        }
        return out.toString();
    }

    /** Reads the file format strictly: the first line that makes no sense is named in the exception, by number. */
    public static List<QuickItem> parse(String text) {
        Read read = lenient(text, null);
        if (!read.skipped().isEmpty()) {
            throw new IllegalArgumentException(Integer.toString(read.skipped().get(0).line()));
        }
        return read.items();
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, format(items), StandardCharsets.UTF_8);
    }

    /** A line of a file that was not used, and why: {@code format} (an unknown format), {@code fields}, {@code delay}. */
    public record Skipped(int line, String why, String detail) {}

    /**
     * What {@link #read} found: the items of every good line, the lines skipped, and the charset it was read in when
     * that was not UTF-8 (null when it was).
     */
    public record Read(List<QuickItem> items, List<Skipped> skipped, java.nio.charset.Charset fallback) {
        /** True when the file was not read whole as it is: a save would lose lines or change its encoding. */
        public boolean partial() {
            return !skipped.isEmpty() || fallback != null;
        }
    }

    /**
     * Reads a quick-messages file leniently: every good line is kept and every other one is named with the reason;
     * a file that is not UTF-8 (one saved by a Chinese Windows editor) is read as GB18030, which has every GBK
     * character.
     */
    public static Read read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.charset.Charset fallback = null;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            fallback = java.nio.charset.Charset.forName("GB18030");
            text = new String(bytes, fallback);
        }
        return lenient(text, fallback);
    }

    private static Read lenient(String text, java.nio.charset.Charset fallback) {
        List<QuickItem> items = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length == 2 && fields[0].equals("delay")) {
                try {
                    long ms = Long.parseLong(fields[1].trim());
                    if (ms >= 0 && ms <= 86_400_000L) {
                        items.add(QuickItem.delay(ms));
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // skipped below
                }
                skipped.add(new Skipped(i + 1, "delay", fields[1].trim()));
            } else if (fields.length == 3) {
                try {
                    items.add(QuickItem.message(unescape(fields[0]),
                            PayloadFormat.valueOf(fields[1].trim().toUpperCase(Locale.ROOT)), unescape(fields[2])));
                } catch (IllegalArgumentException e) {
                    skipped.add(new Skipped(i + 1, "format", fields[1].trim()));
                }
            } else {
                skipped.add(new Skipped(i + 1, "fields", ""));
            }
        }
        return new Read(items, skipped, fallback);
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
