package io.socketworkbench.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * What the window remembers between runs, in the user's config directory (XDG on Linux). The file may have been
 * edited by hand or damaged: values are read against their ranges, a value out of range or too long is not used
 * (and forgotten at the next save), and {@link #ignored()} names them so that the window can say so.
 */
public final class Settings {
    /** A line longer than this (a value no setting needs) is skipped as it is read, never held whole. */
    static final int MAX_LINE = 16 * 1024;
    /** Past this much of the file, the rest is not read. */
    static final long MAX_FILE = 64L * 1024 * 1024;

    private final Path file;
    private final Properties values = new Properties();
    private final Set<String> ignored = new LinkedHashSet<>();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(new StringReader(boundedLines(in)));
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
                ignored.add(file.getFileName().toString());
            }
        }
    }

    /** The file's lines up to {@link #MAX_LINE} characters each; a longer line is left out and noted by its key. */
    private String boundedLines(Reader in) throws IOException {
        StringBuilder kept = new StringBuilder();
        io.socketworkbench.engine.BoundedLines.read(in, MAX_LINE, MAX_FILE, (line, tooLong) -> {
            if (!tooLong) {
                kept.append(line).append('\n');
                return;
            }
            String key = line.strip().split("[=:\\s]", 2)[0];
            ignored.add(key.length() > 40 ? key.substring(0, 40) + "…" : key);
        });
        return kept.toString();
    }

    /** {@code settings.properties} in the user's {@link io.socketworkbench.session.ConfigFolder}. */
    public static Settings forUser() {
        return new Settings(io.socketworkbench.session.ConfigFolder.path().resolve("settings.properties"));
    }

    /** The folder the settings file is in, where the app keeps its other files (quick messages). */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    /** A number in {@code [min, max]}; anything else (NaN, 1e308, a word) gives {@code fallback} and is noted. */
    public double number(String key, double fallback, double min, double max) {
        String raw = values.getProperty(key);
        if (raw == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // noted below
        }
        ignored.add(key);
        return fallback;
    }

    /** A text of at most {@code maxLength} characters; a longer one gives {@code fallback} and is noted. */
    public String text(String key, String fallback, int maxLength) {
        String raw = values.getProperty(key);
        if (raw == null) {
            return fallback;
        }
        if (raw.length() > maxLength) {
            ignored.add(key);
            return fallback;
        }
        return raw;
    }

    /** The settings that were not used because they were out of range, too long or unreadable, in file order. */
    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    public void put(String key, Object value) {
        values.setProperty(key, String.valueOf(value));
    }

    /** Writes the file; a read-only home is not worth a crash, so failures are ignored. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(out, "Socket Workbench settings");
            }
        } catch (IOException ignored) {
            // settings are a convenience
        }
    }
}
