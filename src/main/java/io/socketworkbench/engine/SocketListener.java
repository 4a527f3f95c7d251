package io.socketworkbench.engine;

/** Receives engine events on an engine thread. It must return quickly and must not block on the network. */
@FunctionalInterface
public interface SocketListener {
    void onEvent(SocketEvent event);
}
