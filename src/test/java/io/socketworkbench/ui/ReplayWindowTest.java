package io.socketworkbench.ui;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.session.RecordingReader;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.SequenceDiagram;
import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.RecordingReplay;
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
 * A recorded session replayed into a lesson of its own: the steps, the diagram and the mirror come out as the
 * live lesson drew them, at once or at the recorded pace; a file that is no recording is said and changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    private final SocketEngine engine = new SocketEngine("replay-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;
    private ReplayWindow replayWindow;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        if (replayWindow != null) {
            robot.interact(() -> replayWindow.stage().close());
        }
        window.recording().close();
        engine.close();
    }

    @Test
    void aRecordedSessionReplaysIntoTheLessonAsItWasDrawnLive(FxRobot robot, @TempDir Path dir) throws Exception {
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
        });
        TestWindow.await(() -> window.server().clientCount() == 1);
        robot.interact(() -> window.client().session().send("direct\n".getBytes(UTF_8), null));
        TestWindow.await(() -> received(window.client()));
        robot.interact(() -> second[0].open());
        TestWindow.await(() -> window.server().clientCount() == 2);
        robot.interact(() -> second[0].session().send("relayed\n".getBytes(UTF_8), null));
        TestWindow.await(() -> received(second[0]));
        robot.interact(() -> window.client().close());
        TestWindow.await(() -> window.server().clientCount() == 1);

        Path recording = dir.resolve("session.jsonl");
        window.writeSession("recording", recording).get(30, TimeUnit.SECONDS);
        Lesson live = window.lesson();
        List<Fact> facts = RecordingReader.readAll(recording);
        robot.interact(() -> {
            replayWindow = window.replay(recording);
            replayWindow.replay().start(recording, RecordingReplay.Pace.AT_ONCE);
        });
        TestWindow.await(() -> !replayWindow.replay().running().get());
        Lesson replayed = replayWindow.replay().lesson();
        robot.interact(() -> {
            assertThat(replayWindow.replay().status().get()).startsWith("session.jsonl: all ")
                    .contains("socket facts told");
            assertThat(replayed.done()).as("the steps").isEqualTo(live.done());
            // The same lifelines; the relay's may come before or after the client that connects to it.
            assertThat(lifelines(replayed)).as("the lifelines").containsExactlyInAnyOrderElementsOf(lifelines(live));
            // The same arrows, in the order the timeline has them, live as replayed: each connect before what
            // crosses it, and the relayed message from the client to the relay, on to the server, back, and back
            // to the client.
            assertThat(arrows(live)).as("the arrows").containsExactlyElementsOf(arrows(replayed));
            String s = "127.0.0.1:" + port;
            String r = "127.0.0.1:" + relay;
            String c1 = clientFrom(facts, s);
            String c2 = clientFrom(facts, r);
            String up = r; // the relay's own address on the way on is drawn on its lifeline
            assertThat(arrows(replayed)).containsExactly(c1 + " -> " + s + " CONNECT  0 x1",
                    c1 + " -> " + s + " DATA b'direct\\n' 7 x1", s + " -> " + c1 + " DATA b'direct\\n' 7 x1",
                    c2 + " -> " + r + " CONNECT  0 x1", up + " -> " + s + " CONNECT  0 x1",
                    c2 + " -> " + r + " DATA b'relayed\\n' 8 x1", up + " -> " + s + " DATA b'relayed\\n' 8 x1",
                    s + " -> " + up + " DATA b'relayed\\n' 8 x1", r + " -> " + c2 + " DATA b'relayed\\n' 8 x1",
                    c1 + " -> " + s + " FIN  0 x1", s + " -> " + c1 + " FIN  0 x1");
            assertThat(replayed.mirror()).as("the mirror").isNotEmpty()
                    .anyMatch(line -> line.contains("connect(('127.0.0.1', " + port + "))"))
                    .anyMatch(line -> line.contains("b'direct\\n'"));
            assertThat(replayed.clientState()).isEqualTo(live.clientState());
            assertThat(window.lesson()).isSameAs(live);
        });
        assertThat(robot.lookup("#replay-status").tryQuery()).isPresent();
        robot.interact(() -> window.relay().stop());
    }

    @Test
    void atTheRecordedPaceItTakesTheRecordedTimeAndAFileThatIsNoRecordingIsSaid(FxRobot robot, @TempDir Path dir)
            throws Exception {
        // Three facts a second apart: told at the recorded pace, the last comes about two seconds after the first.
        Path recording = Files.writeString(dir.resolve("paced.jsonl"), """
                {"format": "socket-workbench-recording", "version": 1}
                {"t": 1000.0, "type": "connect", "conn": 1, "local": "127.0.0.1:50000", "remote": "127.0.0.1:7"}
                {"t": 1001.0, "type": "data", "conn": 1, "dir": "out", "data": "aGk="}
                {"t": 1002.0, "type": "close", "conn": 1, "dir": "out"}
                """);
        long began = System.nanoTime();
        robot.interact(() -> replayWindow = window.replay(recording));
        TestWindow.await(() -> replayWindow.replay().told().get() >= 1);
        long first = System.nanoTime();
        TestWindow.await(() -> !replayWindow.replay().running().get());
        long last = System.nanoTime();
        assertThat(replayWindow.replay().told().get()).isEqualTo(3);
        assertThat((last - first) / 1e9).as("seconds from the first fact told to the last").isGreaterThan(1.5);
        assertThat((last - began) / 1e9).isLessThan(20);
        robot.interact(() -> assertThat(replayWindow.replay().lesson().mirror())
                .anyMatch(line -> line.contains("b'hi'")));

        Path notOne = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        robot.interact(() -> replayWindow.replay().start(notOne, RecordingReplay.Pace.AT_ONCE));
        TestWindow.await(() -> !replayWindow.replay().running().get());
        robot.interact(() -> {
            assertThat(replayWindow.replay().status().get()).startsWith(notOne + " cannot be replayed: line 1: "
                    + "not a Socket Workbench recording");
            assertThat(replayWindow.replay().lesson().mirror()).as("what was shown stays")
                    .anyMatch(line -> line.contains("b'hi'"));
        });
    }

    /** The address a pane's client connected from, to {@code target}. */
    private static String clientFrom(List<Fact> facts, String target) {
        return facts.stream().filter(f -> f.type() == Fact.Type.CONNECT && f.parent() < 0
                && Address.format(f.remote()).equals(target)).map(f -> Address.format(f.local())).findFirst()
                .orElseThrow();
    }

    private static boolean received(ClientPane pane) {
        return pane.session().transcript().messages().stream().anyMatch(m -> m.kind() == Message.Kind.RECEIVED);
    }

    private static List<String> lifelines(Lesson lesson) {
        return lesson.sequence().lifelines().stream().map(l -> l.role() + " " + l.address()).toList();
    }

    private static List<String> arrows(Lesson lesson) {
        List<SequenceDiagram.Lifeline> lines = lesson.sequence().lifelines();
        return lesson.sequence().arrows().stream().map(a -> lines.get(a.from()).address() + " -> "
                + lines.get(a.to()).address() + " " + a.kind() + " " + a.preview() + " " + a.bytes() + " x"
                + a.count()).toList();
    }
}
