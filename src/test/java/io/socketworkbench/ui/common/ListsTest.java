package io.socketworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** A table's items brought to a new list: only what differs is touched, and new items come a few at a time. */
class ListsTest {
    @Test
    void onlyTheItemsThatDifferAreReplaced() {
        ObservableList<String> shown = FXCollections.observableArrayList("a", "b", "c", "d");
        List<String> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replaced " + c.getFrom() : c.wasAdded() ? "added " + c.getFrom()
                        : "removed " + c.getFrom());
            }
        });
        Lists.replaceChanged(shown, List.of("a", "x", "c"));
        assertThat(shown).containsExactly("a", "x", "c");
        assertThat(changes).containsExactly("replaced 1", "removed 3");
    }

    @Test
    void placesShowTheNewItemsWithTheListChangingOnlyInLength() {
        ObservableList<String[]> places = FXCollections.observableArrayList();
        List<String> changes = new ArrayList<>();
        places.addListener((ListChangeListener<String[]>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replaced" : c.wasAdded() ? "added " + c.getAddedSize()
                        : "removed " + c.getRemovedSize());
            }
        });
        java.util.function.BiConsumer<String[], String> show = (place, item) -> place[0] = item;
        assertThat(Lists.showIn(places, List.of("a", "b", "c", "d", "e"), 3, () -> new String[1], show)).isTrue();
        assertThat(places).extracting(p -> p[0]).containsExactly("a", "b", "c");
        String[] first = places.get(0);
        assertThat(Lists.showIn(places, List.of("e", "d", "c", "b", "a"), 3, () -> new String[1], show)).isFalse();
        assertThat(places).extracting(p -> p[0]).containsExactly("e", "d", "c", "b", "a");
        assertThat(places.get(0)).as("the same place, showing another item").isSameAs(first);
        assertThat(Lists.showIn(places, List.of("z"), 3, () -> new String[1], show)).isFalse();
        assertThat(places).extracting(p -> p[0]).containsExactly("z");
        assertThat(changes).containsExactly("added 3", "added 2", "removed 4");
    }
}
