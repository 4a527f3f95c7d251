package io.socketworkbench.ui.common;

import javafx.scene.Node;

/** Projector mode's one rule for chrome: what the class does not need to see is hidden and gives up its room. */
public final class Projector {
    private Projector() {
    }

    /** Hides {@code nodes} (and frees their space) when {@code on}; brings them back when not. */
    public static void hide(boolean on, Node... nodes) {
        for (Node node : nodes) {
            node.setVisible(!on);
            node.setManaged(!on);
        }
    }
}
