package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.session.ConfigFolder;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.Protocol;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** TLS in both panes, by the contract's node ids: the TLS lines show what the engine's handshake agreed. */
@ExtendWith(ApplicationExtension.class)
class TlsWindowTest {
    private final SocketEngine engine = new SocketEngine("tls-window-test");
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

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, Protocol protocol) {
        ComboBox<Protocol> box = robot.lookup(id).queryComboBox();
        robot.interact(() -> box.setValue(protocol));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theClientTrustsTheServersSelfSignedCertificateAndBothShowWhatTheHandshakeAgreed(FxRobot robot) {
        choose(robot, "#server-protocol", Protocol.TLS);
        int port = TestWindow.startServer(robot);
        String certificate = ConfigFolder.tls().resolve("localhost-cert.pem").toString();
        assertThat(text(robot, "#server-tls-info")).contains(certificate).containsPattern("SHA-256 ([0-9A-F]{2}:){31}");

        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            robot.lookup("#client-tls-cafile").queryAs(TextField.class).setText(certificate);
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        awaitQuietly(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3, TLS_"));
        assertThat(text(robot, "#client-tls-info")).as(() -> window.client().session().transcript().messages()
                        .toString()).startsWith("TLS: TLSv1.3, TLS_")
                .contains("Server’s certificate: CN=Socket Workbench (localhost)")
                .contains("for localhost, 127.0.0.1, ::1").endsWith("verified");
        TestWindow.await(() -> text(robot, "#server-tls-info").contains("Last handshake, with 127.0.0.1:"));
        assertThat(robot.lookup("#client-tls-warning").queryAs(Label.class).isVisible()).isFalse();

        // The plaintext crosses: the server's transcript shows what the client typed.
        robot.interact(() -> robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class)
                .setText("over tls"));
        robot.clickOn("#client-send");
        TestWindow.await(() -> window.server().session().transcript().messages().stream()
                .anyMatch(m -> m.kind() == Message.Kind.RECEIVED
                        && new String(m.data(), java.nio.charset.StandardCharsets.UTF_8).contains("over tls")));
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
        try {
            TestWindow.await(condition);
        } catch (AssertionError timedOut) {
            // the assertion after it says what was there instead
        }
    }

    @Test
    void withoutTheCaFileTheClientSaysWhyInPlainWordsAndDoNotVerifyStaysRed(FxRobot robot) {
        choose(robot, "#server-protocol", Protocol.TLS);
        int port = TestWindow.startServer(robot);
        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        TestWindow.await(() -> text(robot, "#client-state").contains("Self-signed certificate"));
        assertThat(text(robot, "#client-tls-info")).startsWith("TLS: no handshake");
        assertThat(window.client().session().transcript().messages()).anyMatch(m -> m.text() != null && m.text().contains(
                "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                        + "self-signed certificate"));

        CheckBox verify = robot.lookup("#client-tls-verify").queryAs(CheckBox.class);
        robot.interact(() -> verify.setSelected(false));
        Label warning = robot.lookup("#client-tls-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        robot.interact(() -> window.client().open());
        TestWindow.await(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3"));
        assertThat(text(robot, "#client-tls-info")).endsWith("NOT checked");
        assertThat(warning.isVisible()).isTrue();
    }
}
