package io.socketworkbench.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.ListView;

/**
 * Keeps a list's newest row in sight. Rows of their own height are measured only when laid out, so a scroll lands
 * by estimate and can leave the last row half hidden: this scrolls now, and once more after the next layout, when
 * the rows have their real heights. A list has at most one such scroll pending, however many rows a flood adds.
 */
public final class ScrollToNewest {
    private static final String PENDING = "socketworkbench.listEnd.pending";

    private ScrollToNewest() {
    }

    /** True from a {@link #show} until the layout after it: the scroll bar has not caught up with the list yet. */
    public static boolean pending(ListView<?> list) {
        return list.getProperties().containsKey(PENDING);
    }

    public static void show(ListView<?> list) {
        if (pending(list)) {
            return;
        }
        scrollToLast(list);
        Scene scene = list.getScene();
        if (scene == null) {
            return;
        }
        list.getProperties().put(PENDING, Boolean.TRUE);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            list.getProperties().remove(PENDING);
            scrollToLast(list);
            // Rows measured by estimate can leave the end short of the bottom; the scroll bar's end is the end.
            for (javafx.scene.Node node : list.lookupAll(".scroll-bar")) {
                if (node instanceof javafx.scene.control.ScrollBar bar
                        && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible()) {
                    bar.setValue(bar.getMax());
                }
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void scrollToLast(ListView<?> list) {
        if (!list.getItems().isEmpty()) {
            list.scrollTo(list.getItems().size() - 1);
        }
    }
}
