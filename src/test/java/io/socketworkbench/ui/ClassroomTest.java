package io.socketworkbench.ui;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.SequenceDiagram;
import io.socketworkbench.ui.fx.FxBridge;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The classroom features as a teacher drives them: projector mode, the diagram, the mirror, the socket lab. */
@ExtendWith(ApplicationExtension.class)
class ClassroomTest {
    private final SocketEngine engine = new SocketEngine("classroom-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1024, 768);
        window.showLesson(true);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
            if (condition.getAsBoolean()) {
                return;
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("condition not met within 15 s; mirror: " + window.lesson().mirror()
                + "; client transcript: " + window.client().transcript().messages().stream()
                .map(window.client().transcript()::render).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<String> mirror(FxRobot robot) {
        return List.copyOf(robot.lookup("#python-mirror").queryAs(ListView.class).getItems());
    }

    /** The transcript's kept messages, as it renders them (cells off screen are not in the scene graph). */
    private boolean transcriptShows(FxRobot robot, String id, String text) {
        var view = id.startsWith("#client") ? window.client().transcript() : window.server().transcript();
        return view.messages().stream().anyMatch(m -> view.render(m).contains(text));
    }

    private static CheckMenuItem projectorItem(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "projector-mode".equals(i.getId())).map(CheckMenuItem.class::cast).findFirst()
                .orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private int startServer(FxRobot robot, io.socketworkbench.ui.model.Protocol protocol,
            io.socketworkbench.session.ReplyMode mode)
            throws IOException {
        int port = protocol == io.socketworkbench.ui.model.Protocol.UDP ? freeUdpPort() : freePort();
        robot.interact(() -> {
            window.server().form().set(protocol, "127.0.0.1", port);
            window.server().setReply(mode, "hi");
            window.server().startServer();
        });
        await(() -> window.lesson().mirror().stream().anyMatch(l -> l.startsWith("s.bind(")));
        return port;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    void theHomeworkInProjectorModeShowsStepsDiagramMirrorAndExports(FxRobot robot) throws Exception {
        assertThat(io.socketworkbench.interop.PortWait.bindable(37777, true)).as("port 37777 free").isTrue();
        robot.interact(() -> projectorItem(robot).setSelected(true));
        assertThat(window.zoom().get()).isGreaterThanOrEqualTo(2.0);
        assertThat(window.getStyleClass()).contains("projector");
        robot.interact(() -> window.runHomework());
        await(() -> robot.lookup("#lesson-steps").lookup(".lesson-step.done").queryAll().size() == 5);
        await(() -> window.lesson().sequence().arrows().size() == 4);

        // The diagram: two lifelines by ip:port, the connect, the greeting, the server's FIN, the client's FIN.
        SequenceDiagram sequence = window.lesson().sequence();
        assertThat(sequence.lifelines()).extracting(SequenceDiagram.Lifeline::role)
                .containsExactly(SequenceDiagram.Role.SERVER, SequenceDiagram.Role.CLIENT);
        assertThat(sequence.lifelines().get(0).address()).isEqualTo("127.0.0.1:37777");
        assertThat(sequence.arrows()).extracting(SequenceDiagram.Arrow::kind).containsExactly(SequenceDiagram.Kind.CONNECT,
                SequenceDiagram.Kind.DATA, SequenceDiagram.Kind.FIN, SequenceDiagram.Kind.FIN);
        assertThat(sequence.arrows().get(1).preview()).isEqualTo("b'This is socket!'");
        await(() -> robot.lookup("#sequence-diagram").lookup(".seq-label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("b'This is socket!' · 15 B")));
        assertThat(robot.lookup("#sequence-diagram").lookup(".seq-address").queryAll())
                .anySatisfy(n -> assertThat(((Label) n).getText()).isEqualTo("127.0.0.1:37777"));
        assertThat(mirror(robot)).contains("s.listen(5)", "con.send(b'This is socket!')  # 15",
                "data = c.recv(1024)  # b'This is socket!'");

        // Everything fits a 1024×768 projector: the panes' main buttons are inside the panes, not under the lesson.
        var panes = window.split().localToScene(window.split().getBoundsInLocal());
        assertThat(panes.getMaxX()).isLessThanOrEqualTo(1024);
        for (String id : List.of("#server-start", "#client-connect", "#server-send", "#client-send")) {
            var bounds = robot.lookup(id).query().localToScene(robot.lookup(id).query().getBoundsInLocal());
            assertThat(bounds.getMaxX()).as(id).isLessThanOrEqualTo(panes.getMaxX());
            assertThat(bounds.getMaxY()).as(id).isLessThanOrEqualTo(768);
        }

        // PNG export of the whole diagram.
        Path png = dir.resolve("sequence.png");
        int[] height = new int[1];
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Integer>> pngDone =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> pngDone.set(window.lessonPane().sequence().exportPng(png, 800)));
        height[0] = pngDone.get().get(20, java.util.concurrent.TimeUnit.SECONDS);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(height[0]).isGreaterThan(4 * 20);

        // Export as Python: the seed's server loop, and a client that prints the greeting.
        List<Path> written = window.exportPython(dir);
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("server.py", "client.py");
        assertThat(Files.readString(dir.resolve("server.py"), UTF_8)).contains(
                "s.bind(('127.0.0.1', 37777))\ns.listen(5)\nwhile True:\n    con, addr = s.accept()\n"
                        + "    print(\"connected from\", addr)\n    con.send(b'This is socket!')\n    con.close()\n");
        assertThat(Files.readString(dir.resolve("client.py"), UTF_8)).contains(
                "c.connect(('127.0.0.1', 37777))\ndata = recv_exactly(c, 15)\nprint(data)\n");
        robot.interact(() -> window.server().stopServer());
    }

    @Test
    void eachModeKeepsItsOwnZoomAndARestoredWindowComesBackTheSame(FxRobot robot) {
        robot.interact(() -> window.zoom().set(1.2));
        robot.interact(() -> projectorItem(robot).setSelected(true));
        assertThat(window.zoom().get()).as("projector type is at least twice the normal size").isEqualTo(2.0);
        robot.interact(() -> window.zoom().set(2.5));
        robot.interact(() -> projectorItem(robot).setSelected(false));
        assertThat(window.zoom().get()).isEqualTo(1.2);
        assertThat(window.getStyleClass()).doesNotContain("projector");
        robot.interact(() -> projectorItem(robot).setSelected(true));
        assertThat(window.zoom().get()).as("projector mode remembers its own zoom").isEqualTo(2.5);
        MainWindow.ZoomState saved = window.zoomState();
        assertThat(saved).isEqualTo(new MainWindow.ZoomState(1.2, 2.5, true));

        // What a restart does: a new window, restored from the saved numbers.
        robot.interact(() -> {
            MainWindow again = new MainWindow(engine, bridge);
            again.restore(saved);
            assertThat(again.getStyleClass()).contains("projector");
            assertThat(again.zoom().get()).isEqualTo(2.5);
            assertThat(again.zoomState()).isEqualTo(saved);
            // A hand-edited file cannot make projector type small, nor any zoom absurd.
            again.restore(new MainWindow.ZoomState(40, 1.0, true));
            assertThat(again.zoom().get()).isEqualTo(2.0);
            assertThat(again.zoomState().normal()).isEqualTo(3.0);
        });
    }

    @Test
    void leavingProjectorModeGivesBackTheDarkThemeAndEveryPartItHid(FxRobot robot) {
        List<Boolean> applied = new java.util.ArrayList<>();
        robot.interact(() -> {
            window.onTheme(applied::add);
            // What a click on View → Dark theme does: the menu ticks the item, then fires its action.
            window.darkItem().setSelected(true);
            window.darkItem().fire();
        });
        assertThat(window.darkItem().isSelected()).isTrue();
        robot.interact(() -> projectorItem(robot).setSelected(true));
        // Dark type on a white page for the projector; the user's choice stays, and cannot be changed meanwhile.
        assertThat(window.darkItem().isSelected()).isTrue();
        assertThat(window.darkItem().isDisable()).isTrue();
        robot.interact(() -> projectorItem(robot).setSelected(false));
        assertThat(window.darkItem().isDisable()).isFalse();
        // And what it hid comes back: the connection list, the log, the status bar.
        for (String id : List.of("#server-connections", "#server-log")) {
            assertThat(robot.lookup(id).tryQuery()).as(id).hasValueSatisfying(node -> {
                assertThat(node.isVisible()).isTrue();
                assertThat(node.getParent().isVisible()).isTrue();
            });
        }
        assertThat(window.getBottom().isVisible()).isTrue();
        assertThat(applied).containsExactly(true, false, true);
    }

    /**
     * Start-up: what a fresh window keeps closed is not styled or skinned before the first frame. The socket lab's
     * controls join the scene when the lab is first opened, and then work (MainWindowTest: the lesson panel).
     */
    @Test
    void closedPartsJoinTheSceneWhenFirstOpened(FxRobot robot) {
        assertThat(robot.lookup("#client-timeout").tryQuery()).as("closed lab").isEmpty();
        javafx.scene.control.TitledPane lab = robot.lookup("#client-lab").queryAs(javafx.scene.control.TitledPane.class);
        robot.interact(() -> {
            lab.setAnimated(false);
            lab.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextField timeout = robot.lookup("#client-timeout").queryAs(TextField.class);
        assertThat(timeout.getSkin()).as("styled and skinned once shown").isNotNull();
        robot.interact(() -> lab.setExpanded(false));
        robot.interact(() -> lab.setExpanded(true));
        assertThat(robot.lookup("#client-timeout").queryAll()).as("attached once").hasSize(1);
    }

    @Test
    void theSocketLabShowsWholeAndOnAProjectorScrollsWithoutPushingSendOffTheScreen(FxRobot robot) {
        javafx.scene.control.TitledPane lab = robot.lookup("#client-lab").queryAs(javafx.scene.control.TitledPane.class);
        robot.interact(() -> {
            lab.setAnimated(false);
            lab.setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var scroll = (javafx.scene.control.ScrollPane) lab.getContent();
        var content = (javafx.scene.layout.Region) scroll.getContent();
        assertThat(scroll.getHeight()).as("normal mode: the whole lab, no scrolling")
                .isGreaterThanOrEqualTo(content.getHeight() - 1);

        robot.interact(() -> projectorItem(robot).setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lab.isVisible() && lab.isManaged()).as("the lab is teaching material, not chrome").isTrue();
        assertThat(scroll.getHeight()).isPositive();
        for (String id : List.of("#client-send", "#client-input")) {
            var bounds = robot.lookup(id).query().localToScene(robot.lookup(id).query().getBoundsInLocal());
            assertThat(bounds.getMaxY()).as(id).isLessThanOrEqualTo(768);
        }
    }

    /** Whether a text field is wide enough to show all of its text, without scrolling it. */
    private static boolean showsAll(TextField field) {
        Text probe = new Text(field.getText());
        probe.setFont(field.getFont());
        double room = field.getWidth() - field.snappedLeftInset() - field.snappedRightInset();
        return probe.getLayoutBounds().getWidth() <= room;
    }

    @Test
    void bothFormsShowTheWholePortAt1024x768InNormalAndProjectorMode(FxRobot robot) {
        for (boolean projector : List.of(false, true)) {
            robot.interact(() -> projectorItem(robot).setSelected(projector));
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : List.of("#server-port", "#client-port")) {
                TextField field = robot.lookup(id).queryAs(TextField.class);
                assertThat(field.getText()).isEqualTo("37777");
                assertThat(showsAll(field)).as(id + (projector ? " in projector mode" : " in normal mode")).isTrue();
            }
        }
    }

    /** Height of {@code text} in {@code cell}'s font, wrapped at the room the cell really has (0: one line). */
    private static double linesHeight(javafx.scene.control.Labeled cell, String text, boolean wrapped) {
        Text probe = new Text(text);
        probe.setFont(cell.getFont());
        if (wrapped) {
            probe.setWrappingWidth(cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset());
        }
        return probe.getLayoutBounds().getHeight();
    }

    @Test
    void mirrorLinesInProjectorModeShowWholeCallsWithNoGapsBetweenThem(FxRobot robot) {
        robot.interact(() -> projectorItem(robot).setSelected(true));
        String longCall = "c.connect_ex(('127.0.0.1', 37777))  # 111  (errno.ECONNREFUSED, no exception)";
        robot.interact(() -> {
            Lesson lesson = window.lesson();
            lesson.serverListening(new ServerSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 0), false,
                    null, null, 5, null),
                    new java.net.InetSocketAddress("127.0.0.1", 37777));
            lesson.clientOpening(new ClientSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 37777), false,
                    null, new ClientLab(true, null, false, 1024, false)));
            lesson.clientFailed(io.socketworkbench.engine.SocketError.from(new java.net.ConnectException(
                    "Connection refused")));
        });
        await(() -> mirror(robot).contains(longCall));
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#python-mirror").queryAs(ListView.class);
        for (String call : List.of("s.listen(5)", longCall)) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                list.scrollTo(list.getItems().indexOf(call));
                list.layout();
            });
            javafx.scene.control.Labeled cell = robot.lookup("#python-mirror").lookup(".list-cell").queryAll()
                    .stream().map(javafx.scene.control.Labeled.class::cast)
                    .filter(c -> call.equals(c.getText()) && c.isVisible()).findFirst()
                    .orElseThrow(() -> new AssertionError(call + " not on screen; cells: " + robot.lookup(
                            "#python-mirror").lookup(".list-cell").queryAll().stream()
                            .map(n -> ((javafx.scene.control.Labeled) n).getText() + "/" + n.isVisible()).toList()));
            double content = cell.getHeight() - cell.snappedTopInset() - cell.snappedBottomInset();
            double lines = linesHeight(cell, call, true);
            // Every wrapped line of the call fits: nothing is cut to "…".
            assertThat(content).as(call).isGreaterThanOrEqualTo(lines - 0.5);
            // And a call takes no more than its own lines: no blank line under a short one.
            assertThat(content).as(call).isLessThan(lines + linesHeight(cell, "x", false));
            if (call.equals(longCall)) {
                assertThat(lines).as("the long call wraps at 1024×768").isGreaterThan(2 * linesHeight(cell, "x",
                        false));
            }
        }
    }

    @Test
    void connectExReturnsTheCodeWhereConnectRaises(FxRobot robot) throws Exception {
        int port = freePort();
        robot.interact(() -> {
            window.client().form().set(io.socketworkbench.ui.model.Protocol.TCP, "127.0.0.1", port);
            window.client().setLab(new ClientLab(true, null, false, 1024, false));
            window.client().open();
        });
        await(() -> mirror(robot).contains(
                "c.connect_ex(('127.0.0.1', " + port + "))  # 111  (errno.ECONNREFUSED, no exception)"));
        assertThat(window.lesson().sequence().arrows()).extracting(SequenceDiagram.Arrow::kind)
                .containsExactly(SequenceDiagram.Kind.REFUSED);
    }

    @Test
    void receivingByHandShowsBlockingIoErrorThenBufsizePiecesThenTheEmptyBytes(FxRobot robot) throws Exception {
        int port = startServer(robot, io.socketworkbench.ui.model.Protocol.TCP,
                io.socketworkbench.session.ReplyMode.NONE);
        robot.interact(() -> {
            window.client().form().set(io.socketworkbench.ui.model.Protocol.TCP, "127.0.0.1", port);
            window.client().setLab(new ClientLab(false, null, true, 4, true));
            window.client().open();
        });
        await(() -> window.server().clientCount() == 1 && window.client().isOpen());
        robot.interact(() -> window.client().recvNow());
        await(() -> mirror(robot).contains(
                "data = c.recv(4)  # BlockingIOError: [Errno 11] Resource temporarily unavailable"));
        assertThat(mirror(robot)).contains("c.setblocking(False)");

        robot.clickOn("#server-input").write("hello world").type(javafx.scene.input.KeyCode.ENTER);
        await(() -> robot.lookup("#client-state").queryAs(Label.class).getText().equals("11 bytes are waiting: press recv"));
        for (String piece : List.of("hell", "o wo", "rld")) {
            robot.interact(() -> window.client().recvNow());
            await(() -> mirror(robot).contains("data = c.recv(4)  # b'" + piece + "'"));
        }
        // The server closes; with nothing left to read, the next recv returns b''.
        robot.interact(() -> window.server().stopServer());
        await(() -> robot.lookup("#client-state").queryAs(Label.class).getText()
                .equals("The other side closed: recv will return b''"));
        // The FIN has arrived but the client has not read the b'' yet, nor closed: CLOSE_WAIT.
        await(() -> window.lesson().clientState() == io.socketworkbench.lesson.TcpState.CLOSE_WAIT);
        assertThat(window.lesson().sequence().arrows()).last().extracting(SequenceDiagram.Arrow::kind)
                .isEqualTo(SequenceDiagram.Kind.FIN);
        robot.interact(() -> window.client().recvNow());
        await(() -> transcriptShows(robot, "#client-transcript", "recv(4) returned b'': the other side closed"));
        assertThat(window.client().isOpen()).isFalse();
        assertThat(window.lesson().clientState()).isEqualTo(io.socketworkbench.lesson.TcpState.CLOSED);
    }

    @Test
    void settimeoutMakesAWaitingRecvRaiseTimeoutError(FxRobot robot) throws Exception {
        int port = startServer(robot, io.socketworkbench.ui.model.Protocol.TCP,
                io.socketworkbench.session.ReplyMode.NONE);
        robot.interact(() -> {
            window.client().form().set(io.socketworkbench.ui.model.Protocol.TCP, "127.0.0.1", port);
            window.client().setLab(new ClientLab(false, 0.3, false, 1024, true));
            window.client().open();
        });
        await(() -> window.client().isOpen() && window.server().clientCount() == 1);
        robot.interact(() -> window.client().recvNow());
        assertThat(robot.lookup("#client-state").queryAs(Label.class).getText())
                .isEqualTo("recv(1024) is waiting for data…");
        await(() -> mirror(robot).contains("data = c.recv(1024)  # TimeoutError: timed out"));
        assertThat(mirror(robot)).contains("c.settimeout(0.3)");
        // Unlike a lost connection, a timeout leaves the socket open.
        assertThat(window.client().isOpen()).isTrue();
    }

    @Test
    void udpKeepsDatagramBoundariesAndCutsOnesThatDoNotFit(FxRobot robot) throws Exception {
        int port = startServer(robot, io.socketworkbench.ui.model.Protocol.UDP,
                io.socketworkbench.session.ReplyMode.ECHO);
        robot.interact(() -> {
            window.client().form().set(io.socketworkbench.ui.model.Protocol.UDP, "127.0.0.1", port);
            window.client().setLab(new ClientLab(false, null, false, 4, false));
            window.client().open();
        });
        await(() -> window.lesson().sequence().lifelines().size() == 2);
        robot.clickOn("#client-input").write("hello").type(javafx.scene.input.KeyCode.ENTER);
        await(() -> mirror(robot).stream().anyMatch(l -> l.startsWith("data, addr = c.recvfrom(4)  # b'hell', ")
                && l.endsWith("(1 more bytes discarded: a datagram does not wait)")));
        assertThat(transcriptShows(robot, "#client-transcript",
                "1 bytes of this datagram did not fit in recvfrom(4) and were discarded")).isTrue();
        // One crossing each way, each drawn once.
        assertThat(window.lesson().sequence().arrows()).extracting(SequenceDiagram.Arrow::kind)
                .containsExactly(SequenceDiagram.Kind.DATAGRAM, SequenceDiagram.Kind.DATAGRAM);
        // No connection, so no TCP states; the client says where it sends from and to.
        assertThat(robot.lookup("#lesson-states").queryAs(Label.class).getText())
                .isEqualTo("UDP has no connection, so no TCP states");
        assertThat(robot.lookup("#client-state").queryAs(Label.class).getText())
                .matches("UDP 127\\.0\\.0\\.1:\\d+ → 127\\.0\\.0\\.1:" + port + " \\(no connection\\)");
    }

    @Test
    void halfCloseLetsTheServerSeeTheEndAndTheOptionsReadBackAsTheSystemHoldsThem(FxRobot robot) throws Exception {
        int port = startServer(robot, io.socketworkbench.ui.model.Protocol.TCP,
                io.socketworkbench.session.ReplyMode.ECHO);
        robot.interact(() -> {
            window.client().form().set(io.socketworkbench.ui.model.Protocol.TCP, "127.0.0.1", port);
            window.client().setOptions(SocketOptionsSpec.DEFAULTS.withBuffers(4096, null).withTcpNoDelay(true));
            window.client().open();
        });
        // Linux doubles the receive buffer it is given: the read-back shows what it really holds.
        await(() -> mirror(robot).contains("c.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)  # 8192"));
        assertThat(mirror(robot)).contains("c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)",
                "c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)  # 1");

        robot.clickOn("#client-input").write("bye").type(javafx.scene.input.KeyCode.ENTER);
        await(() -> mirror(robot).contains("data = c.recv(1024)  # b'bye'"));
        robot.interact(() -> window.client().shutdownOutput());
        await(() -> mirror(robot).contains("c.shutdown(socket.SHUT_WR)"));
        // The server's recv returns b'', it closes, and so does the client.
        await(() -> window.server().clientCount() == 0 && !window.client().isOpen());
        assertThat(mirror(robot)).contains("data = con.recv(1024)  # b''  (the other side closed)");
        assertThat(window.lesson().sequence().arrows()).extracting(SequenceDiagram.Arrow::kind)
                .contains(SequenceDiagram.Kind.HALF_CLOSE);
        assertThat(window.lesson().serverState()).isNotEqualTo(io.socketworkbench.lesson.TcpState.ESTABLISHED);
        Lesson lesson = window.lesson();
        assertThat(lesson.done()).contains(io.socketworkbench.lesson.LessonStep.CLOSE);
    }
}
