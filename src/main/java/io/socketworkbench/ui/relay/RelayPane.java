package io.socketworkbench.ui.relay;
import io.socketworkbench.ui.model.RelaySession;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.TitleRow;
import io.socketworkbench.ui.common.TranscriptView;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.session.RelaySetup;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The relay: listens on a port ({@code relay-port}) and forwards every client to a target ({@code relay-to-host},
 * {@code relay-to-port}), started and stopped with {@code relay-start}; both directions show in one transcript
 * ({@code relay-transcript}). TLS to the clients ({@code relay-tls}) and to the target ({@code relay-to-tls}, its
 * certificate checked unless {@code relay-to-verify} is off, said in red): the transcript shows the plaintext.
 * Bound to a {@link RelaySession}.
 */
public final class RelayPane extends VBox {
    private final RelaySession session;
    private final TextField port = new TextField("37778");
    private final TextField toHost = new TextField("127.0.0.1");
    private final TextField toPort = new TextField("37777");
    private final ToggleButton start = new ToggleButton();
    private final CheckBox tls = new CheckBox(t("relay.tls"));
    private final CheckBox toTls = new CheckBox(t("relay.toTls"));
    private final CheckBox verify = new CheckBox(t("relay.verify"));
    private final TranscriptView transcript;

    /** The pane of {@code session}, the view model that the window made and owns the relay. */
    public RelayPane(RelaySession session, EventPort events) {
        this.session = session;
        getStyleClass().add("pane-card");
        setSpacing(8);
        Label title = new Label(t("relay.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        Label state = new Label();
        state.setId("relay-state");
        state.getStyleClass().add("state-line");
        session.status().observe(state::setText);

        port.setId("relay-port");
        toHost.setId("relay-to-host");
        toPort.setId("relay-to-port");
        for (TextField field : new TextField[] {port, toPort}) {
            field.setPrefColumnCount(4);
            field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(toHost, Priority.ALWAYS);
        toHost.setMinWidth(110);
        toHost.setPrefColumnCount(12);
        BooleanBinding valid = Bindings.createBooleanBinding(
                () -> portOf(port.getText(), 0) >= 0 && portOf(toPort.getText(), 1) >= 0
                        && !toHost.getText().isBlank(),
                port.textProperty(), toPort.textProperty(), toHost.textProperty());
        for (TextField field : new TextField[] {port, toPort, toHost}) {
            field.textProperty().addListener((o, a, b) -> {
                field.getStyleClass().remove("invalid");
                if (!valid.get() && (field == toHost ? toHost.getText().isBlank()
                        : portOf(field.getText(), field == port ? 0 : 1) < 0)) {
                    field.getStyleClass().add("invalid");
                }
            });
        }
        Buttons.onOff(start, "relay-start", valid, this::startRelay, session::stop);
        session.running().observe(on -> {
            Buttons.showRunning(start, on, t("relay.start"), t("relay.stop"), MaterialDesignP.PLAY);
            port.setDisable(on);
            toHost.setDisable(on);
            toPort.setDisable(on);
            tls.setDisable(on);
            toTls.setDisable(on);
            verify.setDisable(on || !toTls.isSelected());
        });
        Label listenLabel = new Label(t("relay.listen"));
        Label toLabel = new Label(t("relay.to"));
        Label colon = new Label(":");
        for (Label label : new Label[] {listenLabel, toLabel}) {
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // Two halves that wrap, one under the other, where the pane is narrow (a 1024-wide screen).
        HBox listen = new HBox(6, listenLabel, port);
        HBox forward = new HBox(6, toLabel, toHost, colon, toPort, start);
        listen.setAlignment(Pos.CENTER_LEFT);
        forward.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane form = new javafx.scene.layout.FlowPane(6, 6, listen, forward);
        form.setAlignment(Pos.CENTER_LEFT);
        HBox secure = tlsRow();
        Label how = new Label(t("relay.how"));
        how.setWrapText(true);
        how.getStyleClass().add("state-line");
        how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        transcript = new TranscriptView("relay-transcript", session.transcript());
        VBox.setVgrow(transcript, Priority.ALWAYS);
        getChildren().addAll(TitleRow.of(title, state), form, secure, tlsInfo(), warning(), how, transcript);
    }

    /** TLS to the clients (this machine's certificate) and to the target, checked or not. */
    private HBox tlsRow() {
        tls.setId("relay-tls");
        toTls.setId("relay-to-tls");
        verify.setId("relay-to-verify");
        tls.setTooltip(new Tooltip(t("relay.tls.tip")));
        toTls.setTooltip(new Tooltip(t("relay.toTls.tip")));
        verify.setTooltip(new Tooltip(t("relay.verify.tip")));
        verify.setSelected(true);
        verify.setDisable(true);
        toTls.selectedProperty().addListener((o, was, on) -> verify.setDisable(!on || session.running().get()));
        HBox row = new HBox(12, tls, toTls, verify);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The certificate the relay shows its clients, from the session once started with TLS. */
    private Label tlsInfo() {
        Label info = new Label();
        info.setId("relay-tls-info");
        info.getStyleClass().add("tls-info");
        info.setWrapText(true);
        info.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        info.managedProperty().bind(info.visibleProperty());
        session.tlsInfo().observe(text -> {
            info.setText(text == null ? "" : text);
            info.setVisible(text != null);
        });
        return info;
    }

    /** Red while the target's certificate is not checked: chosen so, or a relay running so. */
    private Label warning() {
        Label warning = new Label(t("relay.unchecked"));
        warning.setId("relay-tls-warning");
        warning.getStyleClass().add("input-problem");
        warning.setWrapText(true);
        warning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        warning.managedProperty().bind(warning.visibleProperty());
        Runnable show = () -> warning.setVisible(toTls.isSelected() && !verify.isSelected()
                || Boolean.TRUE.equals(session.unchecked().get()));
        toTls.selectedProperty().addListener((o, a, b) -> show.run());
        verify.selectedProperty().addListener((o, a, b) -> show.run());
        session.unchecked().observe(on -> show.run());
        return warning;
    }

    private void startRelay() {
        session.start(setup());
    }

    /** What the form says now: where to listen and forward, and TLS on either side. */
    public RelaySetup setup() {
        return new RelaySetup(portOf(port.getText(), 0), toHost.getText(), portOf(toPort.getText(), 1),
                tls.isSelected(), toTls.isSelected(), verify.isSelected());
    }

    /** Shows {@code setup} in the form (a workspace opened); a running relay keeps running as it was. */
    public void show(RelaySetup setup) {
        port.setText(String.valueOf(setup.port()));
        toHost.setText(setup.host());
        toPort.setText(String.valueOf(setup.targetPort()));
        tls.setSelected(setup.tls());
        toTls.setSelected(setup.toTls());
        verify.setSelected(setup.verifyTarget());
    }

    /** The number in {@code text} when it is a port from {@code min} to 65535, else -1. */
    private static int portOf(String text, int min) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= min && n <= 65_535 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public RelaySession session() {
        return session;
    }

    public void stop() {
        session.stop();
    }
}
