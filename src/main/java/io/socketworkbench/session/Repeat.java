package io.socketworkbench.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Sends message 1, 2, ... again and again: message n is due {@code interval} ms after message n - 1 was due (the
 * first at once; interval 0: each as soon as the one before is written), {@code count} of them (0: until stopped).
 * The window's Repeat row and the command line's {@code --repeat} share it.
 * <ul>
 *   <li>A send that is not finished when it returns (the command line's write) holds the next back until it is:
 *   a long or endless repeat never holds more than one message in flight.</li>
 *   <li>Sends that finish at once (the window's, which queue) catch up with what came due since the last tick,
 *   {@link #MOST_PER_TICK} at most, so a 1 ms repeat in a window that ticks once a pulse still sends its count on
 *   time, and never floods the engine in one go.</li>
 *   <li>A failed send ends the repeat with the failure's message; {@link #stop} ends it at once.</li>
 * </ul>
 * Not thread-safe: it runs on its {@link Timers}' thread, and a send's completion is brought back to that thread.
 */
public final class Repeat {
    /** Most messages one tick sends, so a repeat can never flood the engine's send queue in one go. */
    public static final int MOST_PER_TICK = 256;

    /** What a repeat tells its owner, on the timers' thread. */
    public interface Progress {
        /** {@code messages} have been sent, {@code bytes} in all. */
        void sent(long messages, long bytes);

        /** The repeat ended by itself: every message sent ({@code problem} null), or a send failed. */
        void ended(String problem);
    }

    private final Timers timers;
    private Runnable cancelTick;
    private boolean running;
    /** Which start a late completion belongs to: one of a stopped repeat is ignored. */
    private long generation;
    private long startedNanos;
    private long intervalNanos;
    private long count;
    private long messagesSent;
    private long bytesSent;
    private LongFunction<byte[]> messages;
    private Function<byte[], ? extends CompletionStage<?>> send;
    private Progress progress;

    public Repeat(Timers timers) {
        this.timers = timers;
    }

    public boolean running() {
        return running;
    }

    /** Starts sending {@code messages.apply(n)} for n = 1, 2, ... through {@code send}; the first goes at once. */
    public void start(long intervalMillis, long count, LongFunction<byte[]> messages,
                      Function<byte[], ? extends CompletionStage<?>> send, Progress progress) {
        stop();
        generation++;
        this.intervalNanos = Math.max(0, intervalMillis) * 1_000_000L;
        this.count = count;
        this.messages = messages;
        this.send = send;
        this.progress = progress;
        messagesSent = 0;
        bytesSent = 0;
        startedNanos = System.nanoTime();
        running = true;
        tick();
    }

    /** Ends the repeat at once: nothing more is sent, and {@link Progress#ended} is not called. */
    public void stop() {
        if (cancelTick != null) {
            cancelTick.run();
            cancelTick = null;
        }
        running = false;
    }

    private void tick() {
        cancelTick = null;
        if (!running) {
            return;
        }
        long due = intervalNanos == 0 ? Long.MAX_VALUE : (System.nanoTime() - startedNanos) / intervalNanos + 1;
        if (count > 0) {
            due = Math.min(due, count);
        }
        for (int i = 0; messagesSent < due && i < MOST_PER_TICK; i++) {
            byte[] data = messages.apply(messagesSent + 1);
            CompletableFuture<?> written = send.apply(data).toCompletableFuture();
            if (!written.isDone()) {
                long mine = generation;
                written.whenComplete((ok, error) -> timers.schedule(0, () -> {
                    if (mine == generation && running) {
                        if (finished(data, error)) {
                            tick();
                        }
                    }
                }));
                return;
            }
            Throwable error = written.isCompletedExceptionally() ? written.handle((ok, e) -> e).join() : null;
            if (!finished(data, error)) {
                return;
            }
        }
        progress.sent(messagesSent, bytesSent);
        if (count > 0 && messagesSent >= count) {
            running = false;
            progress.ended(null);
            return;
        }
        long wait = intervalNanos == 0 ? 0
                : Math.max(0, (startedNanos + messagesSent * intervalNanos - System.nanoTime()) / 1_000_000L);
        cancelTick = timers.schedule(wait, this::tick);
    }

    /** Counts a finished send; false, having ended the repeat, when it failed. */
    private boolean finished(byte[] data, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            running = false;
            progress.sent(messagesSent, bytesSent);
            progress.ended(cause.getMessage());
            return false;
        }
        messagesSent++;
        bytesSent += data.length;
        return true;
    }
}
