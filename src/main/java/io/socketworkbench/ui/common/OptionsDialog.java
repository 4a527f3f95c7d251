package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.session.ServerLimits;
import io.socketworkbench.lesson.PythonSource;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The socket options of the lesson: set before bind or connect, read back with getsockopt afterwards (Linux
 * doubles a buffer size it is given, and the read-back shows what it really holds).
 */
public final class OptionsDialog {

    /** What the user chose; {@code backlog} and {@code limits} are null for a client. */
    public record Choice(SocketOptionsSpec options, Integer backlog, ServerLimits limits) {}

    private final GridPane grid = new GridPane();
    private final Map<String, Object> readBack;
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final java.util.List<TextField> numbers = new java.util.ArrayList<>();
    private int row;

    private OptionsDialog(Map<String, Object> readBack) {
        this.readBack = readBack == null ? Map.of() : readBack;
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setId("options-grid");
    }

    /**
     * Edits {@code current}. {@code reuseOn} says an unchecked SO_REUSEADDR means 0 rather than "leave it"
     * (a server sets it unless told not to). {@code readBack} is the last getsockopt of an open socket, or null.
     */
    public static Optional<Choice> edit(Window owner, SocketOptionsSpec current, Integer backlog, boolean reuseOn,
                                        Map<String, Object> readBack) {
        return edit(owner, current, backlog, null, reuseOn, readBack);
    }

    /**
     * The server's dialog: its options and backlog, and below them its limits ({@code limits}: the current ones),
     * applied at the next start. The busy text takes escapes ({@code \r\n}).
     */
    public static Optional<Choice> edit(Window owner, SocketOptionsSpec current, Integer backlog, ServerLimits limits,
                                        boolean reuseOn, Map<String, Object> readBack) {
        OptionsDialog form = new OptionsDialog(readBack);
        CheckBox reuse = form.flag("SO_REUSEADDR", current.reuseAddress());
        CheckBox keepAlive = form.flag("SO_KEEPALIVE", current.keepAlive());
        CheckBox noDelay = form.flag("TCP_NODELAY", current.tcpNoDelay());
        CheckBox broadcast = form.flag("SO_BROADCAST", current.broadcast());
        TextField receive = form.number("SO_RCVBUF", current.receiveBuffer(), 1, 1 << 26);
        TextField send = form.number("SO_SNDBUF", current.sendBuffer(), 1, 1 << 26);
        TextField linger = form.number("SO_LINGER", current.linger() == null || current.linger() < 0 ? null
                : current.linger(), 0, 3600);
        linger.setPromptText(t("options.lingerOff"));
        TextField listen = backlog == null ? null : form.number("listen(backlog)", backlog, 0, 65535);
        TextField maxClients = null;
        TextField busy = null;
        TextField idle = null;
        TextField stall = null;
        if (limits != null) {
            maxClients = form.number(t("limits.maxClients"), "max-clients",
                    limits.maxClients() == 0 ? null : limits.maxClients(), 1, 1_000_000);
            maxClients.setPromptText(t("limits.maxClients.prompt"));
            busy = new TextField(io.socketworkbench.codec.Escapes.format(limits.busy(),
                    java.nio.charset.StandardCharsets.UTF_8));
            busy.setPromptText(t("limits.busy.prompt"));
            busy.setId("option-busy");
            busy.setPrefColumnCount(18);
            form.add(t("limits.busy"), busy, false);
            idle = form.number(t("limits.idle"), "idle-timeout", limits.idleSeconds(), 1, 86_400);
            idle.setPromptText(t("limits.never"));
            stall = form.number(t("limits.stall"), "stall-timeout", limits.stallSeconds(), 1, 86_400);
            stall.setPromptText(t("limits.never"));
        }
        final TextField maxField = maxClients;
        final TextField busyField = busy;
        final TextField idleField = idle;
        final TextField stallField = stall;

        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle(t("options.title"));
        dialog.setHeaderText(t("options.header"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Label note = new Label(limits == null ? t("options.note") : t("options.note") + "\n" + t("limits.note"));
        note.setWrapText(true);
        note.getStyleClass().add("state-line");
        note.setMaxWidth(520);
        dialog.getDialogPane().setContent(new VBox(10, form.grid, note));
        ButtonType ok = new ButtonType(t("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(t("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(form.valid.not());
        dialog.setResultConverter(button -> {
            if (button != ok) {
                return null;
            }
            Integer lingerValue = parse(linger);
            SocketOptionsSpec spec = new SocketOptionsSpec(
                    reuse.isSelected() ? Boolean.TRUE : reuseOn ? Boolean.FALSE : null,
                    keepAlive.isSelected() ? Boolean.TRUE : null,
                    noDelay.isSelected() ? Boolean.TRUE : null,
                    parse(receive), parse(send), lingerValue,
                    broadcast.isSelected() ? Boolean.TRUE : null);
            ServerLimits chosen = null;
            if (maxField != null) {
                Integer max = parse(maxField);
                byte[] text;
                try {
                    text = io.socketworkbench.codec.Escapes.parse(busyField.getText(),
                            java.nio.charset.StandardCharsets.UTF_8);
                } catch (io.socketworkbench.codec.PayloadSyntaxException e) {
                    text = busyField.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                chosen = new ServerLimits(max == null ? 0 : max, text, parse(idleField), parse(stallField));
            }
            return new Choice(spec, listen == null ? null : parse(listen), chosen);
        });
        return dialog.showAndWait();
    }

    private CheckBox flag(String name, Boolean value) {
        CheckBox box = new CheckBox();
        box.setSelected(Boolean.TRUE.equals(value));
        box.setId("option-" + name);
        add(name, box);
        return box;
    }

    private TextField number(String name, Integer value, int min, int max) {
        return number(name, name, value, min, max);
    }

    /** A number field labelled {@code label} (an option's name, or words), with the id {@code option-ID}. */
    private TextField number(String label, String id, Integer value, int min, int max) {
        TextField field = new TextField(value == null ? "" : value.toString());
        field.setPromptText(t("options.default"));
        field.setTooltip(new javafx.scene.control.Tooltip(t("options.range", min, max)));
        field.setPrefColumnCount(8);
        field.setId("option-" + id);
        field.textProperty().addListener((o, a, text) -> {
            boolean fine = text.isBlank() || inRange(text, min, max);
            field.getProperties().put("valid", fine);
            valid.set(numbers.stream().allMatch(f -> !Boolean.FALSE.equals(f.getProperties().get("valid"))));
            if (fine) {
                field.getStyleClass().remove("invalid");
            } else if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
        });
        numbers.add(field);
        add(label, field, label.equals(id));
        return field;
    }

    private static boolean inRange(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Integer parse(TextField field) {
        String text = field.getText().strip();
        return text.isEmpty() ? null : Integer.valueOf(text);
    }

    private void add(String name, Node control) {
        add(name, control, true);
    }

    /** A row: the label (in a fixed font when it is a socket option's name), the control, what getsockopt read. */
    private void add(String name, Node control, boolean optionName) {
        Label label = new Label(name);
        if (optionName) {
            label.getStyleClass().add("mono");
        }
        Object now = readBack.get(name);
        Label back = new Label(now == null ? "" : t("options.readBack", PythonSource.value(now)));
        back.getStyleClass().add("state-line");
        grid.addRow(row++, label, control, back);
    }
}
