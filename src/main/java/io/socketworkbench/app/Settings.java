package io.socketworkbench.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the window remembers between runs, in the user's config directory (XDG on Linux). */
public final class Settings {
    private final Path file;
    private final Properties values = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
            }
        }
    }

    /** {@code $XDG_CONFIG_HOME/socket-workbench/settings.properties}, or under {@code ~/.config}. */
    public static Settings forUser() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new Settings(base.resolve("socket-workbench").resolve("settings.properties"));
    }

    /** The folder the settings file is in, where the app keeps its other files (quick messages). */
    public Path folder() {
        return file.toAbsolutePath().getParent();
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
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
