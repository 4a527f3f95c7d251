package io.socketworkbench.engine;

/**
 * What every endpoint of the engine has: an id from the engine's one id space, the engine's thread it lives on,
 * and the listener it reports to, one event at a time, so that a failing listener cannot stop the engine.
 */
abstract class Endpoint implements Reactor.Handler {
    final long id;
    final Reactor reactor;
    final SocketListener listener;

    Endpoint(long id, Reactor reactor, SocketListener listener) {
        this.id = id;
        this.reactor = reactor;
        this.listener = listener;
    }

    /** The endpoint's id: the source of its events. */
    public long id() {
        return id;
    }

    void emit(SocketEvent event) {
        Events.deliver(listener, event);
    }
}
