package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a user drives it, headless on Monocle, through the node ids of contract 3. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private final SocketEngine engine = new SocketEngine("ui-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean transcriptShows(FxRobot robot, String transcriptId, String text) {
        return robot.lookup(transcriptId).lookup(".bubble-text").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.text.Text l && l.getText().contains(text));
    }

    private void connectClient(FxRobot robot, int port) {
        robot.interact(() -> robot.lookup("#client-port").queryAs(TextField.class).setText(String.valueOf(port)));
        robot.clickOn("#client-connect");
        TestWindow.await(() -> text(robot, "#client-state").startsWith("Connected"));
    }

    /** True when the row showing {@code text} is on screen inside the transcript's viewport. */
    private static boolean inSight(FxRobot robot, ListView<?> list, String text) {
        var viewport = list.localToScene(list.getBoundsInLocal());
        return robot.lookup("#server-transcript").lookup(".bubble-text").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && text.equals(t.getText()) && cellOf(n) != null
                        && cellOf(n).isVisible() && !cellOf(n).isEmpty())
                .anyMatch(n -> {
                    var b = n.localToScene(n.getBoundsInLocal());
                    return b.getMaxY() <= viewport.getMaxY() + 0.5 && b.getMinY() >= viewport.getMinY() - 0.5;
                });
    }

    /** As a drag of the transcript's scroll bar to {@code where} (0 top, 1 bottom) ends: the bar moves, the mouse lets go. */
    private static void dragBar(FxRobot robot, ListView<?> list, double where) {
        robot.interact(() -> {
            var bar = (javafx.scene.control.ScrollBar) list.lookupAll(".scroll-bar").stream()
                    .filter(b -> ((javafx.scene.control.ScrollBar) b).getOrientation()
                            == javafx.geometry.Orientation.VERTICAL).findFirst().orElseThrow();
            bar.setValue(bar.getMin() + where * (bar.getMax() - bar.getMin()));
            bar.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_RELEASED, 0, 0, 0, 0,
                    javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, false, false, false,
                    false, false, false, null));
        });
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The lesson panel is built when first shown (start-up), and then shows what happened while it was hidden: the
     * lesson itself follows every socket from the start.
     */
    @Test
    void aLessonPanelFirstShownLateShowsWhatAlreadyHappened(FxRobot robot) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        robot.interact(() -> window.runHomework(port));
        TestWindow.await(() -> transcriptShows(robot, "#client-transcript", "This is socket!"));
        TestWindow.await(() -> text(robot, "#client-state").equals("The server closed the connection"));
        // A server that closes at once leaves nothing to read the options of: that is no error for the student.
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(window.client().session().transcript().messages())
                .noneMatch(m -> m.kind() == io.socketworkbench.ui.model.Message.Kind.ERROR);
        robot.interact(() -> window.showLesson(true));
        javafx.scene.layout.VBox steps = robot.lookup("#lesson-steps").queryAs(javafx.scene.layout.VBox.class);
        assertThat(steps.getChildren()).hasSize(5);
        assertThat(steps.getChildren()).allSatisfy(row -> assertThat(row.getStyleClass()).contains("done"));
        robot.interact(() -> window.server().stopServer());
    }

    @Test
    void aSlowStreamStaysInSightUntilTheUserScrollsUpAndFollowsAgainAtTheBottom(FxRobot robot) {
        var transcript = window.server().transcript();
        ListView<?> list = transcript.listView();
        for (int i = 0; i < 40; i++) {
            int n = i;
            robot.interact(() -> transcript.add(io.socketworkbench.ui.model.Message.event("line " + n)));
            WaitForAsyncUtils.sleep(15, TimeUnit.MILLISECONDS);
        }
        TestWindow.await(() -> inSight(robot, list, "line 39"));
        // The user drags the scroll bar to the top to read from the start.
        dragBar(robot, list, 0);
        assertThat(transcript.following()).isFalse();
        robot.interact(() -> transcript.add(io.socketworkbench.ui.model.Message.event("line 40")));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inSight(robot, list, "line 40")).as("reading older lines, the view stays put").isFalse();
        dragBar(robot, list, 1);
        assertThat(transcript.following()).isTrue();
        robot.interact(() -> transcript.add(io.socketworkbench.ui.model.Message.event("line 41")));
        TestWindow.await(() -> inSight(robot, list, "line 41"));
    }

    @Test
    void aBurstOfMessagesEndsWithTheNewestInSight(FxRobot robot) {
        var transcript = window.server().transcript();
        // What the homework does in one pulse: listening, connected, the greeting, closed, and more.
        robot.interact(() -> {
            for (int i = 0; i < 30; i++) {
                transcript.add(io.socketworkbench.ui.model.Message.event("event " + i));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = transcript.listView();
        var viewport = list.localToScene(list.getBoundsInLocal());
        Node last = robot.lookup("#server-transcript").lookup(".bubble-text").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.text.Text l && "event 29".equals(l.getText()) && cellOf(n) != null
                        && cellOf(n).isVisible() && cellOf(n).getIndex() == 29)
                .findFirst().orElseThrow(() -> new AssertionError("the newest message has no cell on screen"));
        var bounds = last.localToScene(last.getBoundsInLocal());
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(viewport.getMaxY() + 0.5);
        assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(viewport.getMinY() - 0.5);
    }

    private static javafx.scene.control.IndexedCell<?> cellOf(Node node) {
        Node at = node;
        while (at != null && !(at instanceof javafx.scene.control.IndexedCell<?>)) {
            at = at.getParent();
        }
        return (javafx.scene.control.IndexedCell<?>) at;
    }

    @Test
    void serverAndClientExchangeTextBothWays(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        connectClient(robot, port);
        TestWindow.await(() -> window.server().clientCount() == 1);

        robot.clickOn("#client-input").write("hello server").type(javafx.scene.input.KeyCode.ENTER);
        TestWindow.await(() -> transcriptShows(robot, "#server-transcript", "hello server"));
        assertThat(robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class).getText()).isEmpty();

        robot.clickOn("#server-input").write("hello client");
        robot.clickOn("#server-send");
        TestWindow.await(() -> transcriptShows(robot, "#client-transcript", "hello client"));
        assertThat(robot.lookup("#server-log").queryAs(ListView.class).getItems())
                .anyMatch(line -> line.toString().contains("Received 12 bytes"));
    }

    @Test
    void shiftEnterStartsANewLineAndEnterSendsBothLines(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        connectClient(robot, port);
        robot.clickOn("#client-input").write("GET / HTTP/1.0");
        robot.press(javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.SHIFT);
        robot.write("Host: x").type(javafx.scene.input.KeyCode.ENTER);
        TestWindow.await(() -> window.server().transcript().messages().stream()
                .anyMatch(m -> new String(m.data()).equals("GET / HTTP/1.0\nHost: x")));
    }

    @Test
    void hexModeShowsTheBytesAsAHexDump(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        connectClient(robot, port);
        robot.clickOn("#client-input").write("AB").type(javafx.scene.input.KeyCode.ENTER);
        TestWindow.await(() -> transcriptShows(robot, "#server-transcript", "AB"));
        robot.interact(() -> robot.lookup("#server-transcript-mode").queryAs(ComboBox.class)
                .setValue(io.socketworkbench.codec.PayloadFormat.HEX));
        TestWindow.await(() -> transcriptShows(robot, "#server-transcript", "00000000  41 42"));
    }

    @Test
    void aBadHexDigitIsPointedAtAndNothingIsSent(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        connectClient(robot, port);
        robot.interact(() -> robot.lookup("#client-input-format").queryAs(ComboBox.class)
                .setValue(io.socketworkbench.codec.PayloadFormat.HEX));
        robot.clickOn("#client-input").write("41 4g");
        TestWindow.await(() -> robot.lookup(".input-problem").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().contains("'g' is not a hex digit (position 5)")));
        robot.clickOn("#client-send");
        assertThat(window.client().transcript().messages()).noneMatch(m -> m.kind() == io.socketworkbench.ui.model
                .Message.Kind.SENT);
    }

    @Test
    void aBadPortIsRefusedAsYouType(FxRobot robot) {
        robot.interact(() -> robot.lookup("#client-port").queryAs(TextField.class).setText("70000"));
        assertThat(robot.lookup("#client-connect").queryAs(ToggleButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#client-port").queryAs(TextField.class).getStyleClass()).contains("invalid");
        robot.interact(() -> robot.lookup("#client-port").queryAs(TextField.class).setText("8080"));
        assertThat(robot.lookup("#client-connect").queryAs(ToggleButton.class).isDisabled()).isFalse();
    }

    @Test
    void aPortInUseIsExplainedInBothWordings(FxRobot robot) throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            robot.interact(() -> robot.lookup("#server-port").queryAs(TextField.class)
                    .setText(String.valueOf(busy.getLocalPort())));
            robot.clickOn("#server-start");
            TestWindow.await(() -> text(robot, "#server-state").contains("Errno 98"));
            assertThat(text(robot, "#server-state"))
                    .isEqualTo("Port already in use — OSError: [Errno 98] Address already in use");
            assertThat(robot.lookup("#server-start").queryAs(ToggleButton.class).isSelected()).isFalse();
        }
    }

    @Test
    void aRefusedConnectionIsExplained(FxRobot robot) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        robot.interact(() -> robot.lookup("#client-port").queryAs(TextField.class).setText(String.valueOf(closedPort)));
        robot.clickOn("#client-connect");
        TestWindow.await(() -> text(robot, "#client-state").contains("Errno 111"));
        assertThat(text(robot, "#client-state"))
                .isEqualTo("Connection refused — ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(robot.lookup("#client-connect").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void stoppingTheServerShowsTheCloseInTheClient(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        connectClient(robot, port);
        TestWindow.await(() -> window.server().clientCount() == 1);
        robot.clickOn("#server-start");
        TestWindow.await(() -> text(robot, "#client-state").equals("The server closed the connection"));
        assertThat(text(robot, "#server-state")).isEqualTo("Stopped");
    }

    @Test
    void theHomeworkExampleReproducesTheSeed(FxRobot robot) throws Exception {
        assertThat(io.socketworkbench.interop.PortWait.bindable(37777, true)).as("port 37777 free").isTrue();
        robot.interact(() -> window.runHomework());
        TestWindow.await(() -> transcriptShows(robot, "#client-transcript", "This is socket!"));
        TestWindow.await(() -> text(robot, "#client-state").equals("The server closed the connection"));
        assertThat(text(robot, "#server-state")).startsWith("Listening on 127.0.0.1:37777");
        assertThat(transcriptShows(robot, "#client-transcript", "The server closed the connection")).isTrue();

        // The lesson lit all five of the tutorial's steps and mirrored the seed's calls.
        robot.interact(() -> window.showLesson(true));
        TestWindow.await(() -> robot.lookup("#lesson-steps").lookup(".lesson-step.done").queryAll().size() == 5);
        assertThat(robot.lookup("#python-mirror").queryAs(ListView.class).getItems())
                .contains("con.send(b'This is socket!')  # 15", "data = c.recv(1024)  # b'This is socket!'");
    }

    @Test
    void aThousandClientsConnectWhileTheWindowKeepsAnswering(FxRobot robot) throws Exception {
        int port = TestWindow.startServer(robot);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong answeredProbes = new AtomicLong();
        // A probe on the FX thread, again and again: each must be answered within 5 s (else the probes fail, and
        // with them the test) while the clients pour in; a frozen window answers none.
        CompletableFuture<Void> probes = CompletableFuture.runAsync(() -> {
            while (flooding.get()) {
                CompletableFuture<Void> answered = new CompletableFuture<>();
                Platform.runLater(() -> answered.complete(null));
                answered.orTimeout(5, TimeUnit.SECONDS).join();
                answeredProbes.incrementAndGet();
            }
        });
        try (SocketEngine clients = new SocketEngine("flood")) {
            List<TcpClient> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(clients.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), e -> { }));
            }
            all.forEach(c -> c.connected().join());
            TestWindow.await(() -> window.server().clientCount() == 1000);
            flooding.set(false);
            probes.get(10, TimeUnit.SECONDS);
            // The state line follows the count once a pulse.
            TestWindow.await(() -> text(robot, "#server-state").contains("1,000 clients"));
        }
        assertThat(answeredProbes.get()).as("probes the window answered during the storm").isGreaterThan(1);
    }

    @org.junit.jupiter.api.RepeatedTest(4) // a hold and a release once crossed and stalled it for good: 1 run in 12
    void aLoopbackFloodIntoTheClientPaneDoesNotFreezeTheWindow(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        long total = 200L * 1024 * 1024;
        try (java.net.ServerSocket source = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try (java.net.Socket peer = source.accept()) {
                    byte[] block = new byte[1 << 20];
                    java.util.Arrays.fill(block, (byte) 'x');
                    for (long sent = 0; sent < total; sent += block.length) {
                        peer.getOutputStream().write(block);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long answeredProbes = 0;
            // In a folder JUnit removes whatever the outcome: a failed run leaves no capture in /tmp.
            java.nio.file.Path captured = dir.resolve("capture.bin");
            robot.interact(() -> window.client().startCapture(captured));
            connectClient(robot, source.getLocalPort());
            // Each probe must be answered within 5 s, or get() fails the test: the window never froze that long.
            while (!sender.isDone()) {
                CompletableFuture<Void> answered = new CompletableFuture<>();
                Platform.runLater(() -> answered.complete(null));
                answered.get(5, TimeUnit.SECONDS);
                answeredProbes++;
            }
            sender.get(60, TimeUnit.SECONDS);
            TestWindow.await(() -> text(robot, "#client-state").equals("The server closed the connection"));
            var transcript = window.client().transcript();
            // Every byte was counted and captured, and the view kept within its bounds.
            assertThat(window.client().bytesReceived()).isEqualTo(total);
            robot.interact(() -> window.client().stopCapture());
            assertThat(java.nio.file.Files.size(captured)).isEqualTo(total);
            assertThat(transcript.keptBytes()).isLessThanOrEqualTo(
                    io.socketworkbench.ui.model.Transcript.MAX_KEPT_BYTES);
            assertThat(answeredProbes).as("probes the window answered during the flood").isGreaterThan(1);
        }
    }

    @Test
    void theWindowSpeaksChineseWhenAskedTo(FxRobot robot) {
        robot.interact(() -> {
            I18n.use(Locale.SIMPLIFIED_CHINESE);
            Node chinese = new MainWindow(engine, bridge);
            robot.window(0).getScene().setRoot((javafx.scene.Parent) chinese);
        });
        assertThat(robot.lookup("#server-state").queryAs(Label.class).getText()).isEqualTo("已停止");
        assertThat(robot.lookup("#client-state").queryAs(Label.class).getText()).isEqualTo("未连接");
        assertThat(robot.lookup("#server-start").queryAs(ToggleButton.class).getText()).isEqualTo("启动");
        I18n.use(Locale.ENGLISH);
    }
}
