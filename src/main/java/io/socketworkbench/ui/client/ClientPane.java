package io.socketworkbench.ui.client;
import io.socketworkbench.ui.model.ClientSession;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.EndpointForm;
import io.socketworkbench.ui.common.FramingPicker;
import io.socketworkbench.ui.common.InputBar;
import io.socketworkbench.ui.common.Projector;
import io.socketworkbench.ui.common.StatsPanel;
import io.socketworkbench.ui.common.TitleRow;
import io.socketworkbench.ui.common.TranscriptView;
import io.socketworkbench.ui.fx.EventPort;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The client pane: the form, the socket lab, the transcript and the input, bound to a {@link ClientSession} that
 * owns the socket. The pane reads its controls only to build a request when the user acts.
 */
public final class ClientPane extends VBox {
    private final ClientSession session;
    private final EndpointForm form;
    private final ToggleButton connect = new ToggleButton(t("client.connect"),
            new FontIcon(MaterialDesignL.LAN_CONNECT));
    private final Label state = new Label();
    private final TranscriptView transcript;
    private final InputBar inputBar;
    private final FramingPicker framing;
    private final LabControls lab;
    /** Shown for UDP: SO_BROADCAST, the TTL and interface of datagrams to a group. */
    private final io.socketworkbench.ui.common.MulticastRow udpRow;
    /** Shown for TLS: the CA file, the server name, "check the certificate", and what the handshake agreed. */
    private final io.socketworkbench.ui.common.TlsRow tlsRow;
    private final CaptureButton captureButton;
    private StatsPanel statsPanel;
    private io.socketworkbench.ui.common.LogFileButton logButton;

