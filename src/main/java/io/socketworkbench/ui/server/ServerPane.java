package io.socketworkbench.ui.server;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.codec.Escapes;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Operation;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.Session;
import io.socketworkbench.ui.common.OptionsDialog;
import java.util.Map;
import javafx.scene.control.Button;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.EndpointForm;
import io.socketworkbench.ui.common.InputBar;
import io.socketworkbench.ui.common.Message;
import io.socketworkbench.ui.common.TranscriptView;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The server pane: bind and listen, see who connects, read their bytes, answer them. */
public final class ServerPane extends VBox {

    /** Room for a classroom of clients connecting at once. */
    static final int BACKLOG = 1024;

    /** What the server does by itself. */
    public enum ReplyMode { NONE, ECHO, GREET, GREET_CLOSE }

    private final SocketEngine engine;
    private final FxBridge bridge;
    private final Lesson lesson;
    private final EndpointForm form = new EndpointForm("server", "server.host", "server.path",
            EndpointForm.bindChoices(), "37777");
    private final ToggleButton start = new ToggleButton(t("server.start"), new FontIcon(MaterialDesignP.PLAY));
    private final Label state = new Label(t("server.state.stopped"));
    private final Label warning = new Label(t("server.warnAll"));
    private final ReplyControls reply = new ReplyControls();
    private final ConnectionList connections = new ConnectionList(this::closeClient);
    private final LogView log = new LogView();
    private final TranscriptView transcript = new TranscriptView("server-transcript", 2000);
    private final InputBar inputBar;
    private final List<Runnable> onListening = new ArrayList<>();
    private TcpServer tcp;
    private UdpEndpoint udp;
    private SocketAddress lastDatagramSender;
    private String local = "";
    private SocketOptionsSpec options = SocketOptionsSpec.DEFAULTS.withReuseAddress(true);
    private int backlog = BACKLOG;
    private Session.ServerSetup setup;
    private Map<String, Object> readBack;

    public ServerPane(SocketEngine engine, FxBridge bridge, Lesson lesson) {
        this.engine = engine;
        this.bridge = bridge;
        this.lesson = lesson;
        getStyleClass().add("pane-card");
        setSpacing(8);

        Label title = new Label(t("server.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        state.setId("server-state");
        state.getStyleClass().add("state-line");
        Buttons.onOff(start, "server-start", form.validProperty(), this::startServer, this::stopServer);
        HBox formRow = new HBox(8, form, start);
        HBox.setHgrow(form, Priority.ALWAYS);
        formRow.setAlignment(Pos.CENTER_LEFT);
        warning.getStyleClass().add("warning-line");
        warning.visibleProperty().bind(form.hostBox().getEditor().textProperty().isEqualTo("0.0.0.0"));
        warning.managedProperty().bind(warning.visibleProperty());

        Label connectionsTitle = new Label(t("server.connections"));
        connectionsTitle.getStyleClass().add("section-title");
        VBox connectionsBox = new VBox(4, connectionsTitle, connections);
        VBox.setVgrow(connections, Priority.ALWAYS);
        Label logTitle = new Label(t("server.log"));
        logTitle.getStyleClass().add("section-title");
        VBox logBox = new VBox(4, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        connectionsBox.setMinHeight(0);
        logBox.setMinHeight(0);
        SplitPane top = new SplitPane(connectionsBox, logBox);
        // Together they keep room for their titles and a couple of rows (workbench.css): a client stays in sight.
        top.getStyleClass().add("connections-and-log");
        top.setDividerPositions(0.42);
        SplitPane body = new SplitPane(top, transcript);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.36);
        // Projector mode drops the connection list and the log: the conversation is what the class watches.
        top.getStyleClass().add("secondary");
        top.visibleProperty().addListener((o, a, shown) -> {
            if (shown && !body.getItems().contains(top)) {
                body.getItems().add(0, top);
                body.setDividerPositions(0.36);
            } else if (!shown) {
                body.getItems().remove(top);
            }
        });
        VBox.setVgrow(body, Priority.ALWAYS);
        connections.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> transcript.filter(
                row == null || row.id == ConnectionList.ALL ? null
                        : m -> m.peer() == null || m.peer().equals(row.remote)));

        inputBar = new InputBar("server-input", "server-send", this::send);
        inputBar.charsetFrom(transcript::charset);
        Button optionsButton = new Button(null, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.COG_OUTLINE));
        optionsButton.setTooltip(new javafx.scene.control.Tooltip(t("lab.options")));
        optionsButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        optionsButton.setId("server-options");
        optionsButton.setOnAction(e -> OptionsDialog.edit(getScene() == null ? null : getScene().getWindow(), options,
                backlog, true, readBack).ifPresent(choice -> {
                    options = choice.options();
                    backlog = choice.backlog() == null ? BACKLOG : choice.backlog();
                }));
        HBox replyRow = new HBox(8, reply, optionsButton);
        HBox.setHgrow(reply, Priority.ALWAYS);
        replyRow.setAlignment(Pos.CENTER_LEFT);
        replyRow.getStyleClass().add("secondary");
        getChildren().addAll(new HBox(10, title, state), formRow, warning, replyRow, body, inputBar);
    }

