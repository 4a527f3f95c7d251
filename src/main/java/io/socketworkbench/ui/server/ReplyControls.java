package io.socketworkbench.ui.server;

import io.socketworkbench.session.ReplyMode;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.common.Shown;

import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** What the server does by itself: nothing, echo, greet each client, or greet and close (the homework server). */
final class ReplyControls extends HBox {

    private final ComboBox<ReplyMode> mode = new ComboBox<>(
            FXCollections.observableArrayList(ReplyMode.values()));
    private final TextField greeting = new TextField("This is socket!");

    ReplyControls() {
        mode.setId("server-reply-mode");
        mode.setValue(ReplyMode.NONE);
        mode.setConverter(Shown.as(m -> t(switch (m) {
            case NONE -> "server.reply.none";
            case ECHO -> "server.reply.echo";
            case GREET -> "server.reply.greet";
            case GREET_CLOSE -> "server.reply.greetClose";
            case RULES -> "server.reply.rules";
        })));
        greeting.setId("server-greeting");
        greeting.setPromptText(t("server.reply.greeting"));
        greeting.disableProperty().bind(mode.valueProperty().isEqualTo(ReplyMode.NONE)
                .or(mode.valueProperty().isEqualTo(ReplyMode.ECHO))
                .or(mode.valueProperty().isEqualTo(ReplyMode.RULES)));
        HBox.setHgrow(greeting, Priority.ALWAYS);
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        Label label = new Label(t("server.reply"));
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        mode.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(label, mode, greeting);
    }

    javafx.beans.property.ObjectProperty<ReplyMode> modeProperty() {
        return mode.valueProperty();
    }

    ReplyMode mode() {
        return mode.getValue();
    }

    boolean greets() {
        return mode() == ReplyMode.GREET || mode() == ReplyMode.GREET_CLOSE;
    }

    String greetingText() {
        return greeting.getText();
    }

    /** The greeting as bytes, escapes such as \r\n understood; nothing when it does not parse. */
    byte[] greetingBytes(java.nio.charset.Charset charset) {
        try {
            return io.socketworkbench.codec.Escapes.parse(greetingText(), charset);
        } catch (io.socketworkbench.codec.PayloadSyntaxException e) {
            return new byte[0];
        }
    }

    void set(ReplyMode value, String text) {
        mode.setValue(value);
        greeting.setText(text);
    }
}
