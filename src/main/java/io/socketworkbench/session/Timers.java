package io.socketworkbench.session;

/**
 * Runs a task later on its owner's one thread: the window's UI thread ({@code EventPort}) or the engine's timer
 * thread (the command line's). What the window and the command line time alike (framing pauses, repeats) is written
 * once against this.
 */
@FunctionalInterface
public interface Timers {
    /** Runs {@code task} after {@code millis}; the returned action cancels it. */
    Runnable schedule(long millis, Runnable task);
}
