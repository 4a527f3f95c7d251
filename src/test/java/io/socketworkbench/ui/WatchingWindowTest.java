package io.socketworkbench.ui;

import io.socketworkbench.session.ReplyMode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.common.FramingPicker;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.fx.FxBridge;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Watching traffic by the contract's node ids: a framing chosen per transcript makes one bubble a message. */
@ExtendWith(ApplicationExtension.class)
class WatchingWindowTest {
    private final SocketEngine engine = new SocketEngine("watching-test");
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
    @Test
    void byLineTheClientShowsEachLineAsOneBubbleHoweverTheBytesArrived(FxRobot robot) throws Exception {
        try (ServerSocket peer = new ServerSocket(0)) {
            ComboBox<FramingPicker.Choice> frame = robot.lookup("#client-frame").queryComboBox();
            robot.interact(() -> frame.setValue(FramingPicker.Choice.LINE));
            robot.interact(() -> {
                window.client().form().portField().setText(String.valueOf(peer.getLocalPort()));
                window.client().open();
            });
            try (Socket server = peer.accept()) {
                OutputStream out = server.getOutputStream();
                // A line split over two sends, two lines in one, and a character split between its bytes.
                for (String part : List.of("GET /index", ".html\nline one\nline t", "wo\n\u00e9\u4e2d", "\u6587\nrest")) {
                    out.write(part.getBytes(UTF_8));
                    out.flush();
                    Thread.sleep(150);
                }
            }
            TestWindow.await(() -> received().contains("rest"));
            assertThat(received()).containsExactly("GET /index.html", "line one", "line two", "\u00e9\u4e2d\u6587",
                    "rest");
            // The lesson says why, and shows how a Python program frames by line.
            assertThat(window.lesson().mirror()).contains(
                    "# TCP is a byte stream: one send() may arrive in pieces, or joined to the next",
                    "while b'\\n' not in buf:", "    buf += c.recv(1024)", "message, _, buf = buf.partition(b'\\n')");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aWrongParameterIsMarkedAndTheLastGoodFramingStays(FxRobot robot) {
        ComboBox<FramingPicker.Choice> frame = robot.lookup("#server-frame").queryComboBox();
        robot.interact(() -> frame.setValue(FramingPicker.Choice.LENGTH));
        TextField param = robot.lookup("#server-frame-param").queryAs(TextField.class);
        assertThat(param.isVisible()).isTrue();
        assertThat(param.getText()).isEqualTo("2");
        assertThat(window.server().session().framer().framing().get().lengthBytes()).isEqualTo(2);
        robot.interact(() -> param.setText("3"));
        assertThat(param.getStyleClass()).contains("invalid");
        assertThat(window.server().session().framer().framing().get().lengthBytes()).isEqualTo(2);
        robot.interact(() -> param.setText("4le"));
        assertThat(param.getStyleClass()).doesNotContain("invalid");
        assertThat(window.server().session().framer().framing().get().littleEndian()).isTrue();
        robot.interact(() -> frame.setValue(FramingPicker.Choice.AS_RECEIVED));
        assertThat(param.isVisible()).isFalse();
        assertThat(window.server().session().framer().active()).isFalse();
    }

    @Test
    void searchFindsEveryMatchingMessageCountsThemAndMarksTheCurrentOne(FxRobot robot) throws Exception {
        try (ServerSocket peer = new ServerSocket(0)) {
            robot.interact(() -> {
                window.client().form().portField().setText(String.valueOf(peer.getLocalPort()));
                window.client().open();
            });
            try (Socket server = peer.accept()) {
                for (String part : List.of("alpha", "beta", "ALPHA beta", "gamma")) {
                    server.getOutputStream().write(part.getBytes(UTF_8));
                    Thread.sleep(150);
                }
            }
            TestWindow.await(() -> received().contains("gamma"));
        }
        assertThat(robot.lookup("#client-search-next").query().getParent().isVisible()).as("until wanted")
                .isFalse();
        robot.clickOn("#client-search").write("alpha");
        javafx.scene.control.Label count = robot.lookup("#client-search-count").queryAs(javafx.scene.control.Label.class);
        TestWindow.await(() -> "2 matches".equals(count.getText()));
        robot.clickOn("#client-search-next");
        assertThat(count.getText()).isEqualTo("1 of 2");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(count.getText()).isEqualTo("2 of 2");
        assertThat(robot.lookup(".search-current").queryAll()).hasSize(1);
        robot.clickOn("#client-search-hex");
        robot.interact(() -> robot.lookup("#client-search").queryAs(TextField.class).setText("62 65 74 61"));
        assertThat(count.getText()).isEqualTo("2 matches");
        robot.interact(() -> robot.lookup("#client-search").queryAs(TextField.class).setText("6q"));
        assertThat(robot.lookup("#client-search").queryAs(TextField.class).getStyleClass()).contains("invalid");
        robot.clickOn("#client-search").type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(robot.lookup("#client-search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#client-search-next").query().getParent().isVisible()).isFalse();
        assertThat(robot.lookup(".search-current").queryAll()).isEmpty();
        robot.clickOn("#client-transcript").press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.F)
                .release(javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCode.CONTROL);
        assertThat(robot.lookup("#client-search").query().isFocused()).as("Ctrl+F").isTrue();
    }

    @Test
    void theStatisticsCountWhatCameAndTheChartDrawsItOnceASecond(FxRobot robot) throws Exception {
        try (ServerSocket peer = new ServerSocket(0)) {
            robot.interact(() -> {
                window.client().form().portField().setText(String.valueOf(peer.getLocalPort()));
                window.client().open();
            });
            try (Socket server = peer.accept()) {
                server.getOutputStream().write(new byte[300_000]);
                TestWindow.await(() -> window.client().session().stats().bytesIn() == 300_000);
            }
        }
        robot.clickOn("#client-stats-toggle");
        assertThat(robot.lookup("#client-rate-chart").query().isVisible()).isTrue();
        javafx.scene.control.Labeled stats = robot.lookup("#client-stats").queryAs(javafx.scene.control.Labeled.class);
        TestWindow.await(() -> stats.getText().contains("293.0 KiB"));
        javafx.scene.chart.XYChart<Number, Number> chart = robot.lookup("#client-rate-chart").queryAs(
                javafx.scene.chart.XYChart.class);
        assertThat(chart.getData()).hasSize(2);
        TestWindow.await(() -> chart.getData().get(0).getData().stream()
                .mapToLong(d -> d.getYValue().longValue()).sum() == 300_000);
        assertThat(chart.getData().get(0).getData()).hasSize(120);
    }

    @SuppressWarnings("unchecked")
    @Test
    void theServerAnswersByItsRulesAndTheTranscriptShowsEachReplyAsSent(FxRobot robot) throws Exception {
        ComboBox<io.socketworkbench.session.ReplyMode> mode = robot.lookup("#server-reply-mode")
                .queryComboBox();
        robot.interact(() -> mode.setValue(io.socketworkbench.session.ReplyMode.RULES));
        assertThat(robot.lookup("#server-rules").query().isVisible()).isTrue();
        robot.clickOn("#server-rule-pattern").write("PING");
        robot.clickOn("#server-rule-payload").write("PONG {{counter}}");
        robot.clickOn("#server-rule-add");
        ComboBox<io.socketworkbench.session.ReplyRule.Match> match = robot.lookup("#server-rule-match")
                .queryComboBox();
        robot.interact(() -> match.setValue(io.socketworkbench.session.ReplyRule.Match.REGEX));
        robot.interact(() -> robot.lookup("#server-rule-pattern").queryAs(TextField.class).setText("("));
        robot.clickOn("#server-rule-add");
        assertThat(robot.lookup("#server-rule-problem").queryAs(javafx.scene.control.Label.class).isVisible())
                .isTrue();
        assertThat(robot.lookup("#server-rules-list").queryListView().getItems()).hasSize(1);
        int port = TestWindow.startServer(robot);
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("PING".getBytes(UTF_8));
            assertThat(new String(client.getInputStream().readNBytes(6), UTF_8)).isEqualTo("PONG 1");
            client.getOutputStream().write("say PING".getBytes(UTF_8));
            assertThat(new String(client.getInputStream().readNBytes(6), UTF_8)).isEqualTo("PONG 2");
        }
        TestWindow.await(() -> window.server().transcript().messages().stream()
                .filter(m -> m.kind() == Message.Kind.SENT && m.status() == Message.Status.DONE).count() == 2);
    }

