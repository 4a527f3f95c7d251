package io.socketworkbench.lesson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.SocketError;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts told again to a lesson: who is who from the facts alone, errors read back from Python's words. */
class TimelineReplayTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 9999);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50001);

    private static Fact fact(double t, Fact.Type type, long conn, InetSocketAddress local, InetSocketAddress remote,
                             boolean in, String data, String error) {
        return new Fact(t, type, conn, -1, local, remote, in, data == null ? new byte[0] : data.getBytes(UTF_8),
                error, null);
    }

    private static Lesson replay(List<Fact> facts) {
        TimelineReplay.Cast cast = new TimelineReplay.Cast();
        facts.forEach(cast::learn);
        Lesson lesson = new Lesson();
        TimelineReplay replay = new TimelineReplay(lesson, cast);
        facts.forEach(replay::tell);
        return lesson;
    }

    @Test
    void aUdpSocketThatSentFirstIsTheClientAndTheOtherTheServer() {
        Lesson lesson = replay(List.of(
                fact(1, Fact.Type.LISTEN, 1, SERVER, null, false, null, null),
                fact(2, Fact.Type.LISTEN, 2, CLIENT, null, false, null, null),
                fact(3, Fact.Type.DATAGRAM, 2, CLIENT, SERVER, false, "ping", null),
                fact(3.1, Fact.Type.DATAGRAM, 1, SERVER, CLIENT, true, "ping", null),
                fact(3.2, Fact.Type.DATAGRAM, 1, SERVER, CLIENT, false, "pong", null),
                fact(3.3, Fact.Type.DATAGRAM, 2, CLIENT, SERVER, true, "pong", null)));
        assertThat(lesson.udp()).isTrue();
        assertThat(lesson.done()).contains(LessonStep.UDP_BIND, LessonStep.UDP_SENDTO, LessonStep.UDP_RECVFROM);
        assertThat(lesson.mirror()).anyMatch(l -> l.contains("SOCK_DGRAM"))
                .anyMatch(l -> l.contains("sendto(b'ping', ('127.0.0.1', 9999))"))
                .anyMatch(l -> l.contains("recvfrom(65535)") && l.contains("b'pong'"));
        assertThat(lesson.sequence().arrows()).hasSize(2); // one arrow a datagram, however many sockets saw it
    }

    @Test
    void aRefusedConnectAndAResetAreToldWithPythonsWords() {
        Lesson refused = replay(List.of(fact(1, Fact.Type.ERROR, 3, null, SERVER, false, null,
                "ConnectionRefusedError: [Errno 111] Connection refused")));
        assertThat(refused.mirror()).anyMatch(l -> l.contains("ConnectionRefusedError: [Errno 111] Connection refused"));
        assertThat(refused.sequence().arrows()).extracting(a -> a.kind())
                .containsExactly(SequenceDiagram.Kind.REFUSED);

        Lesson reset = replay(List.of(
                fact(1, Fact.Type.CONNECT, 4, CLIENT, SERVER, false, null, null),
                fact(2, Fact.Type.RST, 4, CLIENT, SERVER, true, null,
                        "ConnectionResetError: [Errno 104] Connection reset by peer"),
                fact(2.1, Fact.Type.CLOSE, 4, CLIENT, SERVER, true, null, null)));
        assertThat(reset.clientState()).isEqualTo(TcpState.CLOSED);
        assertThat(reset.sequence().arrows()).extracting(a -> a.kind())
                .contains(SequenceDiagram.Kind.CONNECT, SequenceDiagram.Kind.RST);
    }

    @Test
    void everyErrorReadsBackFromWhatPythonPrints() {
        for (ErrorKind kind : ErrorKind.values()) {
            SocketError error = SocketError.of(kind);
            SocketError back = SocketError.fromPythonText(error.pythonText());
            assertThat(back.pythonText()).as(kind.name()).isEqualTo(error.pythonText());
            assertThat(back.kind().tls()).as(kind.name()).isEqualTo(kind.tls());
        }
        assertThat(SocketError.fromPythonText("KeyError: 'x'").pythonText()).isEqualTo("OSError: KeyError: 'x'");
    }
}
