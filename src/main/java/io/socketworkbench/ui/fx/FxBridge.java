package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The one way engine events reach the FX thread. Engine threads only enqueue; once per pulse the FX thread drains
 * a bounded amount, merging consecutive data chunks of one connection, so floods never freeze the window.
 */
public final class FxBridge {

    /**
     * An event for the FX thread. For merged data, {@code elidedBytes} counts bytes that arrived but are not in the
     * event's array, because a view shows at most {@link #MAX_MERGED_BYTES} of one run.
     */
    public record Delivery(SocketEvent event, long elidedBytes) {
        /** All bytes this delivery stands for, kept or not. */
        public long totalBytes() {
            return event instanceof SocketEvent.Received r ? r.data().length + elidedBytes : 0;
        }
    }

    /** Most events handled in one pulse. */
    static final int EVENTS_PER_PULSE = 2_000;
    /** Largest run of merged data kept for display; beyond it bytes are counted, not kept. */
    public static final int MAX_MERGED_BYTES = 256 * 1024;

    private record Posted(Consumer<Delivery> target, SocketEvent event, boolean datagrams) {}

    private final ConcurrentLinkedQueue<Posted> inbox = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> results = new ConcurrentLinkedQueue<>();
    /** Created on start, so the merging logic can be tested without the FX toolkit. */
    private AnimationTimer pulse;

    /** A listener for a stream socket that hands events to {@code target} on the FX thread. */
    public SocketListener to(Consumer<Delivery> target) {
        return event -> inbox.add(new Posted(target, event, false));
    }

    /** The same for a UDP socket, whose datagrams are never merged: each keeps its boundary. */
    public SocketListener toDatagrams(Consumer<Delivery> target) {
        return event -> inbox.add(new Posted(target, event, true));
    }

    /** Hands the value of an engine future to {@code target} on the FX thread; a failed future is dropped. */
    public <T> void when(java.util.concurrent.CompletableFuture<T> future, Consumer<T> target) {
        future.thenAccept(value -> results.add(() -> target.accept(value)));
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
            if (!(first.event() instanceof SocketEvent.Received received)) {
                first.target().accept(new Delivery(first.event(), 0));
                continue;
            }
            ChunkRun run = new ChunkRun(received);
            while (!first.datagrams() && !batch.isEmpty() && batch.peek().target() == first.target()
                    && run.accepts(batch.peek().event())) {
                run.add((SocketEvent.Received) batch.poll().event());
            }
            first.target().accept(run.delivery());
        }
        return taken;
    }

    /** Pending events, for tests and the status bar. */
    public int backlog() {
        return inbox.size();
    }

    /** Consecutive chunks from one source and sender, joined up to the display cap. */
    private static final class ChunkRun {
        private final SocketEvent.Received first;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private long elided;

        ChunkRun(SocketEvent.Received first) {
            this.first = first;
            add(first);
        }

        boolean accepts(SocketEvent event) {
            return event instanceof SocketEvent.Received r && r.source() == first.source()
                    && java.util.Objects.equals(r.from(), first.from());
        }

        void add(SocketEvent.Received chunk) {
            int room = MAX_MERGED_BYTES - kept.size();
            int keep = Math.max(0, Math.min(room, chunk.data().length));
            kept.write(chunk.data(), 0, keep);
            elided += chunk.data().length - keep;
        }

        Delivery delivery() {
            return new Delivery(new SocketEvent.Received(first.source(), first.from(), kept.toByteArray()), elided);
        }
    }
}
