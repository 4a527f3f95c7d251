package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The one way engine events reach the FX thread. Engine threads only enqueue; once per pulse the FX thread drains
 * a bounded amount, merging consecutive data chunks of one connection, so floods never freeze the window.
 */
public final class FxBridge implements EventPort {

    /** Most events handled in one pulse. */
    static final int EVENTS_PER_PULSE = 2_000;
    /** Largest run of merged data kept for display; beyond it bytes are counted, not kept. */
    public static final int MAX_MERGED_BYTES = 256 * 1024;

    private record Posted(Consumer<Delivery> target, SocketEvent event, boolean datagrams) {}

    private final ConcurrentLinkedQueue<Posted> inbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> results = new ConcurrentLinkedQueue<>();
    /** Created on start, so the merging logic can be tested without the FX toolkit. */
    private AnimationTimer pulse;

    @Override
    public SocketListener to(Consumer<Delivery> target) {
        return event -> inbox.add(new Posted(target, event, false));
    }

    @Override
    public SocketListener toDatagrams(Consumer<Delivery> target) {
        return event -> inbox.add(new Posted(target, event, true));
    }

    @Override
    public <T> void when(java.util.concurrent.CompletableFuture<T> future, Consumer<T> onValue,
                         Consumer<SocketError> onError) {
        future.whenComplete((value, failure) -> results.add(failure == null ? () -> onValue.accept(value)
                : () -> onError.accept(SocketError.from(unwrap(failure)))));
    }

    @Override
    public void post(Runnable task) {
        results.add(task);
    }

    @Override
    public Runnable schedule(long millis, Runnable task) {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        TIMERS.schedule(() -> results.add(() -> {
            if (!cancelled.get()) {
                task.run();
            }
        }), Math.max(0, millis), java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> cancelled.set(true);
    }

    /** One daemon thread for every bridge's timers: it only posts the task back, to run at the next pulse. */
    private static final java.util.concurrent.ScheduledExecutorService TIMERS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ui-timers");
                thread.setDaemon(true);
                return thread;
            });

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /** FX thread: drains once per pulse from now on. */
    public void start() {
        if (pulse == null) {
            pulse = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    drain();
                }
            };
        }
        pulse.start();
    }

    public void stop() {
        if (pulse != null) {
            pulse.stop();
        }
    }

    /** One pulse's work: at most {@link #EVENTS_PER_PULSE} events, data runs merged. Returns how many were taken. */
    public int drain() {
        ArrayDeque<Posted> batch = new ArrayDeque<>();
        Posted next;
        int taken = 0;
        Runnable result;
        while (taken < EVENTS_PER_PULSE && (result = results.poll()) != null) {
            result.run();
            taken++;
        }
        while (taken < EVENTS_PER_PULSE && (next = inbox.poll()) != null) {
            batch.add(next);
            taken++;
        }
        while (!batch.isEmpty()) {
            Posted first = batch.poll();
            if (first.datagrams() || !DataRun.starts(first.event())) {
                first.target().accept(new Delivery(first.event(), 0));
                continue;
            }
            DataRun run = new DataRun(first.event().source());
            run.add(first.event());
            while (!batch.isEmpty() && batch.peek().target() == first.target() && run.accepts(batch.peek().event())) {
                run.add(batch.poll().event());
            }
            run.deliveries().forEach(first.target());
        }
        return taken;
    }

    /** Pending events, for tests and the status bar. */
    public int backlog() {
        return inbox.size();
    }

    /**
     * Consecutive data events of one connection, joined up to the display cap: what arrived, and what the engine
     * wrote by itself (echo, greeting) or for the user. Delivered as one event of each kind, received first.
     */
    private static final class DataRun {
        private final long source;
        private final Map<Object, Joined> runs = new LinkedHashMap<>();

        DataRun(long source) {
            this.source = source;
        }

        static boolean starts(SocketEvent event) {
            return event instanceof SocketEvent.Received || event instanceof SocketEvent.Sent;
        }

        boolean accepts(SocketEvent event) {
            return starts(event) && event.source() == source;
        }

        void add(SocketEvent event) {
            if (event instanceof SocketEvent.Received r) {
                runs.computeIfAbsent("received", k -> new Joined(event)).add(r.data(), r.data().length);
            } else if (event instanceof SocketEvent.Sent sent) {
                runs.computeIfAbsent(sent.origin(), k -> new Joined(event))
                        .add(sent.data() == null ? new byte[0] : sent.data(), sent.bytes());
            }
        }

        List<Delivery> deliveries() {
            return runs.values().stream().map(Joined::delivery).toList();
        }
    }

    /** One kind of data event, joined: the bytes kept for display, and the count of all of them. */
    private static final class Joined {
        private final SocketEvent first;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long total;

        Joined(SocketEvent first) {
            this.first = first;
        }

        void add(byte[] data, int bytes) {
            int keep = Math.max(0, Math.min(MAX_MERGED_BYTES - kept.size(), data.length));
            kept.write(data, 0, keep);
            total += bytes;
        }

        Delivery delivery() {
            if (first instanceof SocketEvent.Received r) {
                return new Delivery(new SocketEvent.Received(r.source(), r.from(), kept.toByteArray()),
                        total - kept.size());
            }
            SocketEvent.Sent s = (SocketEvent.Sent) first;
            byte[] data = s.data() == null ? null : kept.toByteArray();
            return new Delivery(new SocketEvent.Sent(s.source(), s.to(), (int) Math.min(Integer.MAX_VALUE, total),
                    s.origin(), data), data == null ? 0 : total - data.length);
        }
    }
}
