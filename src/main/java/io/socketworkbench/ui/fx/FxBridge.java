package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import java.util.ArrayDeque;
import java.util.List;
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

    /**
     * One thing in line for the FX thread: an event for a target; with no event, the place in line where a
     * target's datagrams stopped being shown; or a task (a future's result, a post). One line for all of them
     * keeps the order the engine's one thread made them in: a relay's chunk shows after the send it carries.
     */
    private record Posted(Consumer<Delivery> target, SocketEvent event, boolean datagrams, Unshown unshown,
                          Runnable task) {
        Posted(Consumer<Delivery> target, SocketEvent event, boolean datagrams) {
            this(target, event, datagrams, null, null);
        }

        static Posted task(Runnable task) {
            return new Posted(null, null, false, null, task);
        }
    }

    /** One target's datagrams counted but not queued since its mark went into the inbox. Any thread. */
    private static final class Unshown {
        private final Tally in = new Tally();
        private final Tally out = new Tally();
        private boolean pending;

        /** Counts a datagram; true when it is the first since the last mark was delivered (a new mark is due). */
        synchronized boolean add(SocketEvent event) {
            Tally tally = event instanceof SocketEvent.Received ? in : out;
            tally.count++;
            tally.bytes += event instanceof SocketEvent.Received r ? r.data().length
                    : ((SocketEvent.Sent) event).bytes();
            tally.last = event;
            boolean first = !pending;
            pending = true;
            return first;
        }

        synchronized boolean pending() {
            return pending;
        }

        /** The counts so far, as deliveries (received first), and a fresh start. */
        synchronized List<Delivery> take() {
            List<Delivery> due = new java.util.ArrayList<>(2);
            for (Tally tally : List.of(in, out)) {
                if (tally.count > 0) {
                    due.add(new Delivery(tally.last, 0, tally.count, tally.bytes));
                }
                tally.count = 0;
                tally.bytes = 0;
                tally.last = null;
            }
            pending = false;
            return due;
        }
    }

    private static final class Tally {
        long count;
        long bytes;
        SocketEvent last;
    }

    /**
     * Datagrams waiting for the window. A datagram cannot be held back as a stream can (the kernel would drop it),
     * so past this many the bridge counts datagrams instead of queueing them, and the window says how many it did
     * not show: memory stays bounded and every datagram is still counted.
     */
    static final int DATAGRAMS_WAITING = 3_000;
    /** Most datagrams shown in one pulse, so a flood leaves the pulse time for drawing. */
    static final int DATAGRAMS_PER_PULSE = 600;

    /** Bytes one connection may have waiting for the window before its reading is held. */
    static final long HOLD_ONE_AT = 8L << 20;
    /** Bytes all connections together may have waiting; past it, the connection that adds more is held. */
    static final long HOLD_ALL_AT = 48L << 20;
    /** Held connections read again once the window has caught up to this. */
    static final long RELEASE_AT = 4L << 20;

    /** What the engine offers to hold a connection's reading: {@code (connection, hold)}. */
    public interface ReadHold {
        void hold(long connection, boolean hold);
    }

    private final java.util.concurrent.ConcurrentHashMap<Long, java.util.concurrent.atomic.AtomicLong> waiting =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong waitingTotal = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.Set<Long> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final javafx.beans.property.ReadOnlyBooleanWrapper behind =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private volatile ReadHold readHold;

    /**
     * Bounds what waits for the window: a stream connection with too many bytes waiting (or when all of them
     * together have too many) stops being read until the window catches up. TCP makes its peer wait; nothing is
     * lost, and a capture still gets every byte. Without a hold (tests of the merging alone) nothing is held.
     */
    public void holdReadingWith(ReadHold hold) {
        readHold = hold;
    }

    /** True while some connection's reading is held because the window is behind. FX thread. */
    public javafx.beans.property.ReadOnlyBooleanProperty behind() {
        return behind.getReadOnlyProperty();
    }

    /** Bytes waiting for the window, for tests and the status bar. */
    public long waitingBytes() {
        return waitingTotal.get();
    }

    private void arrived(SocketEvent event) {
        if (!(event instanceof SocketEvent.Received r)) {
            return;
        }
        long mine = waiting.computeIfAbsent(r.source(), k -> new java.util.concurrent.atomic.AtomicLong())
                .addAndGet(r.data().length);
        long total = waitingTotal.addAndGet(r.data().length);
        ReadHold hold = readHold;
        if (hold != null && (mine > HOLD_ONE_AT || total > HOLD_ALL_AT)) {
            synchronized (holdOrder) {
                if (held.add(r.source())) {
                    hold.hold(r.source(), true);
                }
            }
        }
    }

    /**
     * Holds and releases reach the engine in the order the held set changes: without it, a release (FX thread)
     * and a hold (engine thread) of one connection could cross, leaving it held with nobody to release it, and
     * the flood stalled for good (1 run in 12 of the client-pane flood test; 0 in 24 with this order).
     */
    private final Object holdOrder = new Object();

    private void shown(SocketEvent event, long bytes) {
        var mine = waiting.get(event.source());
        if (mine != null && mine.addAndGet(-bytes) <= 0) {
            waiting.remove(event.source(), mine);
        }
        waitingTotal.addAndGet(-bytes);
    }

    /** FX thread, after a drain: releases held connections once the window has caught up. */
    private void releaseIfCaughtUp() {
        if (!held.isEmpty() && waitingTotal.get() <= RELEASE_AT) {
            ReadHold hold = readHold;
            synchronized (holdOrder) {
                for (Long source : List.copyOf(held)) {
                    held.remove(source);
                    if (hold != null) {
                        hold.hold(source, false);
                    }
                }
            }
        }
        behind.set(!held.isEmpty());
    }

    private final ConcurrentLinkedQueue<Posted> inbox = new ConcurrentLinkedQueue<>();
    /**
     * Timers that are due: not in the engine's line (no socket fact waits on them), they run first at the next
     * pulse, so that a line a timer keeps up to date (the server's state) follows a storm as it goes.
     */
    private final ConcurrentLinkedQueue<Runnable> due = new ConcurrentLinkedQueue<>();
    /** Created on start, so the merging logic can be tested without the FX toolkit. */
    private AnimationTimer pulse;

    @Override
    public SocketListener to(Consumer<Delivery> target) {
        return event -> {
            arrived(event);
            inbox.add(new Posted(target, event, false));
        };
    }

    /** A datagram event that may be counted instead of shown: received, or sent by the engine by itself. */
    private static boolean counted(SocketEvent event) {
        return event instanceof SocketEvent.Received
                || event instanceof SocketEvent.Sent sent && sent.origin() != SocketEvent.Origin.USER;
    }

    private final java.util.concurrent.atomic.AtomicInteger datagramsWaiting =
            new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public SocketListener toDatagrams(Consumer<Delivery> target) {
        Unshown unshown = new Unshown();
        return event -> {
            boolean data = counted(event);
            if (data && (datagramsWaiting.get() >= DATAGRAMS_WAITING || unshown.pending())) {
                if (unshown.add(event)) {
                    inbox.add(new Posted(target, null, true, unshown, null));
                }
                return;
            }
            if (data) {
                datagramsWaiting.incrementAndGet();
            }
            inbox.add(new Posted(target, event, true));
        };
    }

    @Override
    public <T> void when(java.util.concurrent.CompletableFuture<T> future, Consumer<T> onValue,
                         Consumer<SocketError> onError) {
        future.whenComplete((value, failure) -> post(failure == null ? () -> onValue.accept(value)
                : () -> onError.accept(SocketError.from(unwrap(failure)))));
    }

    /**
     * Keeps the future's place in line from before it was started: the result runs there if it has come by the
     * time the line reaches it, else it is posted when it comes (after all the engine did before completing it).
     */
    @Override
    public <T> void whenStarted(java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> start,
                                Consumer<T> onValue, Consumer<SocketError> onError) {
        Place place = new Place();
        inbox.add(Posted.task(place));
        start.get().whenComplete((value, failure) -> place.fill(failure == null ? () -> onValue.accept(value)
                : () -> onError.accept(SocketError.from(unwrap(failure)))));
    }

    /** A place in line kept for a result that may not have come yet. */
    private final class Place implements Runnable {
        private static final Object WAITING = new Object();
        private final java.util.concurrent.atomic.AtomicReference<Object> state =
                new java.util.concurrent.atomic.AtomicReference<>(WAITING);

        /** Any thread: the result runs at this place, or at the end of the line if the line has passed it. */
        void fill(Runnable result) {
            if (!state.compareAndSet(WAITING, result)) {
                post(result);
            }
        }

        /** FX thread, when the line reaches this place. */
        @Override
        public void run() {
            if (state.getAndSet(null) instanceof Runnable result) {
                result.run();
            }
        }
    }

    @Override
    public void post(Runnable task) {
        inbox.add(Posted.task(task));
    }

    @Override
    public Runnable schedule(long millis, Runnable task) {
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        TIMERS.schedule(() -> due.add(() -> {
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

    /**
     * Time one pulse may spend handing events on. What is left waits, in order, for the next pulse: a storm of
     * accepts or closes, each cheap, is spread over pulses instead of holding one pulse for a tenth of a second.
     */
    static final long PULSE_BUDGET_NANOS = 6_000_000;
    /** Taken from the inbox and not yet handed on: a pulse's batch, and what its budget left for the next. */
    private final ArrayDeque<Posted> batch = new ArrayDeque<>();

    /**
     * One pulse's work: at most {@link #EVENTS_PER_PULSE} events and tasks and about {@link #PULSE_BUDGET_NANOS} of
     * time (at least one a pulse): the timers that are due, then the line in the order it came, data runs merged.
     * Returns how many it handed on.
     */
    public int drain() {
        long deadline = System.nanoTime() + PULSE_BUDGET_NANOS;
        int handed = 0;
        Runnable timer;
        while (handed < EVENTS_PER_PULSE && (handed == 0 || System.nanoTime() < deadline)
                && (timer = due.poll()) != null) {
            timer.run();
            handed++;
        }
        Posted next;
        int datagrams = 0;
        while (handed + batch.size() < EVENTS_PER_PULSE && (next = inbox.peek()) != null) {
            if (next.datagrams() && datagrams >= DATAGRAMS_PER_PULSE) {
                break;
            }
            inbox.poll();
            if (next.datagrams() && counted(next.event())) {
                datagramsWaiting.decrementAndGet();
                datagrams++;
            }
            batch.add(next);
        }
        while (!batch.isEmpty()) {
            // A task's time is checked before each (a storm of connections completes a future or two each, and
            // their work, unbounded, held a pulse for tens of milliseconds); events' every sixteenth.
            if (handed > 0 && (batch.peek().task() != null || (handed & 15) == 0) && System.nanoTime() > deadline) {
                break; // the rest of the batch goes first next pulse
            }
            Posted first = batch.poll();
            handed++;
            if (first.task() != null) {
                first.task().run();
                continue;
            }
            if (first.unshown() != null) {
                first.unshown().take().forEach(first.target());
                continue;
            }
            if (first.datagrams() || !DataRun.starts(first.event())) {
                first.target().accept(new Delivery(first.event(), 0));
                continue;
            }
            DataRun run = new DataRun(first.event().source());
            run.add(first.event());
            while (!batch.isEmpty() && batch.peek().target() == first.target() && run.accepts(batch.peek().event())) {
                run.add(batch.poll().event());
                handed++;
            }
            shown(first.event(), run.receivedBytes());
            run.deliveries().forEach(first.target());
        }
        releaseIfCaughtUp();
        return handed;
    }

    /** Pending events, for tests and the status bar. */
    public int backlog() {
        return inbox.size() + batch.size();
    }
}
