package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.ui.i18n.I18n;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The message box: what to send, how to read it (text, escapes, hex, Python bytes), and the line ending. */
public final class InputBar extends VBox {
    /** The format and line-ending choices: projector mode hides them. */
    private final HBox options;

    private static final String[] ENDINGS = {"", "\n", "\r\n"};
    private static final String[] ENDING_KEYS = {"input.ending.none", "input.ending.lf", "input.ending.crlf"};

    /** Pasted text longer than this is held as the message instead of going into the box, which would freeze. */
    public static final int LARGE_PASTE = 64 * 1024;

    private final TextArea input = new TextArea() {
        @Override
        public void paste() {
            String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
            if (text != null && text.length() > LARGE_PASTE) {
                hold(text);
            } else {
                super.paste();
            }
        }
    };
    /** A large paste, held as the message: a text box with megabytes of text stalls the window for seconds. */
    private String held;
    private final Label heldNote = new Label();
    private final Button discard = new Button();
    private final HBox heldBar;
    private final ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(
            PayloadFormat.TEXT, PayloadFormat.ESCAPES, PayloadFormat.HEX, PayloadFormat.PYTHON));
    private final ComboBox<Integer> ending = new ComboBox<>(FXCollections.observableArrayList(0, 1, 2));
    private final Button send;
    private final Label problem = new Label();
    private Supplier<Charset> charset = () -> StandardCharsets.UTF_8;

    public InputBar(String inputId, String sendId, Consumer<byte[]> onSend) {
        input.setId(inputId);
        format.setId(inputId + "-format");
        input.setPromptText(t("input.prompt"));
        input.setPrefRowCount(2);
        input.setWrapText(true);
        HBox.setHgrow(input, Priority.ALWAYS);
        send = Buttons.withIcon(t("input.send"), new FontIcon(MaterialDesignS.SEND));
        send.setId(sendId);
        // The hint sits on the button: a tooltip on the box would pop up over the button while one types.
        send.setTooltip(new javafx.scene.control.Tooltip(t("input.tip")));
        send.getStyleClass().add("accent");
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        send.setOnAction(e -> bytes().ifPresent(onSend));
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            e.consume();
            if (e.isShiftDown()) {
                // TextArea has no binding of its own for Shift+Enter.
                input.replaceSelection("\n");
            } else {
                send.fire();
            }
        });
        format.setValue(PayloadFormat.TEXT);
        format.setConverter(converter(f -> t("input.format." + f.name().toLowerCase(Locale.ROOT))));
        ending.setValue(0);
        ending.setConverter(converter(i -> t(ENDING_KEYS[i])));
        input.textProperty().addListener((o, a, b) -> validate());
        format.valueProperty().addListener((o, a, b) -> validate());
        problem.getStyleClass().add("input-problem");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());

        heldNote.getStyleClass().add("held-note");
        heldNote.setId(inputId + "-held");
        heldNote.setWrapText(true);
        discard.setText(t("input.held.discard"));
        discard.getStyleClass().add("flat");
        discard.setOnAction(e -> release());
        discard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        heldNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        heldNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heldNote, Priority.ALWAYS);
        heldBar = new HBox(6, heldNote, discard);
        heldBar.setAlignment(Pos.CENTER_LEFT);
        heldBar.setVisible(false);
        heldBar.managedProperty().bind(heldBar.visibleProperty());
        options = new HBox(6, format, ending);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(6, send);
        side.setAlignment(Pos.BOTTOM_CENTER);
        HBox row = new HBox(6, input, side);
        getChildren().addAll(options, heldBar, row, problem);
        setSpacing(4);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** Where text is encoded: the transcript's charset chooser. */
    public void charsetFrom(Supplier<Charset> source) {
        charset = source;
    }

    public TextArea input() {
        return input;
    }

    public Button sendButton() {
        return send;
    }

    /** Holds {@code text} as the message to send, in place of the box's contents, and says so. */
    public void hold(String text) {
        held = text;
        input.clear();
        input.setDisable(true);
        heldNote.setText(t("input.held", text.length()));
        heldBar.setVisible(true);
        validate();
    }

    private void release() {
        held = null;
        heldBar.setVisible(false);
        input.setDisable(false);
        validate();
    }

    /** What Send sends: the held paste, or what the box says. */
    private String message() {
        return held != null ? held : input.getText();
    }

    /** Checks the input as the user types; a bad hex digit is pointed at before anything is sent. */
    private boolean validate() {
        try {
            format.getValue().parse(message(), charset.get());
            problem.setVisible(false);
            input.getStyleClass().remove("invalid");
            return true;
        } catch (PayloadSyntaxException e) {
            problem.setText(I18n.syntax(e));
            problem.setVisible(true);
            if (!input.getStyleClass().contains("invalid")) {
                input.getStyleClass().add("invalid");
            }
            return false;
        }
    }

    /** The bytes to send, with the line ending; empty (and the problem shown and selected) if the input is bad. */
    public Optional<byte[]> bytes() {
        String text = message();
        try {
            byte[] body = format.getValue().parse(text, charset.get());
            byte[] end = ENDINGS[ending.getValue()].getBytes(StandardCharsets.US_ASCII);
            byte[] all = java.util.Arrays.copyOf(body, body.length + end.length);
            System.arraycopy(end, 0, all, body.length, end.length);
            return Optional.of(all);
        } catch (PayloadSyntaxException e) {
            validate();
            if (held == null) {
                int at = Math.min(e.position(), text.length());
                input.selectRange(at, Math.min(text.length(), at + Math.max(1, e.offending().length())));
                input.requestFocus();
            }
            return Optional.empty();
        }
    }

    public void clearInput() {
        if (held != null) {
            release();
        }
        input.clear();
    }

    public void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    /** Projector mode: the class watches the message, not the format choices. */
    public void projector(boolean on) {
        Projector.hide(on, options);
    }
}
