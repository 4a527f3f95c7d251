package io.socketworkbench.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** Buttons with an icon and a label, the same way everywhere. */
public final class Icons {
    private Icons() {
    }

    public static Button button(String text, FontIcon icon) {
        Button button = new Button(text, icon);
        button.setContentDisplay(ContentDisplay.LEFT);
        button.setTooltip(new Tooltip(text));
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return button;
    }
}
