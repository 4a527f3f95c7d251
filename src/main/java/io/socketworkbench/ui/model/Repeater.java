package io.socketworkbench.ui.model;

import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.session.Repeat;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The Repeat row's view model: a {@link Repeat} on the window's timers, with what it has sent and why it stopped as
 * values a view binds to. The window ticks at most once a pulse, so each tick sends every message that has come due
 * since the last (a 1 ms repeat sends about sixteen a pulse); the counts come out right and stopping is at once.
 * No JavaFX: tested without the toolkit.
 */
public final class Repeater {
    private final Repeat repeat;
    private final Value<Boolean> running = new Value<>(false);
    private final Value<Long> sentMessages = new Value<>(0L);
    private final Value<Long> sentBytes = new Value<>(0L);
    private final Value<String> stoppedBecause = new Value<>(null);

    public Repeater(EventPort port) {
        this.repeat = new Repeat(port);
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
        sentMessages.set(0L);
        sentBytes.set(0L);
        stoppedBecause.set(null);
        running.set(true);
        repeat.start(Math.max(1, intervalMillis), count, messages, data -> {
            String problem = send.apply(data);
            return problem == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(new IllegalStateException(problem));
        }, new Repeat.Progress() {
            @Override
            public void sent(long messages, long bytes) {
                sentBytes.set(bytes); // bytes first: a view that listens to the count reads both
                sentMessages.set(messages);
            }

            @Override
            public void ended(String problem) {
                stoppedBecause.set(problem);
                running.set(false);
            }
        });
    }

    public void stop() {
        repeat.stop();
        running.set(false);
    }
}
