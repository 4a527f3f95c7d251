package io.socketworkbench.ui.server;
import io.socketworkbench.ui.model.ServerSession;
import io.socketworkbench.ui.model.Clients;

import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.codec.Escapes;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.EndpointForm;
import io.socketworkbench.ui.model.Exposure;
import io.socketworkbench.ui.common.FramingPicker;
import io.socketworkbench.ui.common.InputBar;
import io.socketworkbench.ui.common.OptionsDialog;
import io.socketworkbench.ui.common.Projector;
import io.socketworkbench.ui.common.StatsPanel;
import io.socketworkbench.ui.common.TitleRow;
import io.socketworkbench.ui.common.TranscriptView;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The server pane: the form, reply controls, connection list, log, transcript and input, bound to a
 * {@link ServerSession} that owns the listening socket. While the server runs, the form and reply controls are
 * locked: the reply is fixed at Start, and the transcript shows what the engine really wrote.
 */
public final class ServerPane extends VBox {

    /** Room for a classroom of clients connecting at once. */
    static final int BACKLOG = 1024;

    private final ServerSession session;
    private final EndpointForm form;
    /** Shown for UDP: the group to join and the interface. */
    private final io.socketworkbench.ui.common.MulticastRow udpRow;
    private final io.socketworkbench.ui.common.TlsRow tlsRow;
    private final ToggleButton start = new ToggleButton(t("server.start"), new FontIcon(MaterialDesignP.PLAY));
    private final Label state = new Label();
    private final Label warning = new Label();
    /** What to do about a start that failed (an example's: Retry, another port), with its buttons. */
    private final Label offerText = new Label();
    private final HBox offer = new HBox(8);
    private final ReplyControls reply = new ReplyControls();
    private final ConnectionList connections;
    private final LogView log = new LogView();
    private final TranscriptView transcript;
    private final InputBar inputBar;
    private final FramingPicker framing;
    private SocketOptionsSpec options = SocketOptionsSpec.DEFAULTS.withReuseAddress(true);
    private int backlog = BACKLOG;
    /** The backlog the user chose in the options dialog; an example's is for one start only. */
    private int chosenBacklog = BACKLOG;
    /** Clients at once, the busy text, the idle and stall timeouts: the options dialog's, kept with the settings. */
    private io.socketworkbench.session.ServerLimits limits = io.socketworkbench.session.ServerLimits.NONE;
    private SplitPane top;
    private HBox replyRow;
    private StatsPanel statsPanel;
    private io.socketworkbench.ui.common.LogFileButton logButton;

