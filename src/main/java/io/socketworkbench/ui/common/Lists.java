package io.socketworkbench.ui.common;

import java.util.List;

/** Helpers for the lists behind the window's tables. */
public final class Lists {
    private Lists() {
    }

    /**
     * Makes {@code shown} equal to {@code next}, touching only the places that differ: a table then updates the
     * rows that changed, not every row (a class board publishes its forty rows four times a second).
     */
    public static <T> void replaceChanged(List<T> shown, List<T> next) {
        replaceChanged(shown, next, Integer.MAX_VALUE);
    }

    /**
     * The same, adding at most {@code mostAdded} new items at the end; returns true when more are still to add
     * (a table builds the cells of new rows in the next layout: a few a frame keep each frame short).
     */
    public static <T> boolean replaceChanged(List<T> shown, List<T> next, int mostAdded) {
        int common = Math.min(shown.size(), next.size());
        for (int i = 0; i < common; i++) {
            if (!java.util.Objects.equals(shown.get(i), next.get(i))) {
                shown.set(i, next.get(i));
            }
        }
        if (shown.size() > next.size()) {
            shown.subList(next.size(), shown.size()).clear();
            return false;
        }
        int end = (int) Math.min(next.size(), (long) common + mostAdded);
        if (end > common) {
            shown.addAll(next.subList(common, end));
        }
        return end < next.size();
    }
}
