package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app's side of an exercise on the wire: an engine of the run's own, like every socket the app opens, whose
 * events are sorted by connection (a server's accepts under the server's id) for the run's thread to wait on.
 * Closing it closes every socket the run opened.
 */
final class Wire implements SocketListener, AutoCloseable {
    private final SocketEngine engine = new SocketEngine("exercise");
    private final Map<Long, LinkedBlockingQueue<SocketEvent>> queues = new ConcurrentHashMap<>();
    private final Object arrivals = new Object();

    SocketEngine engine() {
        return engine;
    }

    @Override
    public void onEvent(SocketEvent event) {
        long key = event.source();
        queue(key).add(event);
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    /** The events of {@code id}, in order: a connection's, an endpoint's, or a server's own. */
    LinkedBlockingQueue<SocketEvent> queue(long id) {
        return queues.computeIfAbsent(id, key -> new LinkedBlockingQueue<>());
    }

    /** The next event of {@code id} before the deadline ({@link System#nanoTime}), or null. */
    SocketEvent next(long id, long deadline) {
        try {
            return queue(id).poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until any event arrives, at most {@code millis}: for a loop that watches several connections. */
    void awaitAny(long millis) {
        synchronized (arrivals) {
            try {
                arrivals.wait(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void forget(long id) {
        queues.remove(id);
    }

    @Override
    public void close() {
        engine.close();
    }
}
