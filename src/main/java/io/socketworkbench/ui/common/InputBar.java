package io.socketworkbench.ui.common;

import io.socketworkbench.session.QuickItem;import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.History;
import io.socketworkbench.ui.model.FileTarget;
import io.socketworkbench.ui.model.Repeater;
import io.socketworkbench.ui.model.FileSender;

import io.socketworkbench.session.Outgoing;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.session.PaneSetup;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.ui.i18n.I18n;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import io.socketworkbench.ui.fx.EventPort;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The message box: what to send, how to read it (text, escapes, hex, Python bytes), and the line ending. */
public final class InputBar extends VBox {
    /** The format and line-ending choices: projector mode hides them. */
    private final HBox options;

    /** The line endings in the order {@link PaneSetup.Ending} has them. */
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
    private final HeldPaste held;
    private final ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(
            PayloadFormat.TEXT, PayloadFormat.ESCAPES, PayloadFormat.HEX, PayloadFormat.PYTHON));
    private final ComboBox<Integer> ending = new ComboBox<>(FXCollections.observableArrayList(0, 1, 2));
    private final Button send;
    private final Label problem = new Label();
    private Supplier<Charset> charset = () -> StandardCharsets.UTF_8;
    private final ComboBox<Checksum> checksum = new ComboBox<>(FXCollections.observableArrayList(Checksum.values()));
    /** The exact bytes Send will write, in hex, with their count. */
    private final Label wirePreview = new Label();
    private final RepeatRow repeatRow;
    private final History history = new History();
    private final Function<byte[], String> onSend;
    /** Manual sends so far, for {{counter}}. */
    private long manualSends;
    private final FileSendRow fileRow;
    private final QuickPanel quick;
    /** The wire preview and the repeat's count, under the input. */
    private HBox under;

    /**
     * {@code onSend} hands bytes to the session and returns a problem to show (not connected) or null. The ids of
     * the other controls are the input's with {@code -input} taken off: {@code client-append},
     * {@code client-wire-preview}, {@code client-repeat}, {@code client-repeat-interval}, {@code client-repeat-count}.
     */
    public InputBar(String inputId, String sendId, EventPort port, Function<byte[], String> onSend) {
        this.onSend = onSend;
        held = new HeldPaste(inputId, input, this::validate);
        String prefix = inputId.replace("-input", "");
        this.repeatRow = new RepeatRow(prefix, new Repeater(port), this::showProblem,
                () -> bytes().isEmpty() ? null : outgoing(), onSend);
        this.fileRow = new FileSendRow(prefix, new FileSender(port), this::showProblem,
                () -> problem.setVisible(false));
        this.quick = new QuickPanel(prefix, port, this::sendQuick, this::showProblem);
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
        send.setOnAction(e -> sendOnce());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean upOrDown = e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN;
            if (upOrDown && held.text() == null && recall(e.getCode())) {
                e.consume();
                return;
            }
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
        format.setConverter(Shown.as(f -> t("input.format." + f.name().toLowerCase(Locale.ROOT))));
        ending.setValue(0);
        ending.setConverter(Shown.as(i -> t(ENDING_KEYS[i])));
        input.textProperty().addListener((o, a, b) -> validate());
        format.valueProperty().addListener((o, a, b) -> validate());
        ending.valueProperty().addListener((o, a, b) -> validate());
        checksum.valueProperty().addListener((o, a, b) -> validate());
        checksum.setId(prefix + "-append");
        checksum.setValue(Checksum.NONE);
        checksum.setConverter(Shown.as(c -> c == Checksum.NONE ? t("input.checksum.none")
                : t("input.checksum.named", NAMES.get(c))));
        checksum.setTooltip(new javafx.scene.control.Tooltip(t("input.checksum.tip")));
        wirePreview.setId(prefix + "-wire-preview");
        wirePreview.getStyleClass().add("wire-preview");
        wirePreview.setMaxWidth(Double.MAX_VALUE);
        wirePreview.setMinWidth(0);
        wirePreview.setTooltip(new javafx.scene.control.Tooltip(t("input.wire.tip")));

        problem.getStyleClass().add("input-problem");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());

        options = new HBox(6, format, ending, checksum);
        options.setAlignment(Pos.CENTER_LEFT);
        VBox side = new VBox(2, fileRow.button(), send);
        side.setAlignment(Pos.BOTTOM_CENTER);
        HBox row = new HBox(6, input, side);
        HBox.setHgrow(wirePreview, Priority.ALWAYS);
        under = new HBox(6, wirePreview, repeatRow.status());
        under.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(quick, options, repeatRow, held, row, under, fileRow, problem);
        setSpacing(4);
        validate();
    }

    /** Display names of the checksums, as device manuals write them. */
    private static final java.util.Map<Checksum, String> NAMES = java.util.Map.of(
            Checksum.NONE, "", Checksum.SUM8, "SUM8", Checksum.XOR8, "XOR8", Checksum.CRC8, "CRC-8",
            Checksum.CRC16_MODBUS, "CRC16-Modbus", Checksum.CRC16_CCITT, "CRC16-CCITT", Checksum.CRC32, "CRC-32",
            Checksum.LRC, "LRC");

    /** What the controls say the message is, as the view model reads it. */
    private Outgoing outgoing() {
        return new Outgoing(message(), format.getValue(), ENDINGS[ending.getValue()], checksum.getValue(),
                charset.get());
    }

    private void sendOnce() {
        Optional<byte[]> bytes = bytes();
        if (bytes.isEmpty()) {
            return;
        }
        String problem = onSend.apply(bytes.get());
        if (problem != null) {
            showProblem(problem);
            return;
        }
        manualSends++;
        if (held.text() == null) {
            history.add(input.getText());
        }
        clearInput();
    }

    /** Up on the first line or Down on the last recalls an earlier or later message. */
    private boolean recall(KeyCode key) {
        String text = input.getText();
        int caret = input.getCaretPosition();
        if (key == KeyCode.UP && text.substring(0, caret).indexOf('\n') < 0) {
            String earlier = history.up(text);
            if (earlier != null) {
                input.setText(earlier);
                input.positionCaret(earlier.length());
            }
            return earlier != null;
        }
        if (key == KeyCode.DOWN && text.indexOf('\n', caret) < 0) {
            String later = history.down();
            if (later != null) {
                input.setText(later);
                input.positionCaret(later.length());
            }
            return later != null;
        }
        return false;
    }

    /**
     * Files go where {@code target} says at the moment of sending (the session: the connection, the selected
     * client or all); {@code notes} takes the transcript's lines about it.
     */
    public void filesGoTo(java.util.function.Supplier<FileTarget> target, Consumer<Message> notes) {
        fileRow.goTo(target, notes);
    }

    /** A quick message, in its own format, with the input's line ending and checksum; a problem or null. */
    private String sendQuick(QuickItem item) {
        byte[] data;
        try {
            data = new Outgoing(item.payload(), item.format(), ENDINGS[ending.getValue()], checksum.getValue(),
                    charset.get()).wire(1);
        } catch (PayloadSyntaxException e) {
            return I18n.syntax(e);
        }
        return onSend.apply(data);
    }

    /**
     * The pane's tools as data: Send's format, line ending and checksum, the repeat's interval and count and the
     * quick messages from here, the transcript's {@code view}, {@code charset} and {@code framing} as given.
     */
    public PaneSetup tools(PayloadFormat view, String charsetName, String framing) {
        long[] repeat = repeatRow.setting();
        return new PaneSetup(format.getValue(), PaneSetup.Ending.values()[ending.getValue()], checksum.getValue(),
                view, charsetName, framing, repeat[0], repeat[1], quick.list().items().get());
    }

    /** Shows a workspace's Send format, line ending, checksum, repeat and quick messages. */
    public void show(PaneSetup tools) {
        format.setValue(tools.sendFormat());
        ending.setValue(tools.ending().ordinal());
        checksum.setValue(tools.checksum());
        repeatRow.show(tools.repeatInterval(), tools.repeatCount());
        quick.list().replaceAll(tools.quick());
    }

    public QuickPanel quick() {
        return quick;
    }

    /**
     * A file dropped on {@code area} (the pane) is sent as the button would send it; Ctrl+1…9 there sends the
     * pane's quick messages.
     */
    public void acceptFileDrops(javafx.scene.Node area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown() && e.getCode().isDigitKey()
                    && e.getCode() != KeyCode.DIGIT0 && e.getCode() != KeyCode.NUMPAD0) {
                String digit = e.getCode().getName().replaceAll("\\D", "");
                quick.sendNumber(Integer.parseInt(digit));
                e.consume();
            }
        });
        area.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        area.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
            if (ok) {
                sendFile(e.getDragboard().getFiles().get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Sends {@code file}'s bytes as they are (no line ending or checksum), with progress and a Cancel. */
    public void sendFile(java.nio.file.Path file) {
        fileRow.send(file);
    }

    /** The file send, for tests. */
    public FileSender files() {
        return fileRow.files();
    }

    /** The repeat, for tests and the window's shutdown. */
    public Repeater repeater() {
        return repeatRow.repeater();
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
        held.hold(text);
    }

    /** What Send sends: the held paste, or what the box says. */
    private String message() {
        return held.text() != null ? held.text() : input.getText();
    }

    /** Checks the input as the user types; a bad hex digit is pointed at before anything is sent. */
    private boolean validate() {
        try {
            Outgoing message = outgoing();
            byte[] wire = message.wire(manualSends + 1);
            wirePreview.setText(wire.length == 0 ? t("input.wire.empty")
                    : t(message.varies() ? "input.wire.varies" : "input.wire", wire.length,
                            Outgoing.previewHex(wire)));
            problem.setVisible(false);
            input.getStyleClass().remove("invalid");
            return true;
        } catch (PayloadSyntaxException e) {
            wirePreview.setText(t("input.wire.none"));
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
            return Optional.of(outgoing().wire(manualSends + 1));
        } catch (PayloadSyntaxException e) {
            validate();
            if (held.text() == null) {
                int at = Math.min(e.position(), text.length());
                input.selectRange(at, Math.min(text.length(), at + Math.max(1, e.offending().length())));
                input.requestFocus();
            }
            return Optional.empty();
        }
    }

    public void clearInput() {
        if (held.text() != null) {
            held.release();
        }
        input.clear();
    }

    public void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    /** Projector mode: the class watches the message, not the format choices. */
    public void projector(boolean on) {
        // On a projector every line counts: the class watches the message and the transcript, not the tools.
        Projector.hide(on, options, repeatRow, quick, under, fileRow.button());
    }
}
