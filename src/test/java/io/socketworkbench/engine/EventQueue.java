package io.socketworkbench.engine;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A listener that keeps events for a test to take, each wait bounded by a timeout. */
public final class EventQueue implements SocketListener {
    public static final Duration WAIT = Duration.ofSeconds(10);
    private final LinkedBlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
    /** Events passed over by an earlier {@link #next}; later calls still find them, in order. */
    private final List<SocketEvent> skipped = new ArrayList<>();

    @Override
    public void onEvent(SocketEvent event) {
        events.add(event);
    }

    /** The next event of that type, skipping others; fails after {@link #WAIT}. */
    public <T extends SocketEvent> T next(Class<T> type) {
        return next(type, e -> true);
    }

    public <T extends SocketEvent> T next(Class<T> type, Predicate<T> matching) {
        for (Iterator<SocketEvent> it = skipped.iterator(); it.hasNext(); ) {
            SocketEvent event = it.next();
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                it.remove();
                return type.cast(event);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            SocketEvent event;
            try {
                event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " event within " + WAIT);
            }
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return type.cast(event);
            }
            skipped.add(event);
        }
    }

    /** Collects received bytes for one source until {@code count} bytes have come. */
    public byte[] receive(long source, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < count) {
            out.writeBytes(next(SocketEvent.Received.class, r -> r.source() == source).data());
        }
        return out.toByteArray();
    }

    /** Every event seen so far and not yet taken by {@link #next}, in order. */
    public List<SocketEvent> pending() {
        List<SocketEvent> all = new ArrayList<>(skipped);
        all.addAll(events);
        return all;
    }
}
