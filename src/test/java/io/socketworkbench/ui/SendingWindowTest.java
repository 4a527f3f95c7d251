package io.socketworkbench.ui;

import io.socketworkbench.session.QuickItem;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.ui.fx.FxBridge;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
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

/** Sending as a user does it, by the contract's node ids: the wire preview, checksums, repeats and history. */
@ExtendWith(ApplicationExtension.class)
class SendingWindowTest {
    private final SocketEngine engine = new SocketEngine("sending-test");
    private final SocketEngine peerEngine = new SocketEngine("sending-peer");
    private final FxBridge bridge = new FxBridge();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() {
        engine.close();
        peerEngine.close();
    }

    /** A plain peer that keeps every byte it receives. */
    private int peer() {
        TcpServer server = peerEngine.listen(ServerConfig.of(Address.inet("127.0.0.1", 0)), event -> {
            if (event instanceof SocketEvent.Received r) {
                synchronized (received) {
                    received.writeBytes(r.data());
                }
            }
        });
        return ((InetSocketAddress) server.started().join()).getPort();
    }

    private byte[] receivedBytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    private void connect(FxRobot robot, int port) {
        robot.interact(() -> robot.lookup("#client-port").queryAs(TextField.class).setText(String.valueOf(port)));
        robot.clickOn("#client-connect");
        TestWindow.await(() -> robot.lookup("#client-state").queryAs(Labeled.class).getText().startsWith("Connected"));
    }

    @SuppressWarnings("unchecked")
    private static <T> void choose(FxRobot robot, String id, T value) {
        robot.interact(() -> robot.lookup(id).queryAs(ComboBox.class).setValue(value));
    }

    @Test
    void theWirePreviewShowsTheExactBytesWithTheChecksumAndARepeatSendsThemCountTimes(FxRobot robot) {
        connect(robot, peer());
        choose(robot, "#client-input-format", PayloadFormat.HEX);
        choose(robot, "#client-append", Checksum.CRC16_MODBUS);
        robot.interact(() -> robot.lookup("#client-input").queryAs(TextArea.class).setText("01 03 00 00 00 0A"));
        assertThat(robot.lookup("#client-wire-preview").queryAs(Labeled.class).getText())
                .isEqualTo("8 bytes on the wire: 01 03 00 00 00 0a c5 cd");

        robot.interact(() -> {
            robot.lookup("#client-repeat-interval").queryAs(TextField.class).setText("5");
            robot.lookup("#client-repeat-count").queryAs(TextField.class).setText("3");
        });
        robot.clickOn("#client-repeat");
        TestWindow.await(() -> receivedBytes().length >= 24);
        TestWindow.await(() -> !robot.lookup("#client-repeat").queryAs(ToggleButton.class).isSelected());
        assertThat(io.socketworkbench.codec.Hex.format(receivedBytes())).isEqualTo(
                "01 03 00 00 00 0a c5 cd 01 03 00 00 00 0a c5 cd 01 03 00 00 00 0a c5 cd");
        assertThat(window.client().transcript().messages())
                .filteredOn(m -> m.kind() == io.socketworkbench.ui.model.Message.Kind.SENT).hasSize(3);
    }

