package io.socketworkbench.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A pane's title and its state line. The title keeps its full width; a long state line gives way (ending in
 * "…") and shows all of itself in a tooltip.
 */
public final class TitleRow {
    private TitleRow() {
    }

    public static HBox of(Label title, Label state) {
        title.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(0);
        state.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(state, Priority.SOMETIMES);
        Tooltip full = new Tooltip();
        full.textProperty().bind(state.textProperty());
        full.setWrapText(true);
        full.setMaxWidth(600);
        state.setTooltip(full);
        HBox row = new HBox(10, title, state);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
