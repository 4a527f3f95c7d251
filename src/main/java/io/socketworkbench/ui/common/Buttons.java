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

    /**
     * Buttons of a tool row that show their text while the row has room for it and only their icon (the text
     * stays in the tooltip and for screen readers) when it has not: a narrow window keeps every button whole and
     * in reach instead of cutting labels to "Sa…" or pushing the row past the pane's edge.
     */
    public static void textWhileRoom(Region row, javafx.scene.control.ButtonBase... buttons) {
        for (javafx.scene.control.ButtonBase button : buttons) {
            // Its least width is the icon's (with the button's padding): the row may shrink to that.
            javafx.scene.Node icon = button.getGraphic();
            javafx.beans.InvalidationListener iconWidth = o -> button.setMinWidth(button.snappedLeftInset()
                    + icon.getLayoutBounds().getWidth() + button.snappedRightInset());
            icon.layoutBoundsProperty().addListener(iconWidth);
            iconWidth.invalidated(null);
            button.paddingProperty().addListener(iconWidth);
            if (button.getAccessibleText() == null) {
                button.setAccessibleText(button.getText());
            }
        }
        double[] roomForText = {0};
        row.widthProperty().addListener((o, old, width) -> {
            boolean compact = buttons[0].getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
            if (!compact && width.doubleValue() < row.prefWidth(-1) - 0.5) {
                // Remember what the row needs with the text, to bring the text back when that room returns.
                roomForText[0] = row.prefWidth(-1);
                show(buttons, ContentDisplay.GRAPHIC_ONLY);
            } else if (compact && width.doubleValue() >= roomForText[0]) {
                show(buttons, ContentDisplay.LEFT);
            }
        });
    }

    private static void show(javafx.scene.control.ButtonBase[] buttons, ContentDisplay display) {
        for (javafx.scene.control.ButtonBase button : buttons) {
            button.setContentDisplay(display);
        }
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

    /**
     * An on/off toggle shows what it does next: while {@code running}, pressed, {@code stopText} and a stop icon;
     * otherwise {@code startText} and {@code startIcon}.
     */
    public static void showRunning(ToggleButton toggle, boolean running, String startText, String stopText,
                                   org.kordamp.ikonli.Ikon startIcon) {
        toggle.setSelected(running);
        toggle.setText(running ? stopText : startText);
        toggle.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(running
                ? org.kordamp.ikonli.materialdesign2.MaterialDesignS.STOP : startIcon));
    }
}
