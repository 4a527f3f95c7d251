package io.socketworkbench.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Buttons made the same way everywhere: an icon, a label that never truncates, a tooltip. */
public final class Buttons {
    private Buttons() {
    }

    public static Button withIcon(String text, FontIcon icon) {
        Button button = new Button(text, icon);
        button.setContentDisplay(ContentDisplay.LEFT);
        button.setTooltip(new Tooltip(text));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** A small button that shows only its icon; {@code text} is its tooltip and what a screen reader says. */
    public static Button iconOnly(FontIcon icon, String text) {
        Button button = new Button(null, icon);
        button.setTooltip(new Tooltip(text));
        button.setAccessibleText(text);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** A pane's main switch (Start/Stop, Connect/Disconnect): enabled while the form is valid. */
    public static void onOff(ToggleButton toggle, String id, ObservableBooleanValue enabled, Runnable on,
                             Runnable off) {
        toggle.setId(id);
        toggle.getStyleClass().add("accent");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        toggle.setOnAction(e -> {
            if (toggle.isSelected()) {
                on.run();
            } else {
                off.run();
            }
        });
    }
}
