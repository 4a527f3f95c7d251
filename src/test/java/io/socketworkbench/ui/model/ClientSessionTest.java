package io.socketworkbench.ui.model;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.fx.Pulses;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client pane's view model, without the FX toolkit, against plain java.net peers. */
class ClientSessionTest {
    private final SocketEngine engine = new SocketEngine("client-session-test");
    private final Pulses pulses = new Pulses();
    private final Lesson lesson = new Lesson();

    @org.junit.jupiter.api.BeforeAll
    static void english() {
        io.socketworkbench.ui.i18n.I18n.use(java.util.Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ClientSession session(String name) {
        return new ClientSession(engine, pulses.port(), lesson, () -> name);
    }

    private static List<Message> of(ClientSession session, Message.Kind kind) {
        return session.transcript().messages().stream().filter(m -> m.kind() == kind).toList();
    }

    private void connect(ClientSession session, int port, ClientLab lab) {
        session.open(new ClientSetup(Address.inet("127.0.0.1", port), false, null, lab, null));
        pulses.until(() -> session.canShutdown().get(), "connected");
    }

    @Test
    void aSendIsPendingThenDoneAndTheServerGetsIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSession session = session("c");
            connect(session, server.getLocalPort(), ClientLab.DEFAULT);
            try (Socket peer = server.accept()) {
                assertThat(session.send("hello".getBytes(UTF_8), null)).isNull();
                assertThat(of(session, Message.Kind.SENT)).singleElement().extracting(Message::status)
                        .isEqualTo(Message.Status.PENDING);
                pulses.until(() -> of(session, Message.Kind.SENT).get(0).status() == Message.Status.DONE, "written");
                assertThat(new String(peer.getInputStream().readNBytes(5), UTF_8)).isEqualTo("hello");
                assertThat(lesson.mirror()).contains("c.send(b'hello')  # 5");
            }
        }
    }

    @Test
    void aSendThePeerCanNoLongerTakeIsShownRefused() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSession session = session("c");
            connect(session, server.getLocalPort(), ClientLab.DEFAULT);
            try (Socket peer = server.accept()) {
                peer.setReceiveBufferSize(4096);
                byte[] big = new byte[12 << 20];
                session.send(big, null);
                session.send(big, null);
                pulses.until(() -> of(session, Message.Kind.SENT).stream()
                        .anyMatch(m -> m.status() == Message.Status.REFUSED), "a refusal");
                assertThat(of(session, Message.Kind.SENT)).filteredOn(m -> m.status() == Message.Status.REFUSED)
                        .first().extracting(Message::text).asString().contains("BlockingIOError: [Errno 11]");
            }
        }
    }

    @Test
    void bytesTheHandDrivenRecvBufferDropsAreReportedNotLostInSilence() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSession session = session("c");
            connect(session, server.getLocalPort(), new ClientLab(false, null, false, 1024, true));
            int total = ReceiveBuffer.MAX_BYTES + (1 << 20);
            try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                out.write(new byte[total]);
                out.flush();
                pulses.until(() -> session.bytesReceived() == total, "every byte received");
            }
            pulses.settle();
            assertThat(of(session, Message.Kind.EVENT)).anyMatch(m -> m.text().contains("dropped"));
        }
    }

    @Test
    void theMirrorUsesTheNameTheWindowGives() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSession first = session("c1");
            ClientSession second = session("c2");
            connect(first, server.getLocalPort(), ClientLab.DEFAULT);
            connect(second, server.getLocalPort(), ClientLab.DEFAULT);
            assertThat(lesson.mirror()).contains("c1.connect(('127.0.0.1', " + server.getLocalPort() + "))",
                    "c2.connect(('127.0.0.1', " + server.getLocalPort() + "))");
            first.close();
            second.close();
        }
    }

    @Test
    void aCaptureThatCannotWriteSaysWhyWhenItEnds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isWritable(java.nio.file.Path.of("/dev/full")));
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSession session = session("c");
            session.capture().start(java.nio.file.Path.of("/dev/full"));
            connect(session, server.getLocalPort(), ClientLab.DEFAULT);
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write("lost on a full disk".getBytes(UTF_8));
                pulses.until(() -> session.bytesReceived() == 19, "the bytes received");
            }
            session.capture().stop();
            assertThat(of(session, Message.Kind.ERROR)).extracting(Message::text)
                    .anyMatch(text -> text.contains("OSError: [Errno 28] No space left on device"));
        }
    }

    @Test
    void theRecvCallsShownAndSummedUpAccountForEveryByteEvenThoseNotKept() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ClientSession session = session("c");
            connect(session, server.getLocalPort(), ClientLab.DEFAULT);
            int total = 8 << 20;
            try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                out.write(new byte[total]);
            }
            // Let the engine read a lot before the window drains, so runs are merged and bytes elided.
            Thread.sleep(300);
            pulses.until(() -> session.bytesReceived() == total, "every byte received");
            long calls = 0;
            for (Message m : session.transcript().messages()) {
                if (m.kind() == Message.Kind.RECEIVED) {
                    calls++;
                } else if (m.kind() == Message.Kind.EVENT && m.text().contains("more recv(")) {
                    calls += Long.parseLong(m.text().replaceAll("^… and ([\\d,]+) more.*$", "$1").replace(",", "")) - 1;
                }
            }
            // Each recv(1024) returns at most 1,024 bytes: fewer calls could not have carried them all.
            assertThat(calls * 1024).isGreaterThanOrEqualTo(total);
        }
    }
}
