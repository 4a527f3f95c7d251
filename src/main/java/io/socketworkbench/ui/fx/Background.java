package io.socketworkbench.ui.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The window's one way to work off the FX thread (writing a file, encoding a PNG, running an exercise, closing
 * the engine at exit): each task on a named thread of its own. No JavaFX: view models use it too, and hear back
 * through their {@link EventPort}.
 */
public final class Background {
    private Background() {
    }

    /** Runs {@code work} on a daemon thread called {@code name}. */
    public static void run(String name, Runnable work) {
        start(name, work, true);
    }

    /** The same on a thread the JVM waits for before it exits: for work that must finish, such as a last close. */
    public static void runToEnd(String name, Runnable work) {
        start(name, work, false);
    }

    /** Computes {@code work} on a daemon thread called {@code name}; the future completes there. */
    public static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor(name));
    }

    /** An executor that gives each task a daemon thread called {@code name}. */
    public static Executor executor(String name) {
        return task -> run(name, task);
    }

    private static void start(String name, Runnable work, boolean daemon) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(daemon);
        thread.start();
    }
}
