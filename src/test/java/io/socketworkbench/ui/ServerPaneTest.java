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
}
