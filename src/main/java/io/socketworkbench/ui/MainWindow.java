package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.lesson.LessonPane;
import io.socketworkbench.ui.i18n.I18n;
import io.socketworkbench.ui.server.ServerPane;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Orientation;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The one window: menu bar, server pane beside client tabs, status bar. */
public final class MainWindow extends BorderPane {
    public static final double BASE_FONT = 13;
    public static final double MIN_ZOOM = 0.75;
    public static final double MAX_ZOOM = 3.0;
    /** Projector type is at least twice the normal size. */
    static final double PROJECTOR_ZOOM = 2.0;
    /** Where the panes end when the lesson panel is below them: it takes the lower 38 %. */
    private static final double LESSON_BELOW = 0.62;
    /** Panes' width needed for one form row at the current zoom; in projector mode the lesson takes the rest. */
    private static final double PANES_WIDTH_PER_ZOOM = 320;

    private final SocketEngine engine;
    /** Every socket fact of the session, kept on disk: saved as a recording, exported as pytest or pcapng. */
    private final io.socketworkbench.ui.model.SessionRecording recording;
    private final FxBridge bridge;
    private final ServerPane server;
    private final ClientTabs clients;
    private final SideBySide sideBySide;
    private final SplitPane split;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    final CheckMenuItem dark = new CheckMenuItem(t("menu.view.dark"));
    final CheckMenuItem projector = new CheckMenuItem(t("menu.view.projector"),
            new FontIcon(MaterialDesignP.PROJECTOR_SCREEN_OUTLINE));
    private final Label status = new Label(t("status.ready"));
    private String notice;
    private final Lesson lesson = new Lesson();
    private final Workspaces workspaces;
    /** Export as Python, the session saved as a recording, pytest or a capture, and replays. */
    private final SessionFiles files;
    private io.socketworkbench.ui.exercise.ClassBoardWindow classBoard;
    /** Built when first shown; the lesson itself follows every socket from the start. */
    private LessonPane lessonPane;
    private final SplitPane outer = new SplitPane();
    final CheckMenuItem lessonItem = new CheckMenuItem(t("menu.view.lesson"),
            new FontIcon(MaterialDesignS.SCHOOL_OUTLINE));
    Consumer<Boolean> onTheme = on -> { };
    Consumer<Locale> onLanguage = l -> { };
    private double zoomBeforeProjector = 1.0;
    private double projectorZoom = PROJECTOR_ZOOM;