    public EndpointForm form() {
        return form;
    }

    public TranscriptView transcript() {
        return transcript;
    }

    public void setReply(ReplyMode mode, String text) {
        reply.set(mode, text);
    }

    /** listen's backlog from the next start on (the tutorial's server uses 5). */
    public void setBacklog(int value) {
        backlog = value;
    }

    /** Runs once, the next time the server is listening (or has failed to). */
    public void whenListening(Runnable action) {
        onListening.add(action);
    }

    public boolean running() {
        return tcp != null || udp != null;
    }

    public void startServer() {
        if (running()) {
            stopServer();
        }
        var address = form.address();
        if (address.isEmpty()) {
            state.setText(form.hostText().isEmpty() ? t("host.empty") : t("port.invalid"));
            start.setSelected(false);
            return;
        }
        byte[] greet;
        try {
            greet = Escapes.parse(reply.greetingText(), transcript.charset());
        } catch (PayloadSyntaxException e) {
            state.setText(I18n.syntax(e));
            start.setSelected(false);
            return;
        }
        ReplyMode mode = reply.mode();
        boolean greets = reply.greets();
        start.setSelected(true);
        start.setText(t("server.stop"));
        start.setGraphic(new FontIcon(MaterialDesignS.STOP));
        form.lock(true);
        state.setText(t("server.state.starting"));
        boolean isUdp = form.protocol() == EndpointForm.Protocol.UDP;
        boolean unix = form.protocol() == EndpointForm.Protocol.UNIX;
        SocketOptionsSpec used = unix ? options.withReuseAddress(null) : options;
        setup = new Session.ServerSetup(unix, isUdp, "", backlog, used, Session.Reply.valueOf(mode.name()), greet);
        if (isUdp) {
            udp = engine.udp(new UdpConfig(address.get(), used, mode == ReplyMode.ECHO, greets ? greet : null),
                    bridge.toDatagrams(this::onEvent));
        } else {
            ServerConfig config = ServerConfig.of(address.get()).withEcho(mode == ReplyMode.ECHO)
                    .withGreeting(greets ? greet : null, mode == ReplyMode.GREET_CLOSE).withBacklog(backlog)
                    .withOptions(used);
            tcp = engine.listen(config, bridge.to(this::onEvent));
        }
    }

    public void stopServer() {
        if (tcp != null) {
            tcp.stop();
        }
        if (udp != null) {
            udp.stop();
        }
        if (running()) {
            lesson.serverStopped();
        }
        tcp = null;
        udp = null;
        stopped();
        state.setText(t("server.state.stopped"));
        log.add(t("log.stopped"));
    }

    private void stopped() {
        start.setSelected(false);
        start.setText(t("server.start"));
        start.setGraphic(new FontIcon(MaterialDesignP.PLAY));
        form.lock(false);
        connections.clearClients();
    }

    private boolean current(long source) {
        return (tcp != null && tcp.id() == source) || (udp != null && udp.id() == source)
                || connections.row(source) != null;
    }

    private void onEvent(FxBridge.Delivery delivery) {
        SocketEvent event = delivery.event();
        if (!current(event.source()) && !(event instanceof SocketEvent.Closed)) {
            return;
        }
        if (event instanceof SocketEvent.Listening listening) {
            local = Address.format(listening.local());
            lesson.serverListening(setup, listening.local());
            bridge.when(udp != null ? udp.options() : tcp.options(), values -> {
                readBack = values;
                lesson.optionsRead(Lesson.Side.SERVER, values);
            });
            showListening();
            log.add(t("log.listening", local));
            transcript.add(Message.event(t("event.listening", local)));
            runListeners();
        } else if (event instanceof SocketEvent.Accepted accepted) {
            String remote = Address.format(accepted.remote());
            connections.added(accepted.connection(), remote);
            lesson.accepted(accepted.connection(), accepted.remote(), accepted.local());
            log.add(t("log.accepted", remote));
            transcript.add(Message.event(t("event.accepted", remote)));
            if (reply.greets()) {
                transcript.add(Message.sent(reply.greetingBytes(transcript.charset()), remote));
                lesson.sent(Lesson.Side.SERVER, accepted.connection(), reply.greetingBytes(transcript.charset()));
            }
            showListening();
        } else if (event instanceof SocketEvent.Received received) {
            onReceived(received, delivery);
        } else if (event instanceof SocketEvent.Sent sent) {
            ConnectionList.Row row = connections.row(sent.source());
            if (row != null) {
                row.bytesOut += sent.bytes();
                connections.refresh();
            }
        } else if (event instanceof SocketEvent.Closed closed) {
            onClosed(closed);
        } else if (event instanceof SocketEvent.Failed failed) {
            String text = I18n.error(failed.error());
            log.add(t("log.failed", text));
            transcript.add(Message.error(text));
            if (failed.operation() == Operation.BIND || failed.operation() == Operation.RESOLVE) {
                lesson.raised("s.bind(" + Lesson.address(form.hostText(), form.port().orElse(0),
                        form.protocol() == EndpointForm.Protocol.UNIX) + ")", failed.error());
                state.setText(text);
                tcp = null;
                udp = null;
                stopped();
                runListeners();
            }
        } else if (event instanceof SocketEvent.AcceptRefused refused) {
            log.add(t("log.refused", Address.format(refused.remote()), refused.limit()));
        } else if (event instanceof SocketEvent.SendRejected rejected) {
            log.add(t("log.sendRejected", rejected.queued()));
        }
    }

