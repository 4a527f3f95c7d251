package io.socketworkbench.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.Protocol;
import io.socketworkbench.ui.fx.FxBridge;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The UDP row of both panes (issue 29): the client's broadcast switch (SO_BROADCAST) to loopback's broadcast
 * address 127.255.255.255, and the server's group, checked before it starts. Receiving from a group needs a
 * network with multicast: MulticastNamespaceTest checks that in a namespace of its own.
 */
@ExtendWith(ApplicationExtension.class)
class BroadcastWindowTest {
    private final SocketEngine engine = new SocketEngine("broadcast-window-test");
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

    private void sendBroadcast(FxRobot robot, int port, boolean broadcast) {
        robot.interact(() -> {
            window.client().form().set(Protocol.UDP, "127.255.255.255", port);
            robot.lookup("#client-broadcast").queryAs(CheckBox.class).setSelected(broadcast);
        });
        robot.clickOn("#client-connect");
        robot.interact(() -> robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class)
                .setText("to everyone"));
        robot.clickOn("#client-send");
    }

    @Test
    void theBroadcastSwitchLetsADatagramReachEveryoneAndWithoutItPythonsErrorIsShown(FxRobot robot) throws Exception {
        try (DatagramSocket everyone = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0))) {
            everyone.setSoTimeout(10_000);
            int port = everyone.getLocalPort();
            // Hidden for TCP: the row's controls join the window when UDP is first chosen.
            assertThat(robot.lookup("#client-broadcast").tryQuery().map(n -> n.getParent().isVisible()).orElse(false))
                    .as("hidden for TCP").isFalse();

            sendBroadcast(robot, port, true);
            DatagramPacket got = new DatagramPacket(new byte[100], 100);
            everyone.receive(got);
            assertThat(new String(got.getData(), 0, got.getLength(), UTF_8)).isEqualTo("to everyone");

            robot.clickOn("#client-connect"); // closes the socket
            sendBroadcast(robot, port, false);
            TestWindow.await(() -> window.client().session().transcript().messages().stream()
                    .anyMatch(m -> m.kind() == Message.Kind.ERROR && m.text() != null
                            && m.text().contains("PermissionError: [Errno 13] Permission denied")));
        }
    }

    @Test
    void aServerGroupThatIsNotMulticastIsRefusedBeforeItStarts(FxRobot robot) {
        robot.interact(() -> window.server().form().set(Protocol.UDP, "127.0.0.1", 0));
        assertThat(robot.lookup("#server-join").query().getParent().isVisible()).isTrue();
        robot.interact(() -> robot.lookup("#server-join").queryAs(TextField.class).setText("10.1.2.3"));
        robot.clickOn("#server-start");
        TestWindow.await(() -> robot.lookup("#server-state").queryAs(Label.class).getText()
                .equals("10.1.2.3 is not a multicast group: use 224.0.0.0 to 239.255.255.255 (IPv4) or ff00::/8 (IPv6)."));
        assertThat(window.server().running()).isFalse();
    }
}
