package io.socketworkbench.ui.client;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.Capture;
import io.socketworkbench.ui.common.EndpointForm;
import io.socketworkbench.ui.common.InputBar;
import io.socketworkbench.ui.common.Message;
import io.socketworkbench.ui.common.TranscriptView;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The client pane: connect (or, for UDP, just send to an address), and a transcript of what went each way. */
public final class ClientPane extends VBox {
    private final SocketEngine engine;
    private final FxBridge bridge;
    private final Lesson lesson;
    private final EndpointForm form;
    private final ToggleButton connect = new ToggleButton(t("client.connect"), new FontIcon(MaterialDesignL.LAN_CONNECT));
    private final Label state = new Label(t("client.state.idle"));
    private final TranscriptView transcript;
    private final InputBar inputBar;
    private TcpClient tcp;
    private UdpEndpoint udp;
    private String peer = "";
    private long bytesIn;
    private final ToggleButton captureButton = new ToggleButton(t("client.capture"),
            new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignR.RECORD_CIRCLE_OUTLINE));
    private volatile Capture capture;

    /** {@code suffix} keeps node ids unique when there are several client tabs; the first has none. */
    public ClientPane(SocketEngine engine, FxBridge bridge, String suffix, Lesson lesson) {
        this.engine = engine;
        this.bridge = bridge;
        this.lesson = lesson;
        getStyleClass().add("pane-card");
        setSpacing(8);
        form = new EndpointForm("client" + suffix, "client.host", "client.path",
                List.of("127.0.0.1", "localhost", "::1"), "37777");
        Label title = new Label(t("client.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        state.setId("client-state" + suffix);
        state.getStyleClass().add("state-line");
        Buttons.onOff(connect, "client-connect" + suffix, form.validProperty(), this::open, this::close);
        captureButton.setId("client-capture" + suffix);
        captureButton.getStyleClass().add("secondary");
        captureButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        captureButton.setOnAction(e -> toggleCapture());
        HBox formRow = new HBox(8, form, connect);
        HBox.setHgrow(form, Priority.ALWAYS);
        formRow.setAlignment(Pos.CENTER_LEFT);
        transcript = new TranscriptView("client-transcript" + suffix, 2000);
        VBox.setVgrow(transcript, Priority.ALWAYS);
        inputBar = new InputBar("client-input" + suffix, "client-send" + suffix, this::send);
        inputBar.charsetFrom(transcript::charset);
        HBox titleRow = new HBox(10, title, state);
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        titleRow.getChildren().addAll(spring, captureButton);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(titleRow, formRow, transcript, inputBar);
    }

    public EndpointForm form() {
        return form;
    }

    public TranscriptView transcript() {
        return transcript;
    }

    /** Every byte received since the pane opened, shown or not. */
    public long bytesReceived() {
        return bytesIn;
    }

    public boolean isOpen() {
        return tcp != null || udp != null;
    }

    /** Connects (TCP, AF_UNIX) or opens a UDP socket; DNS and connect happen on engine threads. */
    public void open() {
        close();
        var address = form.address();
        if (address.isEmpty()) {
            state.setText(form.hostText().isEmpty() ? t("host.empty") : t("port.invalid"));
            connect.setSelected(false);
            return;
        }
        form.remember(form.hostText());
        showOpen(true);
        if (form.protocol() == EndpointForm.Protocol.UDP) {
            udp = engine.udp(UdpConfig.of(null), capturing(bridge.toDatagrams(this::onEvent)));
            lesson.clientUdp();
            peer = form.hostText() + ":" + form.port().orElse(0);
            state.setText(t("client.state.ready", "UDP"));
            return;
        }
        peer = address.get() instanceof Address.Unix unix ? unix.path().toString()
                : form.hostText() + ":" + form.port().orElse(0);
        state.setText(t("client.state.connecting", peer));
        lesson.clientConnecting(target(), form.protocol() == EndpointForm.Protocol.UNIX);
        tcp = engine.connect(ClientConfig.of(address.get()), capturing(bridge.to(this::onEvent)));
    }

    /** Received bytes go to the capture file (if one is open) on the engine thread, then to the view. */
    private io.socketworkbench.engine.SocketListener capturing(io.socketworkbench.engine.SocketListener view) {
        return event -> {
            Capture current = capture;
            if (current != null) {
                current.record(event);
            }
            view.onEvent(event);
        };
    }

    /** Starts capturing every received byte to a file the user picks, or stops and says how much was kept. */
    public void toggleCapture() {
        if (capture != null) {
            stopCapture();
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName("capture.bin");
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            captureButton.setSelected(false);
            return;
        }
        startCapture(file.toPath());
    }

    public void startCapture(java.nio.file.Path file) {
        try {
            capture = Capture.open(file);
            captureButton.setSelected(true);
            captureButton.setText(t("client.capture.stop"));
            transcript.add(Message.event(t("client.capture.started", file)));
        } catch (java.io.IOException e) {
            captureButton.setSelected(false);
            transcript.add(Message.error(I18n.error(io.socketworkbench.engine.SocketError.from(e))));
        }
    }

    public void stopCapture() {
        Capture done = capture;
        capture = null;
        captureButton.setSelected(false);
        captureButton.setText(t("client.capture"));
        if (done == null) {
            return;
        }
        try {
            done.close();
        } catch (java.io.IOException ignored) {
            // the bytes written so far are on disk
        }
        transcript.add(done.failure() == null
                ? Message.event(t("client.capture.stopped", done.bytes(), done.file()))
                : Message.error(I18n.error(io.socketworkbench.engine.SocketError.from(done.failure()))));
    }

    /** The address in the form, as Python writes it. */
    private String target() {
        return Lesson.address(form.hostText(), form.port().orElse(0), form.protocol() == EndpointForm.Protocol.UNIX);
    }

    public void close() {
        if (tcp != null) {
            tcp.close();
        }
        if (udp != null) {
            udp.stop();
            udp = null;
            state.setText(t("client.state.idle"));
        }
        showOpen(false);
    }

    private void showOpen(boolean open) {
        connect.setSelected(open);
        connect.setText(t(open ? "client.disconnect" : "client.connect"));
        connect.setGraphic(new FontIcon(open ? MaterialDesignL.LAN_DISCONNECT : MaterialDesignL.LAN_CONNECT));
        form.lock(open && form.protocol() != EndpointForm.Protocol.UDP);
    }

    private boolean current(long source) {
        return (tcp != null && tcp.id() == source) || (udp != null && udp.id() == source);
    }

    private void onEvent(FxBridge.Delivery delivery) {
        SocketEvent event = delivery.event();
        if (!current(event.source())) {
            return;
        }
        if (event instanceof SocketEvent.Connected connected) {
            peer = Address.format(connected.remote());
            state.setText(t("client.state.connected", Address.format(connected.local()), peer));
            transcript.add(Message.event(t("event.connected", peer)));
            lesson.clientConnected();
        } else if (event instanceof SocketEvent.Received received) {
            bytesIn += delivery.totalBytes();
            String from = received.from() == null ? peer : Address.format(received.from());
            lesson.received(Lesson.Side.CLIENT, received.data(),
                    udp != null && received.from() != null ? Address.pythonTuple(received.from()) : null);
            transcript.add(Message.received(received.data(), delivery.elidedBytes(), from));
        } else if (event instanceof SocketEvent.Closed closed) {
            String text = switch (closed.reason()) {
                case PEER -> t("event.peerClosed");
                case LOCAL -> t("event.closedByUs");
                case RESET, ERROR -> I18n.error(closed.error());
            };
            transcript.add(closed.error() == null ? Message.event(text) : Message.error(text));
            lesson.closed(Lesson.Side.CLIENT, closed.reason(), closed.error());
            state.setText(text);
            tcp = null;
            showOpen(false);
        } else if (event instanceof SocketEvent.Failed failed) {
            String text = I18n.error(failed.error());
            transcript.add(Message.error(text));
            lesson.failed(Lesson.Side.CLIENT, udp != null ? "c.sendto(…)" : "c.connect(" + target() + ")",
                    failed.error());
            state.setText(text);
            if (tcp != null && tcp.id() == failed.source()) {
                tcp = null;
                showOpen(false);
            }
        } else if (event instanceof SocketEvent.SendRejected rejected) {
            transcript.add(Message.error(t("log.sendRejected", rejected.queued())));
        }
    }

    private void send(byte[] data) {
        if (udp != null) {
            var target = form.address();
            if (target.isEmpty()) {
                inputBar.showProblem(t("port.invalid"));
                return;
            }
            udp.send(target.get(), data);
            lesson.sent(Lesson.Side.CLIENT, data, target());
            transcript.add(Message.sent(data, form.hostText() + ":" + form.port().orElse(0)));
        } else if (tcp != null && tcp.connected().isDone() && !tcp.connected().isCompletedExceptionally()) {
            tcp.send(data);
            transcript.add(Message.sent(data, peer));
            lesson.sent(Lesson.Side.CLIENT, data, null);
        } else {
            inputBar.showProblem(t("input.notConnected"));
            return;
        }
        inputBar.clearInput();
    }
}
