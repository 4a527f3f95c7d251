package io.socketworkbench.ui.model;

import io.socketworkbench.ui.fx.EventPort;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Sends a message again and again: every {@code interval} ms, {@code count} times (0: until stopped). The window
 * ticks at most once a pulse, so each tick sends every message that has come due since the last (a 1 ms repeat
 * sends about sixteen a pulse), at most {@link #MOST_PER_TICK}; the counts come out right and stopping is at once.
 * No JavaFX: the timing runs on the {@link EventPort}'s timers and is tested without the toolkit.
 */
public final class Repeater {
    /** Most messages one tick sends, so a repeat can never flood the engine's send queue in one go. */
    static final int MOST_PER_TICK = 256;

    private final EventPort port;
    private final Value<Boolean> running = new Value<>(false);
    private final Value<Long> sentMessages = new Value<>(0L);
    private final Value<Long> sentBytes = new Value<>(0L);
    private final Value<String> stoppedBecause = new Value<>(null);
    private Runnable cancelTick;
    private long startedNanos;
    private long intervalNanos;
    private long count;
    private LongFunction<byte[]> messages;
    private Function<byte[], String> send;

    public Repeater(EventPort port) {
        this.port = port;
    }

    public Value<Boolean> running() {
        return running;
    }

    /** Messages sent by the current (or last) repeat. */
    public Value<Long> sentMessages() {
        return sentMessages;
    }

    public Value<Long> sentBytes() {
        return sentBytes;
    }

    /** Why the last repeat stopped by itself (a send was refused), or null. */
    public Value<String> stoppedBecause() {
        return stoppedBecause;
    }

    /**
     * Starts sending {@code messages.apply(n)} for n = 1, 2, ... through {@code send}, which returns a problem
     * (not connected) or null. The first goes at once.
     */
    public void start(long intervalMillis, long count, LongFunction<byte[]> messages, Function<byte[], String> send) {
        stop();
        this.intervalNanos = Math.max(1, intervalMillis) * 1_000_000L;
        this.count = count;
        this.messages = messages;
        this.send = send;
        sentMessages.set(0L);
        sentBytes.set(0L);
        stoppedBecause.set(null);
        startedNanos = System.nanoTime();
        running.set(true);
        tick();
    }

    public void stop() {
        if (cancelTick != null) {
            cancelTick.run();
            cancelTick = null;
        }
        running.set(false);
    }

    private void tick() {
        cancelTick = null;
        if (!running.get()) {
            return;
        }
        long due = (System.nanoTime() - startedNanos) / intervalNanos + 1; // the first at once
        if (count > 0) {
            due = Math.min(due, count);
        }
        long n = sentMessages.get();
        long bytes = sentBytes.get();
        for (int i = 0; n < due && i < MOST_PER_TICK; i++) {
            byte[] data = messages.apply(n + 1);
            String problem = send.apply(data);
            if (problem != null) {
                sentBytes.set(bytes);
                sentMessages.set(n);
                stoppedBecause.set(problem);
                stop();
                return;
            }
            n++;
            bytes += data.length;
        }
        sentBytes.set(bytes); // bytes first: a view that listens to the count reads both
        sentMessages.set(n);
        if (count > 0 && n >= count) {
            stop();
            return;
        }
        long nextDue = startedNanos + n * intervalNanos;
        long wait = Math.max(0, (nextDue - System.nanoTime()) / 1_000_000L);
        cancelTick = port.schedule(wait, this::tick);
    }
}
