package io.socketworkbench.ui.client;

import io.socketworkbench.session.ClientLab;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.ui.common.Deferred;
import io.socketworkbench.ui.common.OptionsDialog;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The client's socket lab, for the rest of the tutorial: connect or connect_ex, settimeout, setblocking,
 * recv's bufsize, receiving by hand, shutdown(SHUT_WR), socket options, and the Python 2/3 bytes note.
 */
final class LabControls extends TitledPane {
    private final FittingScroll scroll;

    private final ComboBox<String> connectCall = new ComboBox<>();
    private final TextField timeout = new TextField();
    private final CheckBox nonBlocking = new CheckBox("setblocking(False)");
    private final ComboBox<String> bufsize = new ComboBox<>();
    private final CheckBox manual = new CheckBox(t("lab.manual"));
    final Button recv = new Button();
    final Button shutdown = new Button("shutdown(SHUT_WR)");
    private final Button options = new Button(t("lab.options"));
    private SocketOptionsSpec spec = SocketOptionsSpec.DEFAULTS;
    private Map<String, Object> readBack;

    LabControls(String suffix, Runnable onRecv, Runnable onShutdown) {
        setText(t("lab.title"));
        setId("client-lab" + suffix);
        setExpanded(false);
        getStyleClass().add("lab");
        connectCall.getItems().addAll("connect()", "connect_ex()");
        connectCall.getSelectionModel().select(0);
        connectCall.setId("client-connect-call" + suffix);
        connectCall.setTooltip(new Tooltip(t("lab.connectEx.tip")));
        timeout.setId("client-timeout" + suffix);
        timeout.setPromptText("None");
        timeout.setPrefColumnCount(4);
        timeout.setTooltip(new Tooltip(t("lab.timeout.tip") + "\n" + t("options.range", 0, 86_400)));
        timeout.textProperty().addListener((o, a, text) -> mark(timeout, text.isBlank() || timeoutValue() != null));
        nonBlocking.setId("client-nonblocking" + suffix);
        nonBlocking.setTooltip(new Tooltip(t("lab.nonBlocking.tip")));
        bufsize.setEditable(true);
        bufsize.getItems().addAll("1", "4", "16", "1024", "4096", "65536");
        bufsize.setValue("1024");
        bufsize.getStyleClass().add("bufsize-field");
        bufsize.setId("client-bufsize" + suffix);
        bufsize.setTooltip(new Tooltip(t("lab.bufsize.tip") + "\n" + t("options.range", 1, 1 << 20)));
        bufsize.getEditor().textProperty().addListener((o, a, text) -> mark(bufsize, parse(text) != null));
        manual.setId("client-manual-recv" + suffix);
        manual.setTooltip(new Tooltip(t("lab.manual.tip")));
        recv.setId("client-recv" + suffix);
        recv.setOnAction(e -> onRecv.run());
        recv.textProperty().bind(javafx.beans.binding.Bindings.concat("recv(", bufsize.valueProperty(), ")"));
        recv.disableProperty().bind(manual.selectedProperty().not());
        shutdown.setId("client-shutdown" + suffix);
        shutdown.setMnemonicParsing(false);
        recv.setMnemonicParsing(false);
        nonBlocking.setMnemonicParsing(false);
        shutdown.setTooltip(new Tooltip(t("lab.shutdown.tip")));
        shutdown.setOnAction(e -> onShutdown.run());
        shutdown.setDisable(true);
        options.setId("client-options" + suffix);
        options.setOnAction(e -> OptionsDialog.edit(getScene() == null ? null : getScene().getWindow(), spec, null,
                false, readBack).ifPresent(choice -> spec = choice.options()));

        FlowPane row1 = new FlowPane(10, 6, group(t("lab.connectWith"), connectCall),
                group("settimeout", timeout, new Label(t("lab.seconds"))), nonBlocking, options);
        FlowPane row2 = new FlowPane(10, 6, group("recv(bufsize)", bufsize), manual, recv, shutdown);
        Label note = new Label(t("lab.python3"));
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("state-line");
        note.setId("client-python3-note" + suffix);
        VBox content = new VBox(8, row1, row2, note);
        // On a projector the lab may be taller than the pane: it scrolls inside a bounded box (workbench.css)
        // instead of pushing the transcript and the Send button off the screen.
        scroll = new FittingScroll(content);
        Deferred.content(this, scroll);
    }

    /** Scrolls only where the pane is too short: elsewhere it asks for all of its content's height. */
    private static final class FittingScroll extends javafx.scene.control.ScrollPane {
        private final VBox content;

        FittingScroll(VBox content) {
            super(content);
            this.content = content;
            setFitToWidth(true);
            setHbarPolicy(ScrollBarPolicy.NEVER);
            // Whole wherever it fits; projector mode lets it shrink and scroll.
            setMinHeight(USE_PREF_SIZE);
        }

        @Override
        public javafx.geometry.Orientation getContentBias() {
            return javafx.geometry.Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefHeight(double width) {
            double inner = width > 0 ? width - snappedLeftInset() - snappedRightInset() : -1;
            return content.prefHeight(inner) + snappedTopInset() + snappedBottomInset();
        }
    }

    private static HBox group(String name, javafx.scene.Node... controls) {
        Label label = new Label(name);
        label.getStyleClass().add("mono");
        HBox box = new HBox(6, label);
        box.getChildren().addAll(controls);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void mark(javafx.scene.Node node, boolean fine) {
        if (fine) {
            node.getStyleClass().remove("invalid");
        } else if (!node.getStyleClass().contains("invalid")) {
            node.getStyleClass().add("invalid");
        }
    }

    private static Integer parse(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= 1 << 20 ? n : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private Double timeoutValue() {
        try {
            double seconds = Double.parseDouble(timeout.getText().strip());
            return seconds >= 0 && seconds <= 86_400 ? seconds : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The lab as it stands; a bad field counts as its default. */
    /**
     * The lab stays on a projector (it is teaching material), but may shrink and scroll there, so that the
     * transcript and the Send button stay on the screen.
     */
    void projector(boolean on) {
        scroll.setMinHeight(on ? 0 : javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    ClientLab lab() {
        Integer size = parse(bufsize.getEditor().getText());
        return new ClientLab(connectCall.getSelectionModel().getSelectedIndex() == 1, timeoutValue(),
                nonBlocking.isSelected(), size == null ? 1024 : size, manual.isSelected());
    }

    SocketOptionsSpec options() {
        return spec;
    }

    void options(SocketOptionsSpec value) {
        spec = value;
    }

    void readBack(Map<String, Object> values) {
        readBack = values;
    }

    /** For the examples and tests. */
    void set(ClientLab lab) {
        connectCall.getSelectionModel().select(lab.connectEx() ? 1 : 0);
        timeout.setText(lab.timeout() == null ? "" : io.socketworkbench.lesson.PythonSource.seconds(lab.timeout()));
        nonBlocking.setSelected(lab.nonBlocking());
        bufsize.setValue(Integer.toString(lab.bufsize()));
        bufsize.getEditor().setText(Integer.toString(lab.bufsize()));
        manual.setSelected(lab.manualReceive());
    }
}
