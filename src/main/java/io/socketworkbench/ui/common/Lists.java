package io.socketworkbench.ui.common;

import java.util.List;

/** Helpers for the lists behind the window's tables. */
public final class Lists {
    private Lists() {
    }

    /**
     * Makes {@code shown} equal to {@code next}, touching only the places that differ: a table then updates the
     * rows that changed, not every row (a class board publishes its forty rows ten times a second).
     */
    public static <T> void replaceChanged(List<T> shown, List<T> next) {
        int common = Math.min(shown.size(), next.size());
        for (int i = 0; i < common; i++) {
            if (!java.util.Objects.equals(shown.get(i), next.get(i))) {
                shown.set(i, next.get(i));
            }
        }
        if (shown.size() > next.size()) {
            shown.subList(next.size(), shown.size()).clear();
        } else if (next.size() > common) {
            shown.addAll(next.subList(common, next.size()));
        }
    }
}
