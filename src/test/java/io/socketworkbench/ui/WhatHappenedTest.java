package io.socketworkbench.ui;

import io.socketworkbench.session.ReplyMode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.fx.FxBridge;
import java.net.Socket;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window shows what the engine did, not what the controls say now; shortcuts act on the tab in front. */
@ExtendWith(ApplicationExtension.class)
class WhatHappenedTest {
    private final SocketEngine engine = new SocketEngine("what-happened-test");
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
    void changingTheReplyModeWhileRunningShowsNoEchoThatWasNeverSent(FxRobot robot) throws Exception {
        int port = TestWindow.startServer(robot);
        assertThat(robot.lookup("#server-reply-mode").queryAs(ComboBox.class).isDisabled())
                .as("the reply is fixed while the server runs").isTrue();
        // Even if the mode changes under it, the server keeps the reply it started with, and says so.
        robot.interact(() -> window.server().setReply(ReplyMode.ECHO, ""));
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write("ping".getBytes(UTF_8));
            TestWindow.await(() -> window.server().transcript().messages().stream()
                    .anyMatch(m -> m.kind() == Message.Kind.RECEIVED));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.server().transcript().messages()).noneMatch(m -> m.kind() == Message.Kind.SENT);
            assertThat(window.lesson().mirror()).noneMatch(line -> line.startsWith("con.send("));
        }
    }

    @Test
    void ctrlLClearsTheClientTabInFrontNotTheFirst(FxRobot robot) {
        ClientPane[] second = new ClientPane[1];
        robot.interact(() -> {
            window.client().transcript().add(Message.event("first tab's line"));
            second[0] = window.addClient();
            second[0].transcript().add(Message.event("second tab's line"));
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.L).release(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second[0].transcript().messages()).isEmpty();
        assertThat(window.client().transcript().messages()).extracting(Message::text).contains("first tab's line");
    }

    @Test
    void twoClientTabsAreToldApartInTheMirror(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        ClientPane[] second = new ClientPane[1];
        robot.interact(() -> {
            second[0] = window.addClient();
            for (ClientPane pane : new ClientPane[] {window.client(), second[0]}) {
                pane.form().portField().setText(String.valueOf(port));
                pane.open();
            }
        });
        TestWindow.await(() -> window.server().clientCount() == 2);
        assertThat(window.lesson().mirror()).contains("c1 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "c2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)");
    }

    @Test
    void aServerReachableFromOtherMachinesIsWarnedAbout(FxRobot robot) {
        for (String host : new String[] {"0.0.0.0", "::", "127.0.0.1", "::1"}) {
            robot.interact(() -> window.server().form().hostBox().getEditor().setText(host));
            boolean shown = robot.lookup("#server-exposure").query().isVisible();
            assertThat(shown).as(host).isEqualTo(!host.equals("127.0.0.1") && !host.equals("::1"));
        }
    }

    @Test
    void theFormAndItsViewModelAgreeBothWays(FxRobot robot) {
        robot.interact(() -> window.client().session().form().host().set("::1"));
        assertThat(window.client().form().hostText()).isEqualTo("::1");
        robot.interact(() -> window.client().form().portField().setText("4242"));
        assertThat(window.client().session().form().port().get()).isEqualTo("4242");
        robot.interact(() -> window.server().form().set(io.socketworkbench.ui.model.Protocol.UDP, "0.0.0.0", 9));
        assertThat(window.server().session().form().protocol().get()).isEqualTo(io.socketworkbench.ui.model.Protocol.UDP);
        assertThat(window.server().session().form().host().get()).isEqualTo("0.0.0.0");
    }

    @Test
    void theHomeworksListenFiveIsForThatStartOnly(FxRobot robot) throws Exception {
        assertThat(io.socketworkbench.interop.PortWait.bindable(37777, true)).as("port 37777 free").isTrue();
        // Linger 0: the client answers the server's FIN with RST, so 37777 is left with no TIME_WAIT for the
        // tests after this one that bind it without SO_REUSEADDR (the seed's own server).
        robot.interact(() -> {
            window.client().setOptions(io.socketworkbench.engine.SocketOptionsSpec.DEFAULTS.withLinger(0));
            window.runHomework();
        });
        TestWindow.await(() -> window.lesson().mirror().contains("s.listen(5)"));
        robot.interact(() -> {
            window.server().stopServer();
            window.server().form().portField().setText("0");
            window.server().startServer();
        });
        TestWindow.await(() -> window.lesson().mirror().stream().filter(l -> l.startsWith("s.listen(")).count() == 2);
        assertThat(window.lesson().mirror()).filteredOn(l -> l.startsWith("s.listen(")).last().isEqualTo("s.listen(1024)");
    }

    @Test
    void theLanguageMenuNamesEachLanguageInItsOwnWords() {
        assertThat(WindowMenus.languageName(java.util.Locale.ENGLISH)).isEqualTo("English");
        assertThat(WindowMenus.languageName(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("简体中文");
    }

    @Test
    void aHugePasteIsHeldAsTheMessageNotPutInTheBoxAndSendsWhole(FxRobot robot) {
        int port = TestWindow.startServer(robot);
        robot.interact(() -> {
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        TestWindow.await(() -> window.server().clientCount() == 1);
        String big = "x".repeat(100_000_000); // the suite's 100 MB paste
        javafx.scene.control.TextArea box = robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(big);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            box.paste();
        });
        assertThat(box.getText()).as("the box stays small").isEmpty();
        assertThat(robot.lookup("#client-input-held").queryAs(Label.class).getText()).contains("100,000,000");
        robot.clickOn("#client-send");
        TestWindow.await(() -> window.server().session().clients().ids().stream()
                .mapToLong(id -> window.server().session().clients().get(id).bytesIn()).sum() == 100_000_000);
        assertThat(robot.lookup("#client-input-held").query().getParent().isVisible()).as("sent, so no longer held")
                .isFalse();
        assertThat(box.isDisabled()).isFalse();
    }
}
