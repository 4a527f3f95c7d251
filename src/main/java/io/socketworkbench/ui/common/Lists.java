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

    /**
     * Shows {@code next} in {@code places}, a table's items that each show one item: the place at an index is told
     * the item at that index ({@code show}), so that the list itself changes only when it grows or shrinks. A table
     * re-lays out every row at any change of its items; a place's own properties update only the cells whose value
     * changed. At most {@code mostAdded} new places are made ({@code make}); returns true when more are still to add.
     */
    public static <T, P> boolean showIn(List<P> places, List<T> next, int mostAdded,
                                        java.util.function.Supplier<P> make,
                                        java.util.function.BiConsumer<P, T> show) {
        if (places.size() > next.size()) {
            places.subList(next.size(), places.size()).clear();
        }
        int common = places.size();
        for (int i = 0; i < common; i++) {
            show.accept(places.get(i), next.get(i));
        }
        int end = (int) Math.min(next.size(), (long) common + mostAdded);
        if (end > common) {
            List<P> added = new java.util.ArrayList<>(end - common);
            for (int i = common; i < end; i++) {
                P place = make.get();
                show.accept(place, next.get(i));
                added.add(place);
            }
            places.addAll(added);
        }
        return end < next.size();
    }

    /**
     * Gives {@code list}, whose rows are all one line, a fixed row height: that of a row with its styles applied,
     * measured at the first row shown and again whenever the rows' type changes (zoom, projector mode). A list
     * without one lays out a row, off screen, for each row it measures, whenever its items change or it scrolls:
     * most of a pulse when a storm of connections fills the server's log. Call it for each cell the list makes.
     */
    public static void fixRowHeight(javafx.scene.control.ListView<?> list, javafx.scene.control.IndexedCell<?> cell) {
        Runnable measure = () -> {
            if (list.getFixedCellSize() <= 0 && !cell.isEmpty() && cell.getScene() != null) {
                double height = cell.prefHeight(-1);
                if (height > 0) {
                    list.setFixedCellSize(height);
                }
            }
        };
        cell.emptyProperty().addListener((o, was, empty) -> {
            if (!empty && list.getFixedCellSize() <= 0) {
                BeforeLayout.run(list, measure);
            }
        });
        cell.fontProperty().addListener((o, was, font) -> {
            list.setFixedCellSize(-1); // rows measured as they are for the pulse, then fixed again
            BeforeLayout.run(list, measure);
        });
    }
}
