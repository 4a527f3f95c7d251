package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketListener;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How a view model hears from engine and background threads: every callback runs on the one UI thread, in order.
 * {@link FxBridge} is the window's; tests drive one by hand, so view models run without the JavaFX toolkit.
 */
public interface EventPort extends io.socketworkbench.session.Timers {

    /** A listener for a stream socket whose events reach {@code target} on the UI thread, data runs merged. */
    SocketListener to(Consumer<Delivery> target);

    /** The same for a UDP socket, whose datagrams are never merged: each keeps its boundary. */
    SocketListener toDatagrams(Consumer<Delivery> target);

    /** The future's value, or its failure as a socket error, on the UI thread. Nothing is dropped. */
    <T> void when(CompletableFuture<T> future, Consumer<T> onValue, Consumer<SocketError> onError);

    /**
     * Starts what {@code start} starts (a send) and hears its result on the UI thread at its place in line: after
     * what came before the start, before whatever the engine reported after the future completed (the peer's
     * answer to the send). {@link #when} alone cannot keep that place: a future the engine completes before the
     * UI thread asks for it would be heard after what followed it.
     */
    default <T> void whenStarted(java.util.function.Supplier<CompletableFuture<T>> start, Consumer<T> onValue,
                                 Consumer<SocketError> onError) {
        when(start.get(), onValue, onError);
    }

    /**
     * Runs {@code task} on the UI thread soon, after what was posted before it, from any thread: for what a view
     * model hears on other threads (a relay's chunks, an exercise's trace).
     */
    void post(Runnable task);

    /**
     * Runs {@code task} on the UI thread after {@code millis}, before what waits in line then (a timer is no socket
     * fact); the returned action cancels it.
     */
    @Override
    Runnable schedule(long millis, Runnable task);
}