    public MainWindow(SocketEngine engine, FxBridge bridge) {
        this.engine = engine;
        this.bridge = bridge;
        recording = io.socketworkbench.ui.model.SessionRecording.start(engine);
        files = new SessionFiles(this, bridge, lesson, recording);
        server = new ServerPane(new io.socketworkbench.ui.model.ServerSession(engine, bridge, lesson), bridge);
        split = new SplitPane();
        clients = new ClientTabs(engine, bridge, lesson, projector::isSelected);
        sideBySide = new SideBySide(split, clients.pane(), server, clients::firstClientTab);
        split.getItems().addAll(server, clients.pane());
        split.setDividerPositions(0.5);
        outer.setOrientation(javafx.geometry.Orientation.VERTICAL);
        outer.getItems().add(split);
        getStyleClass().add("workbench");
        workspaces = new Workspaces(this);
        setTop(new javafx.scene.layout.VBox(new WindowMenus(this).bar(), workspaces.offerBar()));
        setCenter(outer);
        lessonItem.setId("lesson-panel");
        lessonItem.selectedProperty().addListener((o, a, on) -> showLesson(on));
        // A flood faster than the window can draw: reading is held (TCP makes the peer wait), and the user is told.
        bridge.behind().addListener((o, was, on) -> status.setText(on ? t("status.behind") : idleStatus()));
        status.setText(bridge.behind().get() ? t("status.behind") : idleStatus());
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        setBottom(bar);
        zoom.addListener((o, a, z) -> {
            setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * z.doubleValue()));
            sideBySide.recheck();
        });
        projector.selectedProperty().addListener((o, a, on) -> projectorMode(on));
        widthProperty().addListener((o, a, w) -> {
            if (projector.isSelected()) {
                outer.setDividerPositions(projectorSplit());
            }
        });
    }

    public ServerPane server() {
        return server;
    }

    public ClientPane client() {
        return clients.client();
    }

    /** True while the window is too narrow for the panes side by side and the server is a tab of its own. */
    public boolean narrow() {
        return sideBySide.narrow();
    }

    /**
     * Before each layout, with the type of the current zoom already styled: a narrower window, larger type or a
     * longer language may be what makes the panes no longer fit side by side.
     */
    @Override
    protected void layoutChildren() {
        sideBySide.fit(getWidth() - snappedLeftInset() - snappedRightInset());
        super.layoutChildren();
    }

    /** The least width the window can have: one pane's, as the panes become tabs when both do not fit. */
    public double leastWidth() {
        return projector.isSelected() ? minWidth(-1)
                : sideBySide.leastWidth() + snappedLeftInset() + snappedRightInset();
    }

    public SplitPane split() {
        return split;
    }

    public DoubleProperty zoom() {
        return zoom;
    }

    /** The zoom of each mode and which mode is on: what a restart brings back. */
    public record ZoomState(double normal, double projector, boolean projectorOn) {}

    public ZoomState zoomState() {
        boolean on = projector.isSelected();
        return new ZoomState(on ? zoomBeforeProjector : zoom.get(), on ? zoom.get() : projectorZoom, on);
    }

    /** Brings back a saved {@link ZoomState}; out-of-range numbers (a hand-edited file) are brought into range. */
    public void restore(ZoomState state) {
        // From normal mode, so that the normal zoom is not applied to the projector screen.
        projector.setSelected(false);
        projectorZoom = clampZoom(Math.max(PROJECTOR_ZOOM, state.projector()));
        zoom.set(clampZoom(state.normal()));
        projector.setSelected(state.projectorOn());
    }

    private static double clampZoom(double value) {
        return Double.isNaN(value) ? 1.0 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
    }

    public CheckMenuItem darkItem() {
        return dark;
    }

    public void onTheme(Consumer<Boolean> action) {
        onTheme = action;
    }

    public void onLanguage(Consumer<Locale> action) {
        onLanguage = action;
    }

    /** The client in the tab in front: the one Ctrl+S and Ctrl+L act on. */
    public ClientPane frontClient() {
        return clients.frontClient();
    }

    /** Brings the relay's tab to the front. */
    public void showRelay() {
        clients.showRelay();
    }

    /** Brings the first client tab to the front. */
    public void showClient() {
        clients.showClient();
    }

    /** Brings the exercises to the front, with the lesson panel that shows the student's traffic. */
    public void showExercises() {
        clients.showExercises();
        lessonItem.setSelected(true);
    }

    /** The Exercises panel, in the last tab; built on first use. */
    public io.socketworkbench.ui.exercise.ExercisePane exercises() {
        return clients.exercises();
    }

    /** The relay's pane, in the tab after the clients; built on first use. */
    public io.socketworkbench.ui.relay.RelayPane relay() {
        return clients.relay();
    }

    /** A new client tab, after the others, brought to the front. */
    public ClientPane addClient() {
        return clients.addClient();
    }

    /** Contract 4: the seed's server on 127.0.0.1:37777, and the client pane connecting to it. */
    public void runHomework() {
        runHomework(37777);
    }

    /**
     * The homework on {@code port}; if the port is taken, the server pane says by whom and what to do
     * ({@link Homework}).
     */
    public void runHomework(int port) {
        showClient();
        Homework.run(server, client(), port, () -> runHomework(port), () -> runHomework(port + 1));
    }

    /** The window's setup as a workspace keeps it: the server pane, each client tab, the relay (once opened). */
    public io.socketworkbench.session.Workspace workspace() {
        return workspaces.shown();
    }

    /**
     * Shows {@code workspace} in the window: the server pane's form, reply and TLS, a client tab for each of its
     * tabs (the tabs there are reused, more are added), the relay's form. What runs keeps running as it is.
     */
    public void open(io.socketworkbench.session.Workspace workspace) {
        workspaces.show(workspace);
    }

    /** The tabs beside the server pane: the clients, the relay and the exercises. */
    ClientTabs clientTabs() {
        return clients;
    }

    /** Open, save and recent workspaces, and the offer of the last setup on start. */
    Workspaces workspaces() {
        return workspaces;
    }

    /** Reads {@code file} and shows it; a file that cannot be used is said, and the window stays as it was. */
    public boolean openWorkspace(Path file) {
        return workspaces.open(file);
    }

    /** The workspaces opened or saved are listed, from now on, in {@code file} (File → Recent workspaces). */
    public void keepRecentWorkspacesIn(Path file) {
        workspaces.keepRecentIn(file);
    }

    /** Offers, in a bar under the menus, the setup the window had when it was last closed ({@code last}). */
    public void offerRestore(Path last) {
        workspaces.offerRestore(last);
    }

    /** The session's recording: every socket fact since the window opened. */
    public io.socketworkbench.ui.model.SessionRecording recording() {
        return recording;
    }

    SessionFiles files() {
        return files;
    }

    /** Replays {@code recording} into the lessons of the replay window (one, reused), opening it. */
    ReplayWindow replay(Path recording) {
        return files.replay(recording);
    }

    /**
     * Writes the session as {@code kind} (recording, pytest, pcapng) to {@code file}, on a thread of its own; the
     * future gives what to tell the user.
     */
    public java.util.concurrent.CompletableFuture<String> writeSession(String kind, Path file) {
        return files.writeSession(kind, file);
    }

    /** Writes server.py and client.py (those the session has) into {@code dir}; returns the files written. */
    public List<Path> exportPython(Path dir) throws java.io.IOException {
        return files.exportPython(dir);
    }

    /** Examples → Class board…: built when first opened, one for the window. */
    io.socketworkbench.ui.exercise.ClassBoardWindow classBoard() {
        if (classBoard == null) {
            classBoard = new io.socketworkbench.ui.exercise.ClassBoardWindow(
                    new io.socketworkbench.ui.model.ClassBoard(engine, bridge), getScene());
        }
        return classBoard;
    }


    /** The lesson panel below the panes: the steps, the TCP states and the Python mirror. */
    public void showLesson(boolean on) {
        lessonItem.setSelected(on);
        if (on && !outer.getItems().contains(lessonPane())) {
            outer.getItems().add(lessonPane());
            outer.setDividerPositions(LESSON_BELOW);
        } else if (!on && lessonPane != null) {
            outer.getItems().remove(lessonPane);
        }
    }

    public Lesson lesson() {
        return lesson;
    }

    public LessonPane lessonPane() {
        if (lessonPane == null) {
            lessonPane = new LessonPane(lesson);
            if (projector.isSelected()) {
                lessonPane.dock(true);
            }
        }
        return lessonPane;
    }

    /** A message box in our own words: JavaFX's default header ("Message") is not localised with the rest. */
    void inform(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text,
                new ButtonType(t("dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        alert.setTitle(t("app.title"));
        alert.setHeaderText(header);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    void zoomBy(double step) {
        zoom.set(clampZoom(Math.round((zoom.get() + step) * 10) / 10.0));
    }

    /** Large type and high contrast for the back row; the status bar goes. */
    private void projectorMode(boolean on) {
        if (on) {
            zoomBeforeProjector = zoom.get();
            zoom.set(projectorZoom);
            getStyleClass().add("projector");
            showLesson(true);
            onTheme.accept(false);
        } else {
            projectorZoom = Math.max(PROJECTOR_ZOOM, zoom.get());
            zoom.set(zoomBeforeProjector);
            getStyleClass().remove("projector");
            onTheme.accept(dark.isSelected());
        }
        // Beside the panes, the lesson keeps the full height; the panes stack to leave it room.
        outer.setOrientation(on ? Orientation.HORIZONTAL : Orientation.VERTICAL);
        split.setOrientation(on ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        lessonPane().dock(on);
        outer.setDividerPositions(on ? projectorSplit() : LESSON_BELOW);
        // Stacked for the projector, the client pane has a row more than the server's (the socket lab).
        split.setDividerPositions(on ? 0.46 : 0.5);
        getBottom().setVisible(!on);
        getBottom().setManaged(!on);
        // Each pane knows its own chrome: the window tells them, it does not reach into them.
        server.projector(on);
        clients.projector(on);
    }

    /**
     * Where the panes end in projector mode: a form row needs about the same room at any window size, so a wide
     * screen gives the extra width to the lesson (the diagram and the mirror), a 1024-wide one keeps the panes whole.
     */
    private double projectorSplit() {
        double width = getWidth();
        if (width <= 0) {
            return 0.6;
        }
        return Math.max(0.45, Math.min(0.6, PANES_WIDTH_PER_ZOOM * zoom.get() / width));
    }

    /** A notice that stays in the status line whenever nothing more urgent is shown there (until restart). */
    public void showNotice(String text) {
        notice = text;
        status.setText(text);
        status.setTooltip(new javafx.scene.control.Tooltip(text));
    }

    private String idleStatus() {
        return notice == null ? t("status.ready") : notice;
    }
}