    /** {@code suffix} keeps node ids unique when there are several client tabs; the first has none. */
    /** The pane of {@code session}, the view model that the window made and owns the tab's socket. */
    public ClientPane(ClientSession session, EventPort port, String suffix) {
        this.session = session;
        getStyleClass().add("pane-card");
        setSpacing(8);
        form = new EndpointForm(session.form(), "client" + suffix, "client.host", "client.path",
                List.of("127.0.0.1", "localhost", "::1"));
        Label title = new Label(t("client.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        state.setId("client-state" + suffix);
        state.getStyleClass().add("state-line");
        session.status().observe(state::setText);
        udpRow = io.socketworkbench.ui.common.MulticastRow.client("client" + suffix,
                form.protocolBox().valueProperty());
        tlsRow = io.socketworkbench.ui.common.TlsRow.client("client" + suffix, form.protocolBox().valueProperty(),
                session.tls().info(), session.tls().unchecked());
        Buttons.onOff(connect, "client-connect" + suffix, form.validProperty(), this::open, session::close);
        session.open().observe(this::showOpen);
        HBox formRow = new HBox(8, form, connect);
        HBox.setHgrow(form, Priority.ALWAYS);
        formRow.setAlignment(Pos.CENTER_LEFT);
        transcript = new TranscriptView("client-transcript" + suffix, session.transcript());
        framing = new FramingPicker("client" + suffix, session.framer());
        transcript.addToBar(framing);
        captureButton = new CaptureButton("client-capture" + suffix, session);
        VBox.setVgrow(transcript, Priority.ALWAYS);
        inputBar = new InputBar("client-input" + suffix, "client-send" + suffix, port, this::send);
        inputBar.charsetFrom(transcript::charset);
        inputBar.filesGoTo(session::fileTarget, session.transcript()::add);
        inputBar.acceptFileDrops(this);
        lab = new LabControls(suffix, this::recvNow, this::shutdownOutput);
        session.canShutdown().observe(on -> lab.shutdown.setDisable(!on));
        session.readBack().observe(values -> {
            if (values != null) {
                lab.readBack(values);
            }
        });
        HBox titleRow = TitleRow.of(title, state);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        StatsPanel statsPanel = new StatsPanel("client" + suffix, session.stats());
        this.statsPanel = statsPanel;
        logButton = new io.socketworkbench.ui.common.LogFileButton("client" + suffix, session.trafficLog(),
                session.transcript()::add);
        titleRow.getChildren().addAll(spring, statsPanel.toggle(), logButton, captureButton);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(titleRow, formRow, udpRow, tlsRow, form.problem(), lab, statsPanel, transcript,
                inputBar);
    }

    /** Projector mode: the conversation and the lab stay, the chrome goes. */
    public void projector(boolean on) {
        Projector.hide(on, captureButton, statsPanel.toggle(), logButton);
        if (on) {
            statsPanel.toggle().setSelected(false);
        }
        form.projector(on);
        transcript.projector(on);
        inputBar.projector(on);
        lab.projector(on);
    }

    public ClientSession session() {
        return session;
    }

    public EndpointForm form() {
        return form;
    }

    public TranscriptView transcript() {
        return transcript;
    }

    /** Every byte received since the pane opened, shown or not. */
    public long bytesReceived() {
        return session.bytesReceived();
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Connects (TCP, AF_UNIX) or opens a UDP socket, as the form and the lab say now. */
    public void open() {
        var address = form.address();
        if (address.isEmpty()) {
            session.close();
            session.status().set(form.hostText().isEmpty() ? t("host.empty") : t("port.invalid"));
            showOpen(false);
            return;
        }
        form.remember(form.hostText());
        boolean udp = form.protocol() == io.socketworkbench.ui.model.Protocol.UDP;
        // On loopback a UDP client binds where replies come back to, so the diagram and the server agree.
        Address bind = udp && form.loopback() != null && !udpRow.broadcast() ? new Address.Inet(form.loopback(), 0)
                : null;
        var options = udp && udpRow.broadcast() ? lab.options().withBroadcast(true) : lab.options();
        boolean tls = form.protocol() == io.socketworkbench.ui.model.Protocol.TLS;
        session.open(new ClientSetup(address.get(), udp, options, lab.lab(), bind,
                udp ? udpRow.multicast() : null, tls ? tlsRow.choice() : null));
    }

    public void close() {
        session.close();
    }

    private void showOpen(boolean open) {
        connect.setSelected(open);
        connect.setText(t(open ? "client.disconnect" : "client.connect"));
        connect.setGraphic(new FontIcon(open ? MaterialDesignL.LAN_DISCONNECT : MaterialDesignL.LAN_CONNECT));
        form.lock(open && form.protocol() != io.socketworkbench.ui.model.Protocol.UDP);
        udpRow.lock(open);
        tlsRow.lock(open);
    }

    /** Captures every received byte to {@code file}, however much the transcript drops. */
    public void startCapture(Path file) {
        session.capture().start(file);
    }

    public void stopCapture() {
        session.capture().stop();
    }

    /** The lab's recv button. */
    public void recvNow() {
        problem(session.recvNow());
    }

    /** shutdown(SHUT_WR). */
    public void shutdownOutput() {
        problem(session.shutdownOutput());
    }

    /** The socket lab, for examples and tests. */
    public void setLab(ClientLab value) {
        lab.set(value);
    }

    /** Socket options for the next connect, as the lab's options dialog sets them. */
    public void setOptions(SocketOptionsSpec value) {
        lab.options(value);
    }

    /** The message box, with its repeat, for tests. */
    /** The TLS settings' row. */
    public io.socketworkbench.ui.common.TlsRow tlsRow() {
        return tlsRow;
    }

    public InputBar inputBar() {
        return inputBar;
    }

    /** Hands the bytes to the session; a problem (not connected) comes back to show. */
    private String send(byte[] data) {
        return session.send(data, form.address().orElse(null));
    }

    private void problem(String text) {
        if (text != null) {
            inputBar.showProblem(text);
        }
    }

    /** The continuous log's switch: for tests, which cannot drive a file dialog. */
    public io.socketworkbench.ui.common.LogFileButton logButton() {
        return logButton;
    }

    /** The pane's tools as a workspace keeps them: Send, the transcript's view and framing, repeat, quick messages. */
    public io.socketworkbench.session.PaneSetup tools() {
        return new io.socketworkbench.ui.common.PaneTools(inputBar, transcript, framing).get();
    }

    /** Shows a workspace's tools in the pane. */
    public void show(io.socketworkbench.session.PaneSetup tools) {
        new io.socketworkbench.ui.common.PaneTools(inputBar, transcript, framing).show(tools);
    }
}
