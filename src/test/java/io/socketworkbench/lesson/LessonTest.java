package io.socketworkbench.lesson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import org.junit.jupiter.api.Test;

class LessonTest {
    private final Lesson lesson = new Lesson();

    @Test
    void theHomeworkLightsAllFiveStepsAndMirrorsThePythonOfTheSeed() {
        lesson.serverListening("('127.0.0.1', 37777)", false, 5);
        assertThat(lesson.serverState()).isEqualTo(TcpState.LISTEN);
        lesson.clientConnecting("('127.0.0.1', 37777)", false);
        assertThat(lesson.clientState()).isEqualTo(TcpState.SYN_SENT);
        lesson.clientConnected();
        lesson.accepted("('127.0.0.1', 51234)");
        lesson.sent(Lesson.Side.SERVER, "This is socket!".getBytes(UTF_8), null);
        lesson.received(Lesson.Side.CLIENT, "This is socket!".getBytes(UTF_8), null);
        lesson.closed(Lesson.Side.SERVER, CloseReason.LOCAL, null);
        lesson.closed(Lesson.Side.CLIENT, CloseReason.PEER, null);

        assertThat(lesson.done()).containsAll(LessonStep.TCP);
        assertThat(lesson.serverState()).isEqualTo(TcpState.TIME_WAIT);
        assertThat(lesson.clientState()).isEqualTo(TcpState.CLOSED);
        assertThat(lesson.mirror()).containsExactly(
                "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('127.0.0.1', 37777))",
                "s.listen(5)",
                "c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "c.connect(('127.0.0.1', 37777))",
                "con, addr = s.accept()  # ('127.0.0.1', 51234)",
                "con.send(b'This is socket!')  # 15",
                "data = c.recv(1024)  # b'This is socket!'",
                "con.close()",
                "data = c.recv(1024)  # b''  (the other side closed)",
                "c.close()");
    }

    @Test
    void udpHasItsOwnStepsAndKeepsTheSender() {
        lesson.serverBoundUdp("('127.0.0.1', 9999)");
        lesson.clientUdp();
        lesson.sent(Lesson.Side.CLIENT, "ping".getBytes(UTF_8), "('127.0.0.1', 9999)");
        lesson.received(Lesson.Side.SERVER, "ping".getBytes(UTF_8), "('127.0.0.1', 40000)");
        assertThat(lesson.udp()).isTrue();
        assertThat(lesson.done()).containsAll(LessonStep.UDP).doesNotContain(LessonStep.CONNECT);
        assertThat(lesson.mirror()).contains("c.sendto(b'ping', ('127.0.0.1', 9999))  # 4",
                "data, addr = s.recvfrom(65535)  # b'ping', ('127.0.0.1', 40000)");
    }

    @Test
    void failuresReadAsThePythonException() {
        lesson.clientConnecting("('127.0.0.1', 1)", false);
        lesson.failed(Lesson.Side.CLIENT, "c.connect(('127.0.0.1', 1))", SocketError.of(ErrorKind.CONNECTION_REFUSED));
        assertThat(lesson.clientState()).isEqualTo(TcpState.CLOSED);
        assertThat(lesson.mirror()).last().isEqualTo(
                "c.connect(('127.0.0.1', 1))  # ConnectionRefusedError: [Errno 111] Connection refused");
    }

    @Test
    void longPayloadsAreCutInTheMirror() {
        lesson.sent(Lesson.Side.CLIENT, new byte[500], null);
        assertThat(lesson.mirror().get(0)).endsWith("…)  # 500").hasSizeLessThan(260);
    }
}
