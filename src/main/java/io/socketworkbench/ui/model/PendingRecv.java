package io.socketworkbench.ui.model;

import io.socketworkbench.ui.fx.EventPort;

/** A recv pressed with nothing to read: it waits, as a blocking Python socket would, up to settimeout's limit. */
final class PendingRecv {
    private final EventPort port;
    private boolean waiting;
    private Runnable cancel;

    PendingRecv(EventPort port) {
        this.port = port;
    }

    boolean waiting() {
        return waiting;
    }

    /** Starts waiting; after {@code timeoutSeconds} (null: no limit) it gives up and runs {@code onTimeout}. */
    void start(Double timeoutSeconds, Runnable onTimeout) {
        stop();
        waiting = true;
        if (timeoutSeconds != null) {
            Runnable[] mine = new Runnable[1];
            mine[0] = port.schedule(Math.round(timeoutSeconds * 1000), () -> {
                if (waiting && cancel == mine[0]) {
                    waiting = false;
                    cancel = null;
                    onTimeout.run();
                }
            });
            cancel = mine[0];
        }
    }

    /** Data or the end arrived, or the socket closed: no more waiting. */
    void stop() {
        waiting = false;
        if (cancel != null) {
            cancel.run();
            cancel = null;
        }
    }
}
