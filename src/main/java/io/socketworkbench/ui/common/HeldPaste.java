package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A large paste held as the message instead of going into the box: a text box with megabytes of text stalls the
 * window for seconds. While one is held, the box is empty and disabled, and this row says how long the message is,
 * with Discard. Shown only then.
 */
final class HeldPaste extends HBox {
    private final TextArea input;
    private final Runnable changed;
    private final Label note = new Label();
    private String text;

    /** {@code changed} runs when a paste is held or let go: what Send sends changed. */
    HeldPaste(String inputId, TextArea input, Runnable changed) {
        super(6);
        this.input = input;
        this.changed = changed;
        note.getStyleClass().add("held-note");
        note.setId(inputId + "-held");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(note, Priority.ALWAYS);
        Button discard = new Button(t("input.held.discard"));
        discard.getStyleClass().add("flat");
        discard.setOnAction(e -> release());
        discard.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(note, discard);
        setAlignment(Pos.CENTER_LEFT);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Holds {@code pasted} as the message, in place of the box's contents, and says so. */
    void hold(String pasted) {
        text = pasted;
        input.clear();
        input.setDisable(true);
        note.setText(t("input.held", pasted.length()));
        setVisible(true);
        changed.run();
    }

    /** Lets the held paste go: the box is the message again. */
    void release() {
        text = null;
        setVisible(false);
        input.setDisable(false);
        changed.run();
    }

    /** The held paste, or null when the box is the message. */
    String text() {
        return text;
    }
}
