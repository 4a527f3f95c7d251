package io.socketworkbench.ui.fx;

import javafx.application.Platform;

/**
 * The FX thread, for views: what runs there later, and a pulse asked for. Engine events never come this way (they
 * go through {@link FxBridge}); this is for a view's own follow-ups, such as looking at a layout once it is done.
 */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code task} on the FX thread, after what is running there now. */
    public static void later(Runnable task) {
        Platform.runLater(task);
    }

    /** Asks for a pulse (CSS, layout, a frame) even when nothing else changed. */
    public static void requestPulse() {
        Platform.requestNextPulse();
    }
}
