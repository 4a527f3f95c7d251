package io.socketworkbench.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.session.RecordingReader;
import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.model.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window keeps its session: two client tabs, one to the server pane and one through the relay, saved as a
 * recording and exported as a pytest file that passes against the same panes and as a capture tshark reads.
 */
@ExtendWith(ApplicationExtension.class)
class SessionExportWindowTest {
    private final SocketEngine engine = new SocketEngine("session-export-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() {
        window.recording().close();
        engine.close();
    }

    @Test
    void aSessionWithTwoClientsAndTheRelayIsSavedAndExportedInEveryFormat(FxRobot robot, @TempDir Path dir)
            throws Exception {
        robot.interact(() -> window.server().setReply(ReplyMode.ECHO, ""));
        int port = TestWindow.startServer(robot);
        robot.interact(() -> window.relay().session().start(
                io.socketworkbench.session.RelaySetup.plain(0, "127.0.0.1", port)));
        TestWindow.await(() -> window.relay().session().localPort() > 0);
        int relay = window.relay().session().localPort();
        ClientPane[] second = new ClientPane[1];
        robot.interact(() -> {
            second[0] = window.addClient();
            window.client().form().portField().setText(String.valueOf(port));
            second[0].form().portField().setText(String.valueOf(relay));
            window.client().open();
            second[0].open();
        });
        TestWindow.await(() -> window.server().clientCount() == 2);
        robot.interact(() -> {
            window.client().session().send("direct\n".getBytes(UTF_8), null);
            second[0].session().send("relayed\n".getBytes(UTF_8), null);
        });
        for (ClientPane pane : List.of(window.client(), second[0])) {
            TestWindow.await(() -> pane.session().transcript().messages().stream()
                    .anyMatch(m -> m.kind() == Message.Kind.RECEIVED));
        }

        Path recording = dir.resolve("session.jsonl");
        assertThat(window.writeSession("recording", recording).get(30, TimeUnit.SECONDS))
                .startsWith("Every socket fact of this session, written to " + recording);
        List<Fact> facts = RecordingReader.readAll(recording);
        assertThat(facts).filteredOn(f -> f.type() == Fact.Type.ACCEPT).hasSize(3); // the server's two, the relay's
        assertThat(facts).filteredOn(f -> f.type() == Fact.Type.DATA && !f.in())
                .extracting(f -> new String(f.data(), UTF_8)).contains("direct\n", "relayed\n");

        Path capture = dir.resolve("session.pcapng");
        assertThat(window.writeSession("pcapng", capture).get(30, TimeUnit.SECONDS))
                .startsWith("Written to " + capture + ": 3 TCP connection(s), 0 datagram(s), ");
        Process tshark = new ProcessBuilder("tshark", "-r", capture.toString(), "-q", "-z", "conv,tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String conversations = new String(tshark.getInputStream().readAllBytes(), UTF_8);
        assertThat(tshark.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(conversations.lines().filter(l -> l.contains("<->")).count())
                .as("client 1 to the server, client 2 to the relay, the relay to the server: " + conversations)
                .isEqualTo(3);

        // The client sides, played again against the same panes: the echo answers as it did.
        Path test = dir.resolve("test_session.py");
        assertThat(window.writeSession("pytest", test).get(30, TimeUnit.SECONDS)).startsWith("3 tests, written to");
        Process pytest = new ProcessBuilder("python3", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                test.toString()).redirectErrorStream(true).start();
        String ran = new String(pytest.getInputStream().readAllBytes(), UTF_8);
        assertThat(pytest.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).as(Files.readString(test)).contains("3 passed");
        robot.interact(() -> window.relay().stop());
    }
}
