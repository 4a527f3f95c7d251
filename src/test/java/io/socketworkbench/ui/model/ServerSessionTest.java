package io.socketworkbench.ui.model;

import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.fx.Pulses;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server pane's view model, without the FX toolkit: what it shows is what the engine reports it did. */
class ServerSessionTest {
    private final SocketEngine engine = new SocketEngine("server-session-test");
    private final Pulses pulses = new Pulses();
    private final Lesson lesson = new Lesson();
    private final ServerSession session = new ServerSession(engine, pulses.port(), lesson);
    private final List<String> log = new ArrayList<>();

    @org.junit.jupiter.api.BeforeAll
    static void english() {
        io.socketworkbench.ui.i18n.I18n.use(java.util.Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        session.stop();
        engine.close();
    }

    private int start(ReplyMode mode, String greeting) {
        session.log().observe(log::add);
        session.start(new ServerSetup(Address.inet("127.0.0.1", 0), false, mode, greeting.getBytes(UTF_8),
                5, SocketOptionsSpec.DEFAULTS));
        pulses.until(() -> session.status().get().contains("127.0.0.1:"), "listening");
        String status = session.status().get();
        return Integer.parseInt(status.substring(status.lastIndexOf(':') + 1).replaceAll("\\D.*", ""));
    }

    private List<Message> sent() {
        return session.transcript().messages().stream().filter(m -> m.kind() == Message.Kind.SENT).toList();
    }

    @Test
    void aDatagramFloodFasterThanTheWindowIsCountedInFullAndSaysWhatItDidNotShow() throws Exception {
        session.start(new ServerSetup(Address.inet("127.0.0.1", 0), true, ReplyMode.NONE,
                new byte[0], 5, SocketOptionsSpec.DEFAULTS));
        pulses.until(() -> session.status().get().contains("127.0.0.1:"), "listening");
        String status = session.status().get();
        int port = Integer.parseInt(status.substring(status.lastIndexOf(':') + 1).replaceAll("\\D.*", ""));
        int datagrams = 6_000;
        try (java.net.DatagramSocket sender = new java.net.DatagramSocket(0,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            byte[] data = new byte[32];
            for (int i = 0; i < datagrams; i++) {
                sender.send(new java.net.DatagramPacket(data, data.length,
                        new java.net.InetSocketAddress("127.0.0.1", port)));
                if (i % 500 == 499) {
                    Thread.sleep(2); // loopback keeps them all at this pace; the window is not drained meanwhile
                }
            }
        }
        pulses.until(() -> session.status().get().endsWith("6,000 datagrams received"), "all counted");
        List<Message> notes = session.transcript().messages().stream()
                .filter(m -> m.kind() == Message.Kind.EVENT && m.text().contains("counted, not shown")).toList();
        assertThat(notes).isNotEmpty();
        long shown = session.transcript().messages().stream().filter(m -> m.kind() == Message.Kind.RECEIVED).count()
                + session.transcript().droppedCount();
        assertThat(shown).isLessThan(datagrams);
    }

    @Test
    void aGreetingShowsAsTheEngineWroteIt() throws Exception {
        int port = start(ReplyMode.GREET_CLOSE, "This is socket!");
        try (Socket client = new Socket("127.0.0.1", port)) {
            assertThat(new String(client.getInputStream().readAllBytes(), UTF_8)).isEqualTo("This is socket!");
        }
        pulses.until(() -> !sent().isEmpty(), "the greeting in the transcript");
        assertThat(new String(sent().get(0).data(), UTF_8)).isEqualTo("This is socket!");
        assertThat(sent().get(0).status()).isEqualTo(Message.Status.DONE);
        pulses.until(() -> lesson.mirror().contains("con.send(b'This is socket!')  # 15"), "the send in the mirror");
    }

    @Test
    void withoutEchoNothingIsShownAsSentBackAndWithEchoExactlyWhatWentBack() throws Exception {
        int port = start(ReplyMode.NONE, "");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write("ping".getBytes(UTF_8));
            pulses.until(() -> session.transcript().messages().stream()
                    .anyMatch(m -> m.kind() == Message.Kind.RECEIVED), "the ping");
        }
        pulses.settle();
        assertThat(sent()).isEmpty();
        session.stop();

        port = start(ReplyMode.ECHO, "");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.getOutputStream().write("pong".getBytes(UTF_8));
            byte[] back = client.getInputStream().readNBytes(4);
            assertThat(new String(back, UTF_8)).isEqualTo("pong");
        }
        pulses.until(() -> !sent().isEmpty(), "the echo in the transcript");
        assertThat(new String(sent().get(0).data(), UTF_8)).isEqualTo("pong");
    }

