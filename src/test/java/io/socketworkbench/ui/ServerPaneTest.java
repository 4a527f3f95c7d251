package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.fx.FxBridge;
import java.net.Socket;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The server pane's connection list and log, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class ServerPaneTest {
    private final SocketEngine engine = new SocketEngine("server-pane-test");
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

    @Test
    void theCloseButtonOnAClientsRowClosesThatClientOnly(FxRobot robot) throws Exception {
        int port = TestWindow.startServer(robot);
        try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
            TestWindow.await(() -> window.server().clientCount() == 2);
            String firstRow = "127.0.0.1:" + first.getLocalPort();
            // The rows catch up with the clients once a pulse: wait for the row on screen, not a cell set aside.
            java.util.function.Supplier<java.util.Optional<Node>> onScreen = () -> robot.lookup("#server-connections")
                    .lookup(".list-cell").queryAll().stream()
                    .filter(cell -> cell.isVisible() && cell.getScene() != null
                            && cell instanceof javafx.scene.control.ListCell<?> c && !c.isEmpty()
                            && cell.lookup(".label") instanceof Label l && l.getText().startsWith(firstRow))
                    .findFirst();
            TestWindow.await(() -> onScreen.get().isPresent());
            Node row = onScreen.get().orElseThrow();
            robot.clickOn(row.lookup(".button"));
            first.setSoTimeout(10_000);
            assertThat(first.getInputStream().read()).as("the first client sees its connection end").isEqualTo(-1);
            TestWindow.await(() -> window.server().clientCount() == 1);
            second.getOutputStream().write('x');
            TestWindow.await(() -> window.server().transcript().messages().stream()
                    .anyMatch(m -> m.peer() != null && m.peer().endsWith(":" + second.getLocalPort())));
        }
    }

    @Test
    void theLogFilterShowsOnlyMatchingLines(FxRobot robot) throws Exception {
        int port = TestWindow.startServer(robot);
        try (Socket client = new Socket("127.0.0.1", port)) {
            TestWindow.await(() -> window.server().clientCount() == 1);
        }
        TestWindow.await(() -> window.server().clientCount() == 0);
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#server-log").queryAs(ListView.class);
        TestWindow.await(() -> log.getItems().size() >= 3);
        TextField filter = robot.lookup("#server-log-filter").queryAs(TextField.class);
        robot.interact(() -> filter.setText("ACCEPTED"));
        List<String> shown = List.copyOf(log.getItems());
        assertThat(shown).isNotEmpty().allMatch(line -> line.contains("Accepted"));
        robot.interact(() -> filter.setText(""));
        assertThat(log.getItems().size()).isGreaterThan(shown.size());
    }

    @Test
    void theLogsRowsHaveOneFixedHeightTheirOwnAtEveryTypeSize(FxRobot robot) throws Exception {
        int port = TestWindow.startServer(robot);
        try (Socket client = new Socket("127.0.0.1", port)) {
            TestWindow.await(() -> window.server().clientCount() == 1);
        }
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#server-log").queryAs(ListView.class);
        TestWindow.await(() -> log.getItems().size() >= 3 && log.getFixedCellSize() > 0);
        double normal = log.getFixedCellSize();
        // The height a row takes by itself (a cell of the same styles, measured with no fixed height).
        double[] natural = new double[1];
        robot.interact(() -> natural[0] = naturalRowHeight(log));
        assertThat(normal).isEqualTo(natural[0]);
        // Larger type: the rows are measured again and fixed at their new height.
        robot.interact(() -> window.zoom().set(2.0));
        TestWindow.await(() -> log.getFixedCellSize() > normal * 1.5);
        robot.interact(() -> natural[0] = naturalRowHeight(log));
        assertThat(log.getFixedCellSize()).isEqualTo(natural[0]);
    }

    /** A row of the log laid out alone in the log's place, with no fixed height: the height it takes. */
    private static double naturalRowHeight(ListView<String> log) {
        ListView<String> alone = new ListView<>(javafx.collections.FXCollections.observableArrayList(
                log.getItems().get(0)));
        alone.getStyleClass().setAll(log.getStyleClass());
        alone.setCellFactory(log.getCellFactory());
        javafx.scene.layout.Pane parent = (javafx.scene.layout.Pane) log.getParent();
        parent.getChildren().add(alone);
        try {
            alone.setFixedCellSize(-1);
            alone.applyCss();
            alone.resize(log.getWidth(), log.getHeight());
            alone.layout();
            return alone.lookupAll(".list-cell").stream().map(javafx.scene.control.ListCell.class::cast)
                    .filter(c -> !c.isEmpty()).mapToDouble(javafx.scene.control.ListCell::getHeight).max()
                    .orElse(-1);
        } finally {
            parent.getChildren().remove(alone);
        }
    }

    @Test
    void aWrongPortSaysWhyUnderTheFormAndTheStartButtonWaits(FxRobot robot) {
        TextField port = robot.lookup("#server-port").queryAs(TextField.class);
        Label problem = robot.lookup("#server-port-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isFalse();
        robot.interact(() -> port.setText("70000"));
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("70000").contains("65535");
        assertThat(robot.lookup("#server-start").query().isDisabled()).isTrue();
        robot.interact(() -> port.setText(""));
        assertThat(problem.getText()).contains("0 to 65535").doesNotContain("\u2018");
        robot.interact(() -> port.setText("0"));
        assertThat(problem.isVisible()).isFalse();
        assertThat(robot.lookup("#server-start").query().isDisabled()).isFalse();
    }

    @Test
    void aLongStateLineGivesWayToThePaneTitle(FxRobot robot) {
        Label state = robot.lookup("#server-state").queryAs(Label.class);
        Label title = (Label) state.getParent().getChildrenUnmodifiable().get(0);
        robot.interact(() -> state.setText("Listening on 127.0.0.1:37777 · 1,234 clients · ".repeat(6)));
        robot.interact(() -> { });
        assertThat(title.getWidth()).as("the title keeps its width").isGreaterThanOrEqualTo(title.prefWidth(-1) - 0.5);
        assertThat(state.getWidth()).isLessThan(state.prefWidth(-1));
        assertThat(state.getTooltip().getText()).isEqualTo(state.getText());
    }

    /**
     * Issue 27: the server's limits in the window, set in the options dialog (the gear): past the number of clients
     * at once a newcomer is told the busy text and closed; a client that sends nothing is closed after the idle
     * timeout; the log says why each time.
     */
    @Test
    void theLimitsFromTheGearRefuseWithTheBusyTextAndCloseAnIdleClient(FxRobot robot) throws Exception {
        robot.clickOn("#server-options");
        robot.interact(() -> {
            robot.lookup("#option-max-clients").queryAs(TextField.class).setText("1");
            robot.lookup("#option-busy").queryAs(TextField.class).setText("busy, try later\\n");
            robot.lookup("#option-idle-timeout").queryAs(TextField.class).setText("1");
        });
        robot.clickOn("OK");
        assertThat(window.server().limits().maxClients()).isEqualTo(1);
        int port = TestWindow.startServer(robot);
        try (Socket first = new Socket("127.0.0.1", port)) {
            TestWindow.await(() -> window.server().clientCount() == 1);
            try (Socket second = new Socket("127.0.0.1", port)) {
                second.setSoTimeout(10_000);
                assertThat(new String(second.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo("busy, try later\n");
            }
            first.setSoTimeout(10_000);
            assertThat(first.getInputStream().read()).as("closed after a second of silence").isEqualTo(-1);
        }
        TestWindow.await(() -> logText(robot).contains(": already 1 client")
                && logText(robot).contains(": it sent nothing for 1 s (idle timeout)"));
        TestWindow.await(() -> window.server().transcript().messages().stream()
                .anyMatch(m -> m.text() != null && m.text().contains("It was told: busy, try later")));
    }

    private static String logText(FxRobot robot) {
        return String.join("\n", robot.lookup("#server-log").queryAs(ListView.class).getItems().stream()
                .map(String::valueOf).toList());
    }
}
