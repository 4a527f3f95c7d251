package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.fx.FxBridge;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import org.testfx.util.WaitForAsyncUtils;

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

    private static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    private int startServer(FxRobot robot) {
        robot.interact(() -> robot.lookup("#server-port").queryAs(TextField.class).setText("0"));
        robot.clickOn("#server-start");
        await(() -> robot.lookup("#server-state").queryAs(Label.class).getText().startsWith("Listening on"));
        return Integer.parseInt(robot.lookup("#server-state").queryAs(Label.class).getText()
                .replaceAll(".*:(\\d+).*", "$1"));
    }

    @Test
    void theCloseButtonOnAClientsRowClosesThatClientOnly(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
            await(() -> window.server().clientCount() == 2);
            String firstRow = "127.0.0.1:" + first.getLocalPort();
            Node row = robot.lookup("#server-connections").lookup(".list-cell").queryAll().stream()
                    .filter(cell -> cell.lookup(".label") instanceof Label l && l.getText().startsWith(firstRow))
                    .findFirst().orElseThrow();
            robot.clickOn(row.lookup(".button"));
            first.setSoTimeout(10_000);
            assertThat(first.getInputStream().read()).as("the first client sees its connection end").isEqualTo(-1);
            await(() -> window.server().clientCount() == 1);
            second.getOutputStream().write('x');
            await(() -> window.server().transcript().messages().stream()
                    .anyMatch(m -> m.peer() != null && m.peer().endsWith(":" + second.getLocalPort())));
        }
    }

    @Test
    void theLogFilterShowsOnlyMatchingLines(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (Socket client = new Socket("127.0.0.1", port)) {
            await(() -> window.server().clientCount() == 1);
        }
        await(() -> window.server().clientCount() == 0);
        @SuppressWarnings("unchecked")
        ListView<String> log = robot.lookup("#server-log").queryAs(ListView.class);
        await(() -> log.getItems().size() >= 3);
        TextField filter = robot.lookup("#server-log-filter").queryAs(TextField.class);
        robot.interact(() -> filter.setText("ACCEPTED"));
        List<String> shown = List.copyOf(log.getItems());
        assertThat(shown).isNotEmpty().allMatch(line -> line.contains("Accepted"));
        robot.interact(() -> filter.setText(""));
        assertThat(log.getItems().size()).isGreaterThan(shown.size());
    }
}
