package io.socketworkbench.ui.common;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.TitledPane;

/**
 * A titled pane's content that joins the scene only when the pane is first both visible and expanded. Until then
 * its controls get no skins and no styles: for the socket lab and the rule editor, closed at start-up, that is most
 * of what they cost before the first frame. The controls themselves exist from the start, so the pane's owner reads
 * and sets them as before.
 */
public final class Deferred {
    private Deferred() {
    }

    public static void content(TitledPane pane, Node content) {
        InvalidationListener attach = new InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable changed) {
                if (pane.getContent() == null && pane.isExpanded() && pane.isVisible()) {
                    pane.setContent(content);
                    pane.expandedProperty().removeListener(this);
                    pane.visibleProperty().removeListener(this);
                }
            }
        };
        pane.expandedProperty().addListener(attach);
        pane.visibleProperty().addListener(attach);
        attach.invalidated(null);
    }
}
