package io.socketworkbench.ui.fx;

import javafx.animation.AnimationTimer;

/** Work timed by the window's frames. */
public final class Frames {
    private Frames() {
    }

    /**
     * Runs {@code task} on the FX thread once the frame being prepared now is on screen: at the second pulse from
     * now, since a pulse renders what the one before it laid out.
     */
    public static void afterNextFrame(Runnable task) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    task.run();
                }
            }
        }.start();
    }
}
