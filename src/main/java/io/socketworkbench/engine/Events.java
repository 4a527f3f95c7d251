package io.socketworkbench.engine;

/** Delivers events so that a failing listener cannot take the engine's thread down with it. */
final class Events {
    private Events() {
    }

    static void deliver(SocketListener listener, SocketEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | LinkageError e) {
            Reactor.report("listener failed on " + event, e);
        }
    }
}
