package io.socketworkbench.ui.common;

import io.socketworkbench.ui.model.Value;
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
    /** A message to send, or (with a null format) a pause of {@code delayMillis}. */
    public record Item(String name, PayloadFormat format, String payload, long delayMillis) {
        public static Item message(String name, PayloadFormat format, String payload) {
            return new Item(name, format, payload, 0);
        }

        public static Item delay(long millis) {
            return new Item(null, null, null, millis);
        }

        public boolean isDelay() {
            return format == null;
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Value<List<Item>> shown = new Value<>(List.of());

    /** The items, as a list that changes as a whole (so views redraw once). */
    public Value<List<Item>> items() {
        return shown;
    }

    public void add(Item item) {
        items.add(item);
        changed();
    }

    /** Puts {@code item} at {@code index} (the end when out of range). */
    public void insert(int index, Item item) {
        items.add(index < 0 || index > items.size() ? items.size() : index, item);
        changed();
    }

    public void set(int index, Item item) {
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

    public void replaceAll(List<Item> all) {
        items.clear();
        items.addAll(all);
        changed();
    }

    /** The n-th message (from 0), skipping delays: what Ctrl+1…9 sends. */
    public Item message(int n) {
        int seen = 0;
        for (Item item : items) {
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

    public static String format(List<Item> all) {
        StringBuilder out = new StringBuilder("# Socket Workbench quick messages: name, format, payload; or delay, ms\n");
        for (Item item : all) {
            if (item.isDelay()) {
                out.append("delay\t").append(item.delayMillis()).append('\n');
            } else {
                out.append(escape(item.name())).append('\t').append(item.format().name().toLowerCase(Locale.ROOT))
                        .append('\t').append(escape(item.payload())).append('\n');
            }
        }
        return out.toString();
    }

    /** Reads the file format; a line that makes no sense is named in the exception, with its number. */
    public static List<Item> parse(String text) {
        List<Item> all = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                if (fields.length == 2 && fields[0].equals("delay")) {
                    long ms = Long.parseLong(fields[1].trim());
                    if (ms < 0 || ms > 86_400_000L) {
                        throw new IllegalArgumentException();
                    }
                    all.add(Item.delay(ms));
                } else if (fields.length == 3) {
                    all.add(Item.message(unescape(fields[0]),
                            PayloadFormat.valueOf(fields[1].trim().toUpperCase(Locale.ROOT)), unescape(fields[2])));
                } else {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Integer.toString(i + 1));
            }
        }
        return all;
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, format(items), StandardCharsets.UTF_8);
    }

    public void load(Path file) throws IOException {
        replaceAll(parse(Files.readString(file, StandardCharsets.UTF_8)));
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
