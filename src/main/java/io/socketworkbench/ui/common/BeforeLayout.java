package io.socketworkbench.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs a view's catch-up once, in the coming pulse before its layout: changes that arrive one by one during a
 * pulse (the bridge drains engine events in its animation phase) reach the controls together, and they are laid
 * out and drawn in that same pulse. A node not in a scene yet catches up at once.
 */
public final class BeforeLayout {
    private BeforeLayout() {
    }

    public static void run(Node node, Runnable catchUp) {
        Scene scene = node.getScene();
        if (scene == null) {
            catchUp.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePreLayoutPulseListener(once[0]);
            catchUp.run();
        };
        scene.addPreLayoutPulseListener(once[0]);
    }

    /**
     * A consumer that passes on only the latest of the values it gets within a pulse, before that pulse's layout:
     * a state line that changes with each of ten thousand accepts is set once a pulse.
     */
    public static <T> java.util.function.Consumer<T> latest(Node node, java.util.function.Consumer<T> apply) {
        return new java.util.function.Consumer<>() {
            private T value;
            private boolean pending;

            @Override
            public void accept(T next) {
                value = next;
                if (!pending) {
                    pending = true;
                    run(node, () -> {
                        pending = false;
                        apply.accept(value);
                    });
                }
            }
        };
    }
}