    @Test
    void aRepeatUntilStoppedCountsItsMessagesAndStopsWhenAsked(FxRobot robot) {
        connect(robot, peer());
        robot.interact(() -> {
            robot.lookup("#client-input").queryAs(TextArea.class).setText("n{{counter}};");
            robot.lookup("#client-repeat-interval").queryAs(TextField.class).setText("2");
            robot.lookup("#client-repeat-count").queryAs(TextField.class).setText("0");
        });
        robot.clickOn("#client-repeat");
        TestWindow.await(() -> new String(receivedBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                .contains("n20;"));
        robot.clickOn("#client-repeat");
        WaitForAsyncUtils.waitForFxEvents();
        long count = window.client().inputBar().repeater().sentMessages().get();
        WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.client().inputBar().repeater().sentMessages().get()).isEqualTo(count);
        String all = new String(receivedBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        TestWindow.await(() -> new String(receivedBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                .endsWith("n" + count + ";"));
        assertThat(all).startsWith("n1;n2;n3;");
    }

    @Test
    void upRecallsWhatWasSentAndABadHexDigitEmptiesThePreview(FxRobot robot) {
        connect(robot, peer());
        robot.clickOn("#client-input").write("hello");
        robot.type(KeyCode.ENTER);
        TestWindow.await(() -> receivedBytes().length == 5);
        assertThat(robot.lookup("#client-input").queryAs(TextArea.class).getText()).isEmpty();
        robot.type(KeyCode.UP);
        assertThat(robot.lookup("#client-input").queryAs(TextArea.class).getText()).isEqualTo("hello");
        robot.type(KeyCode.DOWN);
        assertThat(robot.lookup("#client-input").queryAs(TextArea.class).getText()).isEmpty();

        choose(robot, "#client-input-format", PayloadFormat.HEX);
        robot.interact(() -> robot.lookup("#client-input").queryAs(TextArea.class).setText("41 4G"));
        assertThat(robot.lookup("#client-wire-preview").queryAs(Labeled.class).getText())
                .startsWith("Nothing can go on the wire");
        assertThat(robot.lookup("#server-repeat").tryQuery()).as("the server pane has its own").isPresent();
        assertThat(robot.lookup("#server-wire-preview").tryQuery()).isPresent();
    }

    @Test
    void aFileGoesToTheServerByteForByteAndTheTranscriptSaysSo(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        connect(robot, peer());
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        new java.util.Random(12).nextBytes(content);
        java.nio.file.Path file = dir.resolve("data.bin");
        java.nio.file.Files.write(file, content);
        robot.interact(() -> window.client().inputBar().sendFile(file));
        TestWindow.await(() -> receivedBytes().length == content.length);
        assertThat(receivedBytes()).isEqualTo(content);
        TestWindow.await(() -> window.client().transcript().messages().stream()
                .anyMatch(m -> m.text() != null && m.text().startsWith("Sent data.bin: 5.0 MiB")));
        assertThat(robot.lookup("#client-send-file").tryQuery()).isPresent();
        assertThat(robot.lookup("#server-send-file").tryQuery()).isPresent();
    }

    @Test
    void aFileWithNobodyToSendToIsRefusedWithTheReason(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("x.bin");
        java.nio.file.Files.write(file, new byte[10]);
        robot.interact(() -> window.client().inputBar().sendFile(file));
        assertThat(robot.lookup(".input-problem").queryAllAs(Labeled.class))
                .anySatisfy(l -> assertThat(l.getText()).isEqualTo("Not connected: start the server or connect first."));
    }

    @Test
    void aQuickMessageGoesWithOneClickOrCtrlOneAndAListRunsAsASequence(FxRobot robot) {
        connect(robot, peer());
        robot.interact(() -> {
            var list = window.client().inputBar().quick().list();
            list.add(io.socketworkbench.session.QuickItem.message("ping", PayloadFormat.TEXT, "P;"));
            list.add(io.socketworkbench.session.QuickItem.delay(20));
            list.add(io.socketworkbench.session.QuickItem.message("hex", PayloadFormat.HEX, "51 3b"));
            window.client().inputBar().quick().setExpanded(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // One click on the first row's ▶.
        robot.clickOn(robot.lookup("#client-quick").lookup(".button").queryAll().stream()
                .filter(javafx.scene.Node::isVisible).findFirst().orElseThrow());
        TestWindow.await(() -> new String(receivedBytes(), java.nio.charset.StandardCharsets.US_ASCII).equals("P;"));
        // Ctrl+2: the second message (the delay does not count).
        robot.clickOn("#client-input");
        robot.press(KeyCode.CONTROL).press(KeyCode.DIGIT2).release(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        TestWindow.await(() -> new String(receivedBytes(), java.nio.charset.StandardCharsets.US_ASCII).equals("P;Q;"));
        robot.clickOn("#client-quick-run");
        TestWindow.await(() -> new String(receivedBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                .equals("P;Q;P;Q;"));
        TestWindow.await(() -> !robot.lookup("#client-quick-run").queryAs(ToggleButton.class).isSelected());
    }
}
