package io.socketworkbench.lesson.exercise;

import java.nio.file.Path;

/** What tests in other packages may call of {@link Batch}'s package-private helpers. */
public final class BatchAccess {
    private BatchAccess() {
    }

    public static void removeLeftSocket(Path path) {
        Batch.removeLeftSocket(path);
    }
}
