package io.socketworkbench.interop;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.lesson.ExportRecord;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.LessonStep;
import io.socketworkbench.lesson.PythonExport;
import io.socketworkbench.lesson.SequenceDiagram;
import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.ui.model.ClientSession;
import io.socketworkbench.ui.fx.Pulses;
import io.socketworkbench.ui.model.RelaySession;
import io.socketworkbench.ui.model.ServerSession;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One window's session with two client tabs, the relay, and three clients of the server: the lesson's steps, the
 * diagram's arrows and the exported scripts agree with the timeline the engine recorded, and client.py, run by
 * python3 against the same server and relay, does on the wire what the session did for every client.
 */
@org.junit.jupiter.api.Timeout(120)
class OneTimelineTest {
    private final SocketEngine engine = new SocketEngine("one-timeline-test");
    private final Timeline timeline = new Timeline();
    private final Pulses pulses = new Pulses();
    private final Lesson lesson = new Lesson();
    private final ServerSession server = new ServerSession(engine, pulses.port(), lesson);
    private final RelaySession relay = new RelaySession(engine, pulses.port(), lesson);
    private final ClientSession tab1 = new ClientSession(engine, pulses.port(), lesson, () -> "c1");
    private final ClientSession tab2 = new ClientSession(engine, pulses.port(), lesson, () -> "c2");
    private Process python;
    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        io.socketworkbench.ui.i18n.I18n.use(java.util.Locale.ENGLISH);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (python != null) {
            python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        tab1.close();
        tab2.close();
        relay.stop();
        server.stop();
        engine.close();
    }

    private static final String[] SENT = {"hello from one", "two, by the relay", "three"};
    private static final String[] ANSWERED = {"1:ack", "2:ack", "3:ack!"};

    @Test
    void stepsDiagramAndExportAgreeWithTheTimelineAndClientPyDoesWhatTheSessionDid() throws Exception {
        engine.recordTo(timeline);
        server.start(new ServerSetup(Address.inet("127.0.0.1", 0), false, ReplyMode.NONE, new byte[0], 5,
                SocketOptionsSpec.DEFAULTS));
        pulses.until(() -> !timeline.conns(Fact.Type.LISTEN).isEmpty(), "the server listening");
        long listener = timeline.conns(Fact.Type.LISTEN).get(0);
        int port = port(timeline.of(listener).get(0));
        relay.start(io.socketworkbench.session.RelaySetup.plain(0, "127.0.0.1", port));
        pulses.until(() -> relay.localPort() > 0, "the relay listening");
        int relayPort = relay.localPort();

        // Client 1, tab 1, straight to the server: sends, is answered, closes.
        List<Long> tabConns = new ArrayList<>();
        tabConns.add(converse(tab1, port, 0));
        tab1.close();
        pulses.until(() -> closed(served().get(0)), "client 1 gone from the server");

        // Client 2, tab 2, through the relay: sends, shuts its side, is answered, the server closes.
        tabConns.add(converse(tab2, relayPort, 1));
        tab2.shutdownOutput();
        pulses.until(() -> has(served().get(1), Fact.Type.FIN, true), "the relay passing the FIN on");
        server.closeClient(served().get(1));
        pulses.until(() -> closed(tabConns.get(1)), "tab 2 closed by the server");

        // Client 3, tab 1 again: sends, is answered, the server closes.
        tabConns.add(converse(tab1, port, 2));
        server.closeClient(served().get(2));
        pulses.until(() -> closed(tabConns.get(2)), "tab 1 closed by the server");
        pulses.settle();

        List<Long> served = served();
        assertThat(served).as("the server's three clients, the relay's among them").hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(new String(timeline.bytes(served.get(i), true), UTF_8)).isEqualTo(SENT[i]);
            assertThat(new String(timeline.bytes(tabConns.get(i), true), UTF_8)).isEqualTo(ANSWERED[i]);
        }

