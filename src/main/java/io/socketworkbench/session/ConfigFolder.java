package io.socketworkbench.session;

import java.nio.file.Path;

/** Where the app keeps what it remembers (settings, quick messages, its TLS certificate), for the window and CLI. */
public final class ConfigFolder {
    private ConfigFolder() {
    }

    /**
     * {@code $XDG_CONFIG_HOME/socket-workbench}, or {@code $HOME/.config/socket-workbench}: the home the environment
     * names (Java's {@code user.home} comes from the password database and ignores {@code HOME}); the system
     * property {@code socketworkbench.config} names another (the tests').
     */
    public static Path path() {
        String override = System.getProperty("socketworkbench.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override); // the tests' own folder
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("socket-workbench");
    }

    /** Where the self-signed TLS certificate for this machine is kept. */
    public static Path tls() {
        return path().resolve("tls");
    }
}
