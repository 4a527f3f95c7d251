package io.socketworkbench.ui.model;

import io.socketworkbench.session.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspaces opened or saved last, newest first, at most {@link #KEPT}: File → Recent workspaces. Kept, once
 * {@link #keepIn} names a file, as one absolute path a line (UTF-8), written whole after each change. A list file
 * that cannot be read or written is a list that is not remembered, never an error in the user's way. No JavaFX.
 */
public final class RecentWorkspaces {
    public static final int KEPT = 8;
    /** A line longer than this is not a path this list wrote. */
    private static final int LONGEST_PATH = 4096;

    private final Value<List<Path>> files = new Value<>(List.of());
    private Path store;

    /** The list, newest first. */
    public Value<List<Path>> files() {
        return files;
    }

    /** Reads the list kept in {@code file} (when there is one) and keeps it there from now on. */
    public void keepIn(Path file) {
        store = file;
        List<Path> read = new ArrayList<>();
        try {
            if (Files.size(file) <= (long) KEPT * LONGEST_PATH * 4) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    add(read, line.strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no list yet, or one that is not ours: start a new one
        }
        files.set(List.copyOf(read));
    }

    private static void add(List<Path> list, String line) {
        if (line.isEmpty() || line.length() > LONGEST_PATH || list.size() >= KEPT) {
            return;
        }
        try {
            Path path = Path.of(line);
            if (path.isAbsolute() && !list.contains(path)) {
                list.add(path);
            }
        } catch (InvalidPathException e) {
            // a line that is no path is left out
        }
    }

    /** {@code file} was opened or saved: it goes to the top. */
    public void used(Path file) {
        Path path = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files.get());
        next.remove(path);
        next.add(0, path);
        change(next.subList(0, Math.min(KEPT, next.size())));
    }

    /** {@code file} is gone (it could not be opened): it leaves the list. */
    public void forget(Path file) {
        List<Path> next = new ArrayList<>(files.get());
        next.remove(file.toAbsolutePath().normalize());
        change(next);
    }

    public void clear() {
        change(List.of());
    }

    private void change(List<Path> next) {
        files.set(List.copyOf(next));
        if (store == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (Path path : files.get()) {
            text.append(path).append('\n');
        }
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            WholeFile.write(store, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the list is not remembered this time; the window works as before
        }
    }
}