    @Test
    void theContinuousLogKeepsEveryByteOfAFloodWhateverTheTranscriptShows(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("server.log");
        robot.interact(() -> window.server().logButton().start(file, true));
        assertThat(robot.lookup("#server-log-file").query().getStyleClass()).contains("accent");
        int port = TestWindow.startServer(robot);
        byte[] flood = new byte[8 << 20];
        new java.util.Random(3).nextBytes(flood);
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write(flood);
        }
        TestWindow.await(() -> window.server().session().stats().bytesIn() == flood.length);
        // Each client's own rate and peak, sampled once a second.
        TestWindow.await(() -> window.server().session().clients().ids().isEmpty()
                || window.server().session().clients().get(window.server().session().clients().ids().get(0)).peak() > 0);
        TestWindow.await(() -> window.server().session().transcript().messages().stream()
                .anyMatch(m -> m.kind() == Message.Kind.EVENT && m.text().contains("closed the connection")));
        robot.interact(() -> window.server().logButton().stop());
        assertThat(java.nio.file.Files.readAllBytes(io.socketworkbench.ui.model.TrafficLog.rawFile(file)))
                .as("every byte, byte-exact").isEqualTo(flood);
        // The readable log (four bytes of text a random byte) rotated past 10 MiB: read the old ones first.
        List<String> lines = new java.util.ArrayList<>();
        for (int i = io.socketworkbench.ui.model.TrafficLog.KEEP; i >= 1; i--) {
            java.nio.file.Path old = file.resolveSibling(file.getFileName() + "." + i);
            if (java.nio.file.Files.exists(old)) {
                lines.addAll(java.nio.file.Files.readAllLines(old));
            }
        }
        lines.addAll(java.nio.file.Files.readAllLines(file));
        assertThat(lines.get(0).contains("-- accepted 127.0.0.1:")).as("the first line, of %d", lines.size()).isTrue();
        assertThat(lines.stream().filter(l -> l.contains(" <- 127.0.0.1:"))
                .mapToLong(l -> Long.parseLong(l.split(" ")[4])).sum()).isEqualTo(flood.length);
        assertThat(lines.get(lines.size() - 1).contains("-- closed")).as("the last line").isTrue();
        assertThat(window.server().session().transcript().messages().stream().filter(m -> m.data() != null)
                .mapToLong(m -> m.data().length).sum()).as("the transcript shows less").isLessThan(flood.length);
    }

    private List<String> received() {
        return window.client().session().transcript().messages().stream()
                .filter(m -> m.kind() == Message.Kind.RECEIVED).map(m -> new String(m.data(), UTF_8)).toList();
    }
}