        // The steps done are those the timeline shows.
        Set<LessonStep> happened = EnumSet.noneOf(LessonStep.class);
        for (Fact fact : timeline.facts()) {
            switch (fact.type()) {
                case LISTEN -> happened.add(LessonStep.LISTEN);
                case CONNECT, ACCEPT -> happened.add(LessonStep.CONNECT);
                case DATA -> happened.add(fact.in() ? LessonStep.RECEIVE : LessonStep.SEND);
                case CLOSE -> happened.add(LessonStep.CLOSE);
                default -> { }
            }
        }
        assertThat(lesson.done()).isEqualTo(happened);

        // Every chunk the panes and the relay wrote is an arrow of the diagram, once (consecutive ones between the
        // same lifelines share a row, with their count and bytes), and each connection made is one connect.
        List<Fact> written = timeline.facts().stream().filter(f -> f.type() == Fact.Type.DATA && !f.in()).toList();
        List<SequenceDiagram.Arrow> data = lesson.sequence().arrows().stream()
                .filter(a -> a.kind() == SequenceDiagram.Kind.DATA).toList();
        String arrows = lesson.sequence().arrows().toString();
        assertThat(data.stream().mapToInt(SequenceDiagram.Arrow::count).sum()).as(arrows).isEqualTo(written.size());
        assertThat(data.stream().mapToLong(SequenceDiagram.Arrow::bytes).sum()).as(arrows)
                .isEqualTo(written.stream().mapToLong(f -> f.data().length).sum());
        assertThat(lesson.sequence().arrows().stream().filter(a -> a.kind() == SequenceDiagram.Kind.CONNECT)
                .mapToInt(SequenceDiagram.Arrow::count).sum()).as(arrows)
                .isEqualTo(timeline.conns(Fact.Type.CONNECT).size());
        assertThat(lesson.sequence().lifelines()).extracting(SequenceDiagram.Lifeline::role).as(arrows)
                .containsExactlyInAnyOrder(SequenceDiagram.Role.SERVER, SequenceDiagram.Role.CLIENT,
                        SequenceDiagram.Role.CLIENT, SequenceDiagram.Role.RELAY, SequenceDiagram.Role.CLIENT);

        // The export holds each conversation as the timeline has it, on both sides.
        ExportRecord record = lesson.exportRecord();
        assertThat(record.served()).hasSize(3);
        assertThat(record.clients()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            agree(record.served().get(i), served.get(i));
            agree(record.clients().get(i), tabConns.get(i));
            assertThat(Address.format(record.clients().get(i).setup().target()))
                    .isEqualTo("127.0.0.1:" + (i == 1 ? relayPort : port));
        }

        // The same export, made from the timeline alone: the same conversations, the same scripts (the panes set
        // no options, lab or reply mode here, the defaults a timeline's export takes).
        ExportRecord fromTimeline = ExportRecord.fromFacts(timeline.facts());
        assertThat(fromTimeline.served()).hasSize(3);
        assertThat(fromTimeline.clients()).hasSize(3);
        assertThat(PythonExport.client(fromTimeline)).isEqualTo(PythonExport.client(record));
        assertThat(PythonExport.server(fromTimeline)).isEqualTo(PythonExport.server(record));

