package io.socketworkbench.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One selector thread that runs every accept, connect, read and write of the engine, plus its timers.
 * Other threads hand it work with {@link #execute}; all channel state is confined to this thread.
 */
final class Reactor implements AutoCloseable {

    /** What a registered channel does when the selector reports it ready. */
    interface Handler {
        void ready(SelectionKey key);

        /** Called once when the reactor shuts down with the channel still open. */
        void shutdown();
    }

    /** A scheduled task; cancel it from the reactor thread. */
    static final class Timer implements Comparable<Timer> {
        private static final AtomicLong SEQUENCE = new AtomicLong();
        private final long deadline;
        private final long order = SEQUENCE.incrementAndGet();
        private final Runnable task;
        private boolean cancelled;

        private Timer(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(deadline, other.deadline);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    static final int READ_BUFFER_SIZE = Integer.getInteger("socketworkbench.readBuffer", 64 * 1024);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Runnable> afterRelease = new ArrayList<>();
    private final QueueBudget budget = new QueueBudget();

    /** Reactor thread only: the bytes all connections may hold queued together. */
    QueueBudget budget() {
        return budget;
    }

    /** Every open stream connection by id, for calls that name one (holding its reading). */
    private final java.util.Map<Long, TcpConnection> streams = new java.util.HashMap<>();

    /** Reactor thread only. */
    java.util.Map<Long, TcpConnection> streams() {
        return streams;
    }

    /** Where the engine's socket facts go (a recording, the window's timeline); null while nobody listens. */
    private volatile FactSink facts;

    void recordTo(FactSink sink) {
        facts = sink;
    }

    /** True while some sink hears the facts: the one check the byte path pays when nobody records. */
    boolean recording() {
        return facts != null;
    }

    /** Hands a fact to the sink, if there is one; a failing sink is reported and the engine goes on. */
    void record(Fact.Type type, long conn, java.net.SocketAddress local, java.net.SocketAddress remote, boolean in,
                byte[] data, SocketError error) {
        record(type, conn, -1, local, remote, in, data, error);
    }

    /** As above, for a connection that belongs to {@code parent} (the server that accepted it, say). */
    void record(Fact.Type type, long conn, long parent, java.net.SocketAddress local, java.net.SocketAddress remote,
                boolean in, byte[] data, SocketError error) {
        FactSink sink = facts;
        if (sink == null) {
            return;
        }
        try {
            sink.fact(Fact.of(type, conn, parent, local, remote, in, data, error));
        } catch (RuntimeException e) {
            report("the fact sink failed", e);
        }
    }

    /** A TLS handshake's fact: what it agreed. */
    void recordTls(long conn, java.net.SocketAddress local, java.net.SocketAddress remote, TlsInfo info) {
        FactSink sink = facts;
        if (sink != null) {
            try {
                sink.fact(Fact.of(Fact.Type.TLS, conn, -1, local, remote, false, null, null, info));
            } catch (RuntimeException e) {
                report("the fact sink failed", e);
            }
        }
    }

    /** Handlers that own a socket the selector does not know (a blocking listener): told at shutdown too. */
    private final List<Handler> tracked = new ArrayList<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean running = true;
    /** Shared by every read on this thread: one large direct buffer, so the kernel copies straight into it. */
    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);

    /**
     * The classes that report failures, loaded while file descriptors are plentiful: running out of them is one of
     * the failures they report, and then a class could not be loaded from an exploded class folder.
     */
    private static final System.Logger LOG = System.getLogger("socket-engine");

    /** Logs a failure; if even that fails (no descriptors left to load what logging needs), it is dropped. */
    static void report(String what, Throwable failure) {
        try {
            LOG.log(System.Logger.Level.ERROR, what, failure);
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable ignored) {
            // Nothing left to report with (logging reads files too); the engine keeps running.
        }
    }

    static void loadFailureClasses() {
        // The logger finds its back end on first use, reading files: do that now, not when out of descriptors.
        LOG.isLoggable(System.Logger.Level.ERROR);
        java.time.ZoneId.systemDefault().getRules();
        // A paused accept retries on a timer: the back-off must not need a class it cannot load.
        new Timer(0, () -> { }).cancel();
        // The rest of a connection's life too (events, the send queue, the budget): out of descriptors, the first
        // echo or close after the crowd must not need a class file it cannot open.
        for (Class<?> event : SocketEvent.class.getPermittedSubclasses()) {
            load(event.getName());
        }
        for (String name : new String[] {"io.socketworkbench.engine.TcpConnection",
                "io.socketworkbench.engine.Interest", "io.socketworkbench.engine.WireCount",
                "io.socketworkbench.engine.Outbound", "io.socketworkbench.engine.Outbound$Pending",
                "io.socketworkbench.engine.QueueBudget",
                "io.socketworkbench.engine.CloseReason", "io.socketworkbench.engine.Operation",
                "io.socketworkbench.engine.SocketEvent$Origin", "io.socketworkbench.engine.TcpServer$Admission",
                "io.socketworkbench.engine.TcpServer$AcceptFailure", "io.socketworkbench.engine.Transport",
                "io.socketworkbench.engine.PlainTransport", "io.socketworkbench.engine.TcpClient",
                "io.socketworkbench.engine.Relay$Pair", "io.socketworkbench.engine.Watchdog",
                "io.socketworkbench.engine.Fact", "io.socketworkbench.engine.Fact$Type"}) {
            load(name);
        }
        SocketError error = SocketError.from(new IOException("preload"));
        Events.deliver(event -> { }, new SocketEvent.Failed(0, Operation.ACCEPT, error));
        Events.deliver(event -> { }, new SocketEvent.Closed(0, CloseReason.ERROR, error));
        new SocketFailure(SocketError.of(ErrorKind.TOO_MANY_OPEN_FILES)).getMessage();
    }

    private static void load(String name) {
        try {
            Class.forName(name, true, Reactor.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the engine is missing " + name, e);
        }
    }

    Reactor(String name) {
        loadFailureClasses();
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    boolean inReactor() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the reactor thread, soon. Safe from any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inReactor() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Reactor thread only. */
    Timer schedule(long delayMillis, Runnable task) {
        // Clamped to about 290 years / 2, so that a huge delay cannot overflow into one that has already passed.
        long delayNanos = Math.min(Math.max(0, delayMillis), Long.MAX_VALUE / 2_000_000L) * 1_000_000L;
        Timer timer = new Timer(System.nanoTime() + delayNanos, task);
        timers.add(timer);
        return timer;
    }

    /** Reactor thread only. */
    SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        return channel.register(selector, ops, handler);
    }

    /** Reactor thread only: {@code handler} is shut down with the reactor although no key of it is registered. */
    void track(Handler handler) {
        tracked.add(handler);
    }

    void untrack(Handler handler) {
        tracked.remove(handler);
    }

    /**
     * Runs the task once the channels closed so far have really released their sockets. A registered channel's
     * descriptor is only closed at the selector's next pass, so a stop that frees its port waits for that.
     */
    void afterRelease(Runnable task) {
        afterRelease.add(task);
    }

    private void loop() {
        try {
            while (running) {
                wakeupPending.set(false);
                selectOnce();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid()) {
                        dispatch(key);
                    }
                }
                runTasks();
                runTimers();
                if (!afterRelease.isEmpty()) {
                    selector.selectNow();
                    List<Runnable> done = new ArrayList<>(afterRelease);
                    afterRelease.clear();
                    done.forEach(Reactor::runSafely);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            report("selector failed", e);
        } catch (OutOfMemoryError e) {
            // Past every budget, memory ran out after all. A program whose engine is gone would still hold its
            // port and answer nobody: say so and end, never linger as a zombie.
            System.err.println("MemoryError: out of memory; Socket Workbench stops (give it more with -Xmx)");
            Runtime.getRuntime().halt(1);
        } finally {
            for (SelectionKey key : selector.keys()) {
                if (key.attachment() instanceof Handler handler) {
                    runSafely(handler::shutdown);
                }
            }
            new ArrayList<>(tracked).forEach(handler -> runSafely(handler::shutdown));
            runTasks();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void selectOnce() throws IOException {
        if (!tasks.isEmpty()) {
            selector.selectNow();
            return;
        }
        Timer next = timers.peek();
        if (next == null) {
            selector.select();
            return;
        }
        long waitMillis = (next.deadline - System.nanoTime() + 999_999) / 1_000_000;
        if (waitMillis <= 0) {
            selector.selectNow();
        } else {
            selector.select(waitMillis);
        }
    }

    private static void dispatch(SelectionKey key) {
        Handler handler = (Handler) key.attachment();
        runSafely(() -> handler.ready(key));
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runSafely(task);
        }
    }

    private void runTimers() {
        long now = System.nanoTime();
        while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
            Timer timer = timers.poll();
            if (!timer.cancelled) {
                runSafely(timer.task);
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError too: out of file descriptors, the JVM cannot open a class file it has yet to load.
            // That one task fails; the thread, and every other socket on it, carries on.
            report("engine task failed", e);
        }
    }

    /** Gives a socket up: cancels its key and closes it, ignoring errors (nothing is left to release). */
    static void release(SelectionKey key, Channel channel) {
        if (key != null) {
            key.cancel();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already closed or broken: either way it is released
            }
        }
    }

    /** getsockopt of every known option, read on this thread once {@code ready} completes. */
    CompletableFuture<Map<String, Object>> readOptions(CompletableFuture<?> ready, Supplier<NetworkChannel> channel) {
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        ready.whenComplete((value, error) -> execute(() -> {
            try {
                NetworkChannel target = channel.get();
                if (target == null || !target.isOpen()) {
                    throw new SocketFailure(SocketError.of(ErrorKind.NOT_CONNECTED));
                }
                result.complete(SocketOptionsSpec.readBack(target));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(new SocketFailure(SocketError.from(e)));
            }
        }));
        return result;
    }

    /** Stops the thread; every channel still open is closed and its handler told. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inReactor()) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