    private void onReceived(SocketEvent.Received received, FxBridge.Delivery delivery) {
        String peer = received.from() == null ? connections.remoteOf(received.source())
                : Address.format(received.from());
        ConnectionList.Row row = connections.row(received.source());
        if (row != null) {
            row.bytesIn += delivery.totalBytes();
            connections.refresh();
        }
        if (udp != null) {
            lastDatagramSender = received.from();
        }
        log.add(t("log.received", peer, delivery.totalBytes()));
        transcript.add(Message.received(received.data(), delivery.elidedBytes(), peer));
        boolean datagram = udp != null && received.from() != null;
        if (datagram) {
            lesson.receivedDatagram(Lesson.Side.SERVER, received.data(), received.from(), 65535, 0);
        } else {
            lesson.received(Lesson.Side.SERVER, received.source(), received.data(), 1024);
        }
        if (reply.mode() == ReplyMode.ECHO) {
            transcript.add(Message.sent(received.data(), peer));
            if (datagram) {
                lesson.sentDatagram(Lesson.Side.SERVER, received.data(), Address.pythonTuple(received.from()),
                        Address.format(received.from()));
            } else {
                lesson.sent(Lesson.Side.SERVER, received.source(), received.data());
            }
        }
    }

    private void onClosed(SocketEvent.Closed closed) {
        String remote = connections.remoteOf(closed.source());
        if (remote == null) {
            return;
        }
        connections.removed(closed.source());
        lesson.closed(Lesson.Side.SERVER, closed.source(), closed.reason(), closed.error());
        String line = switch (closed.reason()) {
            case LOCAL -> t("log.closed.local", remote);
            case PEER -> t("log.closed.peer", remote);
            case RESET -> t("log.closed.reset", remote);
            case ERROR -> t("log.closed.error", remote, I18n.error(closed.error()));
        };
        log.add(line);
        transcript.add(Message.event(line));
        showListening();
    }

    private void showListening() {
        state.setText(connections.clientCount() == 0 ? t("server.state.listening", local)
                : t("server.state.listeningClients", local, connections.clientCount()));
    }

    private void runListeners() {
        List<Runnable> due = new ArrayList<>(onListening);
        onListening.clear();
        due.forEach(Runnable::run);
    }

    private void send(byte[] data) {
        if (udp != null && lastDatagramSender != null) {
            udp.send(lastDatagramSender, data);
            lesson.sentDatagram(Lesson.Side.SERVER, data, Address.pythonTuple(lastDatagramSender),
                    Address.format(lastDatagramSender));
            transcript.add(Message.sent(data, Address.format(lastDatagramSender)));
            inputBar.clearInput();
            return;
        }
        if (tcp == null || connections.clientCount() == 0) {
            inputBar.showProblem(t("input.notConnected"));
            return;
        }
        long target = connections.selected();
        for (long id : target == ConnectionList.ALL ? connections.ids() : List.of(target)) {
            lesson.sent(Lesson.Side.SERVER, id, data);
        }
        if (target == ConnectionList.ALL) {
            tcp.broadcast(data);
            transcript.add(Message.sent(data, t("server.allClients")));
        } else {
            tcp.send(target, data);
            transcript.add(Message.sent(data, Objects.requireNonNullElse(connections.remoteOf(target), "")));
        }
        inputBar.clearInput();
    }

    private void closeClient(long id) {
        if (tcp != null) {
            tcp.close(id);
        }
    }

    /** For the status bar and tests. */
    public int clientCount() {
        return connections.clientCount();
    }
}