    /** The pane of {@code session}, the view model that the window made and owns the server's sockets. */
    public ServerPane(ServerSession session, EventPort port) {
        this.session = session;
        form = new EndpointForm(session.form(), "server", "server.host", "server.path", EndpointForm.bindChoices());
        connections = new ConnectionList(session.clients(), session::closeClient);
        transcript = new TranscriptView("server-transcript", session.transcript());
        framing = new FramingPicker("server", session.framer());
        transcript.addToBar(framing);
        getStyleClass().add("pane-card");
        setSpacing(8);

        Label title = new Label(t("server.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        state.setId("server-state");
        state.getStyleClass().add("state-line");
        session.status().observe(io.socketworkbench.ui.common.BeforeLayout.latest(state, state::setText));
        Buttons.onOff(start, "server-start", form.validProperty(), this::startServer, session::stop);
        udpRow = io.socketworkbench.ui.common.MulticastRow.server("server", form.protocolBox().valueProperty());
        tlsRow = io.socketworkbench.ui.common.TlsRow.server("server", form.protocolBox().valueProperty(),
                session.tls().info());
        session.running().observe(this::showRunning);
        HBox formRow = new HBox(8, form, start);
        HBox.setHgrow(form, Priority.ALWAYS);
        formRow.setAlignment(Pos.CENTER_LEFT);
        warning.setId("server-exposure");
        warning.getStyleClass().add("warning-line");
        warning.textProperty().bind(Bindings.createStringBinding(() -> t("server.warnExposed", form.hostText()),
                form.hostBox().getEditor().textProperty()));
        warning.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> form.protocol() != io.socketworkbench.ui.model.Protocol.UNIX && Exposure.exposes(form.hostText()),
                form.hostBox().getEditor().textProperty(), form.protocolBox().valueProperty()));
        warning.managedProperty().bind(warning.visibleProperty());
        session.log().observe(log::add);

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
        this.top = top;
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
                row == null || row.client() == null ? null
                        : m -> m.peer() == null || m.peer().equals(row.client().remote())));

        inputBar = new InputBar("server-input", "server-send", port, this::send);
        inputBar.charsetFrom(transcript::charset);
        inputBar.filesGoTo(() -> session.fileTarget(connections.selected()), session.transcript()::add);
        inputBar.acceptFileDrops(this);
        Button optionsButton = new Button(null, new FontIcon(MaterialDesignC.COG_OUTLINE));
        optionsButton.setTooltip(new Tooltip(t("lab.options")));
        optionsButton.setMinWidth(Region.USE_PREF_SIZE);
        optionsButton.setId("server-options");
        optionsButton.setOnAction(e -> OptionsDialog.edit(getScene() == null ? null : getScene().getWindow(), options,
                backlog, limits, true, session.readBack().get()).ifPresent(choice -> {
                    options = choice.options();
                    backlog = choice.backlog() == null ? BACKLOG : choice.backlog();
                    chosenBacklog = backlog;
                    limits = choice.limits() == null ? limits : choice.limits();
                }));
        HBox replyRow = new HBox(8, reply, optionsButton);
        HBox.setHgrow(reply, Priority.ALWAYS);
        replyRow.setAlignment(Pos.CENTER_LEFT);
        this.replyRow = replyRow;
        offerText.setWrapText(true);
        offerText.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        offerText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(offerText, javafx.scene.layout.Priority.ALWAYS);
        offer.setId("server-offer");
        offer.getStyleClass().add("offer-line");
        offer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        offer.setVisible(false);
        offer.managedProperty().bind(offer.visibleProperty());
        session.running().observe(on -> {
            if (on) {
                offer.setVisible(false);
            }
        });
        RulesPanel rules = new RulesPanel(session.rules(), transcript::charset);
        rules.visibleProperty().bind(reply.modeProperty().isEqualTo(ReplyMode.RULES));
        rules.managedProperty().bind(rules.visibleProperty());
        // Open to write the first rule; folded (its title counts the rules) once the server runs by them.
        reply.modeProperty().addListener((o, a, m) -> rules.setExpanded(m == ReplyMode.RULES
                && session.rules().rules().get().isEmpty()));
        session.running().observe(on -> {
            if (on) {
                rules.setExpanded(false);
            }
        });
        statsPanel = new StatsPanel("server", session.stats());
        HBox titleRow = TitleRow.of(title, state);
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        logButton = new io.socketworkbench.ui.common.LogFileButton("server", session.trafficLog(),
                session.transcript()::add);
        titleRow.getChildren().addAll(spring, statsPanel.toggle(), logButton);
        getChildren().addAll(titleRow, formRow, udpRow, tlsRow, form.problem(), warning, offer, replyRow, rules,
                statsPanel, body, inputBar);
    }

    /** Projector mode drops the connection list, the log and the reply row: the class watches the conversation. */
    public void projector(boolean on) {
        Projector.hide(on, top, replyRow, statsPanel.toggle(), logButton);
        if (on) {
            statsPanel.toggle().setSelected(false);
        }
        form.projector(on);
        transcript.projector(on);
        inputBar.projector(on);
    }

    public ServerSession session() {
        return session;
    }

    /** The server's limits, applied at the next start. */
    public io.socketworkbench.session.ServerLimits limits() {
        return limits;
    }

    public void limits(io.socketworkbench.session.ServerLimits value) {
        limits = value == null ? io.socketworkbench.session.ServerLimits.NONE : value;
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

    /** The reply mode chosen now (a workspace keeps it). */
    public ReplyMode replyMode() {
        return reply.mode();
    }

    /** The greeting as typed. */
    public String greetingText() {
        return reply.greetingText();
    }

    /** The TLS settings' row. */
    public io.socketworkbench.ui.common.TlsRow tlsRow() {
        return tlsRow;
    }

    /** listen's backlog from the next start on (the tutorial's server uses 5). */
    public void setBacklog(int value) {
        backlog = value;
    }

    /** Back to the default backlog (or the one chosen in the options) after an example's own. */
    public void restoreBacklog() {
        backlog = chosenBacklog;
    }

    /** Runs once, the next time the server is listening (or has failed to). */
    public void whenListening(Runnable action) {
        session.whenListening(action);
    }

    public boolean running() {
        return session.running().get();
    }

    /** Starts the server as the form and the reply controls say now; they stay locked until it stops. */
    public void startServer() {
        var address = form.address();
        if (address.isEmpty()) {
            session.stop();
            session.status().set(form.hostText().isEmpty() ? t("host.empty") : t("port.invalid"));
            return;
        }
        byte[] greet;
        try {
            greet = Escapes.parse(reply.greetingText(), transcript.charset());
        } catch (PayloadSyntaxException e) {
            session.stop();
            session.status().set(I18n.syntax(e));
            return;
        }
        session.rules().charset(transcript.charset());
        boolean unix = form.protocol() == io.socketworkbench.ui.model.Protocol.UNIX;
        boolean udp = form.protocol() == io.socketworkbench.ui.model.Protocol.UDP;
        SocketOptionsSpec used = unix ? options.withReuseAddress(null) : options;
        io.socketworkbench.engine.Multicast multicast = null;
        io.socketworkbench.engine.Address at = address.get();
        if (udp) {
            try {
                multicast = udpRow.multicast();
            } catch (IllegalArgumentException e) {
                session.stop();
                session.status().set(t("udp.join.invalid", udpRow.groupText()));
                return;
            }
            if (multicast.group() != null && at instanceof io.socketworkbench.engine.Address.Inet inet) {
                // Bound to the group (IPv4: only its datagrams arrive) or to the wildcard (IPv6), as Python does.
                java.net.InetAddress group = io.socketworkbench.engine.Multicast.groupAddress(multicast.group());
                at = io.socketworkbench.engine.Address.inet(group instanceof java.net.Inet4Address
                        ? group.getHostAddress() : "::", inet.port());
            }
        }
        session.start(new ServerSetup(at, udp, reply.mode(), greet, backlog, used, multicast,
                udp || unix ? null : limits, form.protocol() == io.socketworkbench.ui.model.Protocol.TLS
                        ? tlsRow.serverChoice() : null));
    }

    public void stopServer() {
        session.stop();
    }

    private void showRunning(boolean running) {
        Buttons.showRunning(start, running, t("server.start"), t("server.stop"), MaterialDesignP.PLAY);
        form.lock(running);
        udpRow.lock(running);
        tlsRow.lock(running);
        reply.setDisable(running);
    }

    /** Hands the bytes to the session, for the selected client or all; a problem comes back to show. */
    private String send(byte[] data) {
        return session.send(data, connections.selected());
    }

    /** Shows {@code text} under the form with a button per choice (its id, its label, what it does). */
    public void offer(String text, java.util.List<String[]> buttons, java.util.List<Runnable> actions) {
        offerText.setText(text);
        offer.getChildren().setAll(offerText);
        for (int i = 0; i < buttons.size(); i++) {
            javafx.scene.control.Button button = new javafx.scene.control.Button(buttons.get(i)[1]);
            button.setId(buttons.get(i)[0]);
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Runnable action = actions.get(i);
            button.setOnAction(e -> {
                offer.setVisible(false);
                action.run();
            });
            offer.getChildren().add(button);
        }
        offer.setVisible(true);
    }

    /** See {@link ServerSession#whyInUse}. */
    public void whyInUse(java.util.function.Consumer<Boolean> answer) {
        session.whyInUse(answer);
    }

    /** Why the last start failed, or null. */
    public io.socketworkbench.engine.SocketError startFailure() {
        return session.startFailure();
    }

    /** For the status bar and tests. */
    public int clientCount() {
        return session.clients().count();
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
