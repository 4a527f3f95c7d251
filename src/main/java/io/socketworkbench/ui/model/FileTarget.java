package io.socketworkbench.ui.model;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where a file's chunks go, as a session says: a send that completes once a chunk is written, with the peer's
 * name for the transcript; or, with no send, why a file cannot go now.
 */
public record FileTarget(Function<byte[], CompletableFuture<?>> send, String peer, String problem) {
    public static FileTarget to(String peer, Function<byte[], CompletableFuture<?>> send) {
        return new FileTarget(send, peer, null);
    }

    public static FileTarget refused(String problem) {
        return new FileTarget(null, null, problem);
    }
}