    @Test
    void aSendIsPendingUntilWrittenThenDoneAndTheLessonHearsOfItOnlyThen() throws Exception {
        int port = start(ReplyMode.NONE, "");
        try (Socket client = new Socket("127.0.0.1", port)) {
            pulses.until(() -> session.clients().count() == 1, "the client listed");
            long id = session.clients().ids().get(0);
            assertThat(session.send("hi".getBytes(UTF_8), id)).isNull();
            assertThat(sent()).singleElement().extracting(Message::status).isEqualTo(Message.Status.PENDING);
            assertThat(lesson.mirror()).noneMatch(line -> line.startsWith("con.send("));
            pulses.until(() -> sent().get(0).status() == Message.Status.DONE, "the send written");
            assertThat(lesson.mirror()).contains("con.send(b'hi')  # 2");
            assertThat(new String(client.getInputStream().readNBytes(2), UTF_8)).isEqualTo("hi");
        }
    }

    @Test
    void aBroadcastToClientsThatAllLeftIsRefusedNotShownAsSent() throws Exception {
        int port = start(ReplyMode.NONE, "");
        Socket client = new Socket("127.0.0.1", port);
        pulses.until(() -> session.clients().count() == 1, "the client listed");
        client.setSoLinger(true, 0);
        client.close();
        // The list still shows the client until the engine reports the reset; the send goes out to nobody.
        assertThat(session.send("late".getBytes(UTF_8), ServerSession.ALL)).isNull();
        pulses.until(() -> sent().get(0).status() != Message.Status.PENDING, "the broadcast settled");
        Message outcome = sent().get(0);
        if (outcome.status() == Message.Status.DONE) {
            // The kernel took the bytes before it saw the reset: that is a real send, and the lesson has it.
            assertThat(lesson.mirror()).contains("con.send(b'late')  # 4");
        } else {
            assertThat(outcome.status()).isEqualTo(Message.Status.REFUSED);
            assertThat(lesson.mirror()).noneMatch(line -> line.startsWith("con.send("));
        }
    }

    @Test
    void aClientsResetIsExplainedInTheTranscriptWhileTheLogKeepsItToOneLine() throws Exception {
        int port = start(ReplyMode.NONE, "");
        Socket client = new Socket("127.0.0.1", port);
        pulses.until(() -> session.clients().count() == 1, "the client listed");
        client.setSoLinger(true, 0);
        client.close();
        pulses.until(() -> session.transcript().messages().stream()
                .anyMatch(m -> m.text().contains("reset the connection")), "the reset shown");
        Message reset = session.transcript().messages().stream()
                .filter(m -> m.text().contains("reset the connection")).findFirst().get();
        assertThat(reset.text()).contains("\nThe other side ended the connection abruptly");
        assertThat(log).anyMatch(line -> line.contains("reset the connection")).noneMatch(line -> line.contains("\n"));
    }

    @Test
    void aSendRejectedByAFullQueueIsShownRefusedWithTheReason() throws Exception {
        int port = start(ReplyMode.NONE, "");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setReceiveBufferSize(4096);
            pulses.until(() -> session.clients().count() == 1, "the client listed");
            long id = session.clients().ids().get(0);
            byte[] big = new byte[12 << 20];
            session.send(big, id);
            session.send(big, id);
            pulses.until(() -> sent().stream().anyMatch(m -> m.status() == Message.Status.REFUSED), "a refusal");
            Message refused = sent().stream().filter(m -> m.status() == Message.Status.REFUSED).findFirst().get();
            assertThat(refused.text()).contains("BlockingIOError: [Errno 11]");
            assertThat(log).anyMatch(line -> line.contains("BlockingIOError"));
        }
    }

    @Test
    void theReplyIsFixedAtStartWhateverTheFormSaysLater() throws Exception {
        int port = start(ReplyMode.NONE, "");
        assertThat(session.reply()).isEqualTo(ReplyMode.NONE);
        session.stop();
        assertThat(session.reply()).isNull();
        assertThat(session.running().get()).isFalse();
        assertThat(port).isPositive();
    }

    @Test
    void aFailedBindUnlocksTheFormAndSaysWhyInPythonsWords() throws Exception {
        try (var holder = new java.net.ServerSocket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            session.start(new ServerSetup(Address.inet("127.0.0.1", holder.getLocalPort()), false,
                    ReplyMode.NONE, null, 5, SocketOptionsSpec.DEFAULTS.withReuseAddress(false)));
            pulses.until(() -> !session.running().get(), "the failure");
            assertThat(session.status().get()).contains("OSError: [Errno 98] Address already in use");
            assertThat(lesson.mirror()).anyMatch(line ->
                    line.startsWith("s.bind(('127.0.0.1', " + holder.getLocalPort() + "))  # OSError: [Errno 98]"));
        }
    }

}
