package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.fx.FxBridge;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The relay pane by its contract ids: a real client through it to a real server, both ways, half-close too. */
@ExtendWith(ApplicationExtension.class)
class RelayWindowTest {
    private final SocketEngine engine = new SocketEngine("relay-window-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() {
        window.relay().stop();
        engine.close();
    }

    @Test
    void bytesGoThroughUnchangedBothWaysTheHalfCloseIsPassedOnAndBothDirectionsShow(FxRobot robot) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            robot.interact(() -> {
                window.showRelay();
                robot.lookup("#relay-port").queryAs(TextField.class).setText("0");
                robot.lookup("#relay-to-host").queryAs(TextField.class).setText("127.0.0.1");
                robot.lookup("#relay-to-port").queryAs(TextField.class).setText(String.valueOf(server.getLocalPort()));
            });
            robot.clickOn("#relay-start");
            TestWindow.await(() -> window.relay().session().localPort() > 0);
            byte[] request = new byte[300_000];
            new Random(1).nextBytes(request);
            Thread answering = new Thread(() -> {
                try (Socket peer = server.accept()) {
                    // The server reads to the client's FIN, then answers with what it got, reversed.
                    byte[] got = peer.getInputStream().readAllBytes();
                    byte[] answer = new byte[got.length];
                    for (int i = 0; i < got.length; i++) {
                        answer[i] = got[got.length - 1 - i];
                    }
                    peer.getOutputStream().write(answer);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            answering.start();
            try (Socket client = new Socket("127.0.0.1", window.relay().session().localPort())) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write(request);
                client.shutdownOutput();
                InputStream in = client.getInputStream();
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                in.transferTo(back);
                byte[] expected = new byte[request.length];
                for (int i = 0; i < request.length; i++) {
                    expected[i] = request[request.length - 1 - i];
                }
                assertThat(back.toByteArray()).isEqualTo(expected);
            }
            answering.join(10_000);
        }
        TestWindow.await(() -> window.relay().session().forwardedBytes() == 600_000);
        TestWindow.await(() -> events().anyMatch(text -> text.endsWith("both directions ended")));
        var messages = window.relay().session().transcript().messages();
        long up = messages.stream().filter(m -> m.kind() == Message.Kind.RECEIVED).mapToLong(m -> m.data().length).sum();
        long down = messages.stream().filter(m -> m.kind() == Message.Kind.SENT).mapToLong(m -> m.data().length).sum();
        assertThat(up).as("client to server, shown as it went").isEqualTo(300_000);
        assertThat(down).as("server to client").isEqualTo(300_000);
        assertThat(messages.stream().filter(m -> m.peer() != null).map(Message::peer))
                .allMatch(peer -> peer.contains(" \u2192 "));
        assertThat(events().filter(text -> text.contains("finished sending (FIN)")).count()).isEqualTo(2);
        // The lesson's diagram draws three lifelines: the client, the relay, the server.
        var lifelines = window.lesson().sequence().lifelines();
        assertThat(lifelines).extracting(io.socketworkbench.lesson.SequenceDiagram.Lifeline::role)
                .contains(io.socketworkbench.lesson.SequenceDiagram.Role.CLIENT,
                        io.socketworkbench.lesson.SequenceDiagram.Role.RELAY,
                        io.socketworkbench.lesson.SequenceDiagram.Role.SERVER);
        assertThat(window.lesson().sequence().arrows()).extracting(io.socketworkbench.lesson.SequenceDiagram.Arrow::kind)
                .contains(io.socketworkbench.lesson.SequenceDiagram.Kind.CONNECT,
                        io.socketworkbench.lesson.SequenceDiagram.Kind.DATA,
                        io.socketworkbench.lesson.SequenceDiagram.Kind.FIN);
        robot.clickOn("#relay-start");
        TestWindow.await(() -> window.relay().session().localPort() < 0);
    }

    @Test
    void aRelayToItselfIsRefusedWithTheReasonAndTheStartButtonIsOffAgain(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String self = String.valueOf(port);
        robot.interact(() -> {
            window.showRelay();
            robot.lookup("#relay-port").queryAs(TextField.class).setText(self);
            robot.lookup("#relay-to-host").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#relay-to-port").queryAs(TextField.class).setText(self);
        });
        robot.clickOn("#relay-start");
        TestWindow.await(() -> window.relay().session().transcript().messages().stream()
                .anyMatch(m -> m.kind() == Message.Kind.ERROR && m.text().contains("ValueError")));
        TestWindow.await(() -> !robot.lookup("#relay-start").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected());
        assertThat(window.relay().session().running().get()).isFalse();
        assertThat(window.relay().session().localPort()).isEqualTo(-1);
        // Nothing was left listening on the port.
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        }
    }

    private java.util.stream.Stream<String> events() {
        return window.relay().session().transcript().messages().stream()
                .filter(m -> m.kind() == Message.Kind.EVENT).map(Message::text);
    }
}