        // client.py against the same server and relay, the test answering as the session's user did.
        assumeTrue(PythonInteropTest.hasPython(), "python3 is not installed");
        Path script = Files.writeString(dir.resolve(PythonExport.CLIENT_FILE), PythonExport.client(record));
        int before = timeline.facts().size();
        python = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("client.out").toFile()).start();
        List<Long> replayed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            pulses.until(() -> acceptedSince(before, listener).size() > n
                    && timeline.bytes(acceptedSince(before, listener).get(n), true).length == SENT[n].length(),
                    Duration.ofSeconds(20), "client.py's client " + (n + 1) + " and what it sent");
            long conn = acceptedSince(before, listener).get(n);
            replayed.add(conn);
            pulses.until(() -> server.clients().get(conn) != null, "the server pane listing it");
            assertThat(server.send(ANSWERED[i].getBytes(UTF_8), conn)).isNull();
            if (i > 0) {
                pulses.until(() -> timeline.bytes(conn, false).length == ANSWERED[n].length(), "the answer out");
                server.closeClient(conn);
            }
        }
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("client.out"));
        assertThat(python.exitValue()).as(out).isZero();
        assertThat(out).isEqualTo("b'1:ack'\nb'2:ack'\nb'3:ack!'\n");
        for (int i = 0; i < 3; i++) {
            assertThat(timeline.bytes(replayed.get(i), true)).as("client " + (i + 1) + " sent as in the session")
                    .isEqualTo(timeline.bytes(served.get(i), true));
        }
    }

    /** Opens {@code tab} to {@code port}, sends the i-th message, the server answers it; the tab's connection. */
    private long converse(ClientSession tab, int port, int i) {
        int before = served().size();
        long shown = received(tab);
        tab.open(new ClientSetup(Address.inet("127.0.0.1", port), false, null, ClientLab.DEFAULT,
                null));
        pulses.until(() -> tab.canShutdown().get() && served().size() > before, "client " + (i + 1) + " connected");
        long conn = tab.connection();
        long accepted = served().get(before);
        pulses.until(() -> server.clients().get(accepted) != null, "the server pane listing it");
        assertThat(tab.send(SENT[i].getBytes(UTF_8), null)).isNull();
        pulses.until(() -> timeline.bytes(accepted, true).length == SENT[i].length(), "the server reading it");
        pulses.until(() -> server.transcript().messages().stream().filter(m -> m.kind()
                == io.socketworkbench.ui.model.Message.Kind.RECEIVED).count() > i, "the server pane showing it");
        assertThat(server.send(ANSWERED[i].getBytes(UTF_8), accepted)).isNull();
        pulses.until(() -> timeline.bytes(conn, true).length == ANSWERED[i].length(), "the tab reading the answer");
        // The engine has read it; the tab (and so the lesson) hears of it on a later pulse: what the test does next
        // (a half-close) must come after, as a user's would.
        pulses.until(() -> received(tab) > shown, "the tab showing the answer");
        return conn;
    }

    private static long received(ClientSession tab) {
        return tab.transcript().messages().stream()
                .filter(m -> m.kind() == io.socketworkbench.ui.model.Message.Kind.RECEIVED).count();
    }

    /** The connections the server pane accepted, in order (the relay accepts on its own port). */
    private List<Long> served() {
        return acceptedSince(0, timeline.conns(Fact.Type.LISTEN).get(0));
    }

    private List<Long> acceptedSince(int from, long listener) {
        int port = port(timeline.of(listener).get(0));
        List<Fact> facts = timeline.facts();
        return facts.subList(from, facts.size()).stream()
                .filter(f -> f.type() == Fact.Type.ACCEPT && port(f) == port).map(Fact::conn).toList();
    }

    private static int port(Fact fact) {
        return ((InetSocketAddress) fact.local()).getPort();
    }

    private boolean closed(long conn) {
        return has(conn, Fact.Type.CLOSE, false);
    }

    private boolean has(long conn, Fact.Type type, boolean in) {
        return timeline.of(conn).stream().anyMatch(f -> f.type() == type && (type != Fact.Type.FIN || f.in() == in));
    }

    /** A conversation of the export against a connection of the timeline: the same bytes each way, the same end. */
    private void agree(ExportRecord.Conversation conversation, long conn) {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        long received = 0;
        for (ExportRecord.Step step : conversation.steps()) {
            if (step.action() == ExportRecord.Step.Action.SEND) {
                sent.writeBytes(step.data());
            } else if (step.action() == ExportRecord.Step.Action.RECEIVE) {
                received += step.length();
            }
        }
        assertThat(sent.toByteArray()).as("sent on " + conn).isEqualTo(timeline.bytes(conn, false));
        assertThat(received).as("received on " + conn).isEqualTo(timeline.bytes(conn, true).length);
        String steps = conversation.steps().stream().map(s -> s.action().name()).collect(Collectors.joining(" "));
        if (has(conn, Fact.Type.FIN, false)) {
            assertThat(steps).as("steps of " + conn).contains("SHUT_WR");
        }
        List<Fact> facts = timeline.of(conn);
        assertThat(facts.get(facts.size() - 1).type()).isEqualTo(Fact.Type.CLOSE);
        assertThat(steps).as("steps of " + conn).matches(".*(CLOSE|PEER_CLOSED)");
    }
}
