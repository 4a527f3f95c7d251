package io.socketworkbench.ui.client;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A recv pressed with nothing to read: it waits, as a blocking Python socket would, up to settimeout's limit. */
final class PendingRecv {
    private boolean waiting;
    private PauseTransition timer;

    boolean waiting() {
        return waiting;
    }

    /** Starts waiting; after {@code timeoutSeconds} (null: no limit) it gives up and runs {@code onTimeout}. */
    void start(Double timeoutSeconds, Runnable onTimeout) {
        stop();
        waiting = true;
        if (timeoutSeconds != null) {
            PauseTransition limit = new PauseTransition(Duration.seconds(timeoutSeconds));
            limit.setOnFinished(e -> {
                if (waiting && timer == limit) {
                    waiting = false;
                    timer = null;
                    onTimeout.run();
                }
            });
            timer = limit;
            limit.play();
        }
    }

    /** Data or the end arrived, or the socket closed: no more waiting. */
    void stop() {
        waiting = false;
        if (timer != null) {
            timer.stop();
            timer = null;
        }
    }
}
