package io.socketworkbench.engine;

import java.nio.channels.SelectionKey;

/**
 * What a connection's selection key watches: reading, unless something holds it (its echoes wait, the window's
 * view or a relay's other side has fallen behind, the peer's FIN came), and room to write while bytes wait for it.
 * Confined to the reactor thread.
 */
final class Interest {
    private SelectionKey key;
    /** Reading paused while this connection's echoes wait: its own queue, or the engine's budget, is full. */
    boolean readPaused;
    /** Reading held by whoever shows the bytes (the window's bridge, when it falls behind). */
    boolean heldByView;
    /** Reading held by a relay whose other side has not taken what this one sent it. */
    boolean heldForPeer;
    /** The peer's FIN has come: nothing more to read, whatever else holds or releases reading. */
    boolean inputDone;

    /** Watches {@code selected} for reading, on behalf of {@code handler}. */
    void watch(SelectionKey selected, Reactor.Handler handler) {
        key = selected;
        key.attach(handler);
        key.interestOps(SelectionKey.OP_READ);
    }

    SelectionKey key() {
        return key;
    }

    boolean valid() {
        return key != null && key.isValid();
    }

    /** Whether something holds reading now (not counting the peer's FIN). */
    boolean held() {
        return readPaused || heldByView || heldForPeer;
    }

    /** Watches for reading again, or no longer, as the holds say; true when it reads. */
    boolean update(boolean closed) {
        boolean reading = !held() && !inputDone && !closed;
        set(SelectionKey.OP_READ, reading);
        return reading;
    }

    void set(int op, boolean on) {
        if (!valid()) {
            return;
        }
        int ops = key.interestOps();
        int wanted = on ? ops | op : ops & ~op;
        if (wanted != ops) {
            key.interestOps(wanted);
        }
    }
}
