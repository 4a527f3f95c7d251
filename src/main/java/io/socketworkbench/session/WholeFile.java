package io.socketworkbench.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * A file written whole or not at all: into a temporary file beside it, then moved over it in one step, so that a
 * failure half-way (a full disk, a refused input) never leaves half a file, nor spoils the one that was there.
 */
public final class WholeFile {
    private WholeFile() {
    }

    /** What writes the file's contents, into the temporary file it is given. */
    public interface Writing<T> {
        T into(Path temp) throws IOException;
    }

    /** Writes {@code target} with {@code writing}; returns what it returned. */
    public static <T> T write(Path target, Writing<T> writing) throws IOException {
        return write(target, writing, result -> true);
    }

    /**
     * The same, keeping what was written only when {@code keep} says so of the result (else nothing is written,
     * and the result says why).
     */
    public static <T> T write(Path target, Writing<T> writing, Predicate<T> keep) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        T result;
        try {
            result = writing.into(temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (!keep.test(result)) {
            Files.deleteIfExists(temp);
            return result;
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return result;
    }
}
