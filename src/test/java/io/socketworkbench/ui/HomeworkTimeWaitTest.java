package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.fx.FxBridge;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The homework on a port an earlier server left in TIME_WAIT: say why, connect to nothing, offer a way on. */
@ExtendWith(ApplicationExtension.class)
class HomeworkTimeWaitTest {
    private final SocketEngine engine = new SocketEngine("time-wait-test");
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

    /** A port whose earlier server closed its client first: the server's end lingers in TIME_WAIT. */
    private static int lingeringPort() throws Exception {
        try (ServerSocket earlier = new ServerSocket()) {
            earlier.setReuseAddress(false); // as Python's socket() is, and the tutorial's server.py
            earlier.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            try (Socket client = new Socket("127.0.0.1", earlier.getLocalPort());
                 Socket served = earlier.accept()) {
                served.close(); // the server closes first, as server.py does after its greeting
                client.getInputStream().read();
            }
            return earlier.getLocalPort();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theHomeworkSaysWhyItCannotStartConnectsToNothingAndOffersTheNextPort(FxRobot robot) throws Exception {
        // The offer names the next port, which must be free: a few tries find one (ports near the ephemeral range
        // are often held by this run's own connections).
        int port = lingeringPort();
        for (int tries = 0; tries < 20 && !free(port + 1); tries++) {
            port = lingeringPort();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(free(port + 1), "the next port is free");
        int lingering = port;
        robot.interact(() -> window.runHomework(lingering));
        TestWindow.await(() -> robot.lookup("#server-offer").query().isVisible());
        String offer = robot.lookup("#server-offer").lookup(".label").queryAs(Labeled.class).getText();
        assertThat(offer).contains("TIME_WAIT").contains(Integer.toString(port)).contains("SO_REUSEADDR");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.client().transcript().messages()).as("the client did not connect to nothing")
                .noneMatch(m -> m.kind() == Message.Kind.ERROR);
        assertThat(robot.lookup("#server-other-port").queryAs(Labeled.class).getText())
                .isEqualTo("Use port " + (port + 1));

        robot.clickOn("#server-other-port");
        TestWindow.await(() -> window.client().transcript().messages().stream()
                .anyMatch(m -> m.isData() && new String(m.data()).equals("This is socket!")));
        assertThat(robot.lookup("#server-offer").query().isVisible()).isFalse();
    }

    @Test
    void aPortHeldByAnotherServerGetsTheClientAsTheHomeworkClientWouldFindIt(FxRobot robot) throws Exception {
        try (ServerSocket seed = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread serve = new Thread(() -> {
                try (Socket con = seed.accept()) {
                    con.getOutputStream().write("This is socket!".getBytes());
                } catch (Exception ignored) {
                    // the test reads what the client got
                }
            });
            serve.setDaemon(true);
            serve.start();
            robot.interact(() -> window.runHomework(seed.getLocalPort()));
            TestWindow.await(() -> window.client().transcript().messages().stream()
                    .anyMatch(m -> m.isData() && new String(m.data()).equals("This is socket!")));
            assertThat(robot.lookup("#server-offer").lookup(".label").queryAs(Labeled.class).getText())
                    .startsWith("Another program is already listening on port " + seed.getLocalPort());
            assertThat(robot.lookup("#server-retry").tryQuery()).isEmpty();
        }
    }
}
