package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketOptionsSpec;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonTest {
    /** The mirror's comments are in the texts' language: English here, whatever a test before chose. */
    @org.junit.jupiter.api.BeforeEach
    void english() {
        io.socketworkbench.lesson.Texts.use(java.util.Locale.ENGLISH);
    }

    static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 37777);
    static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 51234);
    static final byte[] HELLO = "This is socket!".getBytes(UTF_8);

    private final Lesson lesson = new Lesson();

    static ServerSetup homeworkServer() {
        return new ServerSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 0), false, ReplyMode.GREET_CLOSE,
                HELLO, 5, SocketOptionsSpec.DEFAULTS.withReuseAddress(true));
    }

    static ClientSetup client(ClientLab lab) {
        return new ClientSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 37777), false, null, lab);
    }

    /** The homework as the panes report it: server and client both ours, ids 1 (client) and 2 (accepted). */
    static void homework(Lesson lesson) {
        lesson.serverListening(homeworkServer(), SERVER);
        lesson.clientOpening(client(ClientLab.DEFAULT));
        lesson.clientConnected(1, CLIENT, SERVER);
        lesson.accepted(2, CLIENT, SERVER);
        lesson.sent(Lesson.Side.SERVER, 2, HELLO);
        lesson.received(Lesson.Side.CLIENT, 1, HELLO, 1024);
        lesson.closed(Lesson.Side.SERVER, 2, CloseReason.LOCAL, null);
        lesson.closed(Lesson.Side.CLIENT, 1, CloseReason.PEER, null);
    }

    @Test
    void theHomeworkLightsAllFiveStepsAndMirrorsThePythonOfTheSeed() {
        lesson.serverListening(homeworkServer(), SERVER);
        assertThat(lesson.serverState()).isEqualTo(TcpState.LISTEN);
        lesson.clientOpening(client(ClientLab.DEFAULT));
        assertThat(lesson.clientState()).isEqualTo(TcpState.SYN_SENT);
        lesson.clientConnected(1, CLIENT, SERVER);
        lesson.accepted(2, CLIENT, SERVER);
        lesson.sent(Lesson.Side.SERVER, 2, HELLO);
        lesson.received(Lesson.Side.CLIENT, 1, HELLO, 1024);
        lesson.closed(Lesson.Side.SERVER, 2, CloseReason.LOCAL, null);
        lesson.closed(Lesson.Side.CLIENT, 1, CloseReason.PEER, null);

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
    void theDiagramHasTwoLifelinesAndDrawsEachCrossingOnce() {
        homework(lesson);
        SequenceDiagram sequence = lesson.sequence();
        assertThat(sequence.lifelines()).extracting(SequenceDiagram.Lifeline::address)
                .containsExactly("127.0.0.1:37777", "127.0.0.1:51234");
        assertThat(sequence.arrows()).extracting(SequenceDiagram.Arrow::kind).containsExactly(
                SequenceDiagram.Kind.CONNECT, SequenceDiagram.Kind.DATA, SequenceDiagram.Kind.FIN,
                        SequenceDiagram.Kind.FIN);
        SequenceDiagram.Arrow data = sequence.arrows().get(1);
        assertThat(data.from()).isEqualTo(0);
        assertThat(data.to()).isEqualTo(1);
        assertThat(data.preview()).isEqualTo("b'This is socket!'");
        assertThat(data.bytes()).isEqualTo(15);
        // The server's FIN, then the client's answering FIN.
        assertThat(sequence.arrows().get(2).from()).isEqualTo(0);
        assertThat(sequence.arrows().get(3).from()).isEqualTo(1);
    }

    /**
     * The server may meet the relay's connection onward before the relay says it is its own (two panes, their
     * events in either order; data comes only after the relay connected onward): that lifeline joins the relay's,
     * and each hop is drawn once.
     */
    @Test
    void theRelaysConnectionOnwardJoinsItsLifelineWhicheverPaneSpeaksFirst() {
        InetSocketAddress tab = new InetSocketAddress("127.0.0.1", 50100);
        InetSocketAddress relay = new InetSocketAddress("127.0.0.1", 37778);
        InetSocketAddress upstream = new InetSocketAddress("127.0.0.1", 50200);
        lesson.serverListening(homeworkServer(), SERVER);
        lesson.clientOpening(client(ClientLab.DEFAULT), 2, "c");
        lesson.clientConnected(2, tab, relay);
        lesson.accepted(3, upstream, SERVER);
        lesson.relay().forwarding("127.0.0.1:50100", "127.0.0.1:37778", "127.0.0.1:50200", "127.0.0.1:37777");
        lesson.sent(Lesson.Side.CLIENT, 2, "hi".getBytes(UTF_8));
        lesson.relay().chunk("127.0.0.1:50100", "127.0.0.1:37778", "127.0.0.1:50200", "127.0.0.1:37777", true,
                "hi".getBytes(UTF_8));
        lesson.received(Lesson.Side.SERVER, 3, "hi".getBytes(UTF_8), 1024);
        lesson.sent(Lesson.Side.SERVER, 3, "ok".getBytes(UTF_8));
        lesson.relay().chunk("127.0.0.1:50100", "127.0.0.1:37778", "127.0.0.1:50200", "127.0.0.1:37777", false,
                "ok".getBytes(UTF_8));
        lesson.received(Lesson.Side.CLIENT, 2, "ok".getBytes(UTF_8), 1024);

        SequenceDiagram sequence = lesson.sequence();
        assertThat(sequence.lifelines()).extracting(SequenceDiagram.Lifeline::role).containsExactly(
                SequenceDiagram.Role.SERVER, SequenceDiagram.Role.CLIENT, SequenceDiagram.Role.RELAY);
        int server = 0;
        int client = 1;
        int relayLine = 2;
        assertThat(sequence.arrows()).extracting(a -> a.kind() + " " + a.from() + ">" + a.to()).containsExactly(
                "CONNECT " + client + ">" + relayLine,
                "CONNECT " + relayLine + ">" + server,
                "DATA " + client + ">" + relayLine,
                "DATA " + relayLine + ">" + server,
                "DATA " + server + ">" + relayLine,
                "DATA " + relayLine + ">" + client);
    }

    /** Past 16 conversations a side, the export keeps the first ones, counts each client it left out once. */
    @Test
    void theExportKeepsTheFirstSixteenClientsOfEachSideAndSaysHowManyItLeftOut() {
        lesson.serverListening(homeworkServer(), SERVER);
        for (int i = 0; i < ExportRecord.MAX_CONVERSATIONS + 4; i++) {
            lesson.accepted(100 + i, new InetSocketAddress("127.0.0.1", 40000 + i), SERVER);
            lesson.received(Lesson.Side.SERVER, 100 + i, "hi".getBytes(UTF_8), 1024);
            lesson.sent(Lesson.Side.SERVER, 100 + i, ("answer " + i).getBytes(UTF_8));
        }
        for (int i = 0; i < ExportRecord.MAX_CONVERSATIONS + 2; i++) {
            lesson.clientOpening(client(ClientLab.DEFAULT), 200 + i, "c");
            lesson.sent(Lesson.Side.CLIENT, 200 + i, "hi".getBytes(UTF_8));
        }
        ExportRecord record = lesson.exportRecord();
        assertThat(record.served()).hasSize(ExportRecord.MAX_CONVERSATIONS);
        assertThat(record.moreServed()).isEqualTo(4);
        assertThat(record.clients()).hasSize(ExportRecord.MAX_CONVERSATIONS);
        assertThat(record.moreClients()).isEqualTo(2);
        assertThat(PythonExport.server(record)).contains("4 more are left out", "def serve_16(con):")
                .doesNotContain("def serve_17");
        assertThat(PythonExport.client(record)).contains("2 more are left out", "client_16()")
                .doesNotContain("client_17");
    }

    @Test
    void aFloodCollapsesIntoOneRowAndManyClientsShareALifeline() {
        lesson.serverListening(homeworkServer(), SERVER);
        for (int i = 0; i < 1000; i++) {
            lesson.accepted(100 + i, new InetSocketAddress("127.0.0.1", 40000 + i), SERVER);
        }
        lesson.received(Lesson.Side.SERVER, 100, new byte[10], 1024);
        for (int i = 0; i < 999; i++) {
            lesson.received(Lesson.Side.SERVER, 100, new byte[10], 1024);
        }
        SequenceDiagram sequence = lesson.sequence();
        assertThat(sequence.lifelines()).hasSize(SequenceDiagram.MAX_LIFELINES);
        assertThat(sequence.lifelines().get(SequenceDiagram.MAX_LIFELINES - 1).role()).isEqualTo(SequenceDiagram.Role.OTHERS);
        assertThat(sequence.arrows()).hasSizeLessThanOrEqualTo(SequenceDiagram.MAX_LIFELINES + 1);
        SequenceDiagram.Arrow last = sequence.arrows().get(sequence.arrows().size() - 1);
        assertThat(last.count()).isEqualTo(1000);
        assertThat(last.bytes()).isEqualTo(10_000);
    }

    @Test
    void aCrowdClosingDrawsOneRowAndAPeersSendLightsTheSendStep() {
        lesson.serverListening(homeworkServer(), SERVER);
        for (int i = 0; i < 100; i++) {
            lesson.accepted(100 + i, new InetSocketAddress("127.0.0.1", 40000 + i), SERVER);
        }
        // A peer outside the app (nc, a script) sends; only our server pane sees it, as a receive.
        lesson.received(Lesson.Side.SERVER, 150, "hi".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1024);
        assertThat(lesson.done()).contains(LessonStep.SEND, LessonStep.RECEIVE);
        for (int i = 0; i < 100; i++) {
            lesson.closed(Lesson.Side.SERVER, 100 + i, CloseReason.PEER, null);
        }
        List<SequenceDiagram.Arrow> arrows = lesson.sequence().arrows();
        SequenceDiagram.Arrow last = arrows.get(arrows.size() - 1);
        assertThat(last.kind()).isEqualTo(SequenceDiagram.Kind.FIN);
        assertThat(last.from()).isEqualTo(SequenceDiagram.MAX_LIFELINES - 1);
        // The clients with their own lifelines close with a FIN each way; the crowd's closes are one row.
        assertThat(last.count()).isEqualTo(100 - (SequenceDiagram.MAX_LIFELINES - 2));
        assertThat(arrows).hasSizeLessThan(30);
    }

    @Test
    void textBeyondAsciiIsEncodedWhereItIsSentAndDecodedWhereItArrives() {
        lesson.serverListening(homeworkServer(), SERVER);
        lesson.clientConnected(1, CLIENT, SERVER);
        lesson.accepted(2, CLIENT, SERVER);
        lesson.sent(Lesson.Side.CLIENT, 1, "你好".getBytes(UTF_8));
        lesson.received(Lesson.Side.SERVER, 2, "你好".getBytes(UTF_8), 1024);
        // TCP may cut a character in two: Python's decode would fail, so no decode line is shown for it.
        lesson.received(Lesson.Side.SERVER, 2, java.util.Arrays.copyOf("好".getBytes(UTF_8), 2), 1024);
        lesson.sent(Lesson.Side.SERVER, 2, "This is socket!".getBytes(UTF_8));
        assertThat(lesson.mirror()).containsSubsequence(
                "c.send('你好'.encode('utf-8'))  # 6",
                "data = con.recv(1024)  # b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd'",
                "text = data.decode('utf-8')  # '你好'",
                "data = con.recv(1024)  # b'\\xe5\\xa5'",
                "con.send(b'This is socket!')  # 15");
        assertThat(lesson.mirror()).filteredOn(l -> l.startsWith("text = ")).hasSize(1);
    }

    @Test
    void theDiagramStaysBounded() {
        lesson.serverListening(homeworkServer(), SERVER);
        lesson.accepted(2, CLIENT, SERVER);
        for (int i = 0; i < 2 * SequenceDiagram.MAX_ARROWS; i++) {
            lesson.received(Lesson.Side.SERVER, 2, new byte[1], 1024);
            lesson.sent(Lesson.Side.SERVER, 2, new byte[1]);
        }
        assertThat(SequenceDiagram.MAX_ARROWS).isEqualTo(500);
        assertThat(lesson.sequence().arrows()).hasSize(500);
        // The connect, then 2,000 rows that alternate (so none collapse): 2,001 rows, of which the newest 500 stay.
        assertThat(lesson.sequence().dropped()).isEqualTo(1_501);
        assertThat(lesson.mirror()).hasSizeLessThanOrEqualTo(500);
    }

    @Test
    void udpHasItsOwnStepsAndKeepsTheSender() {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 9999);
        InetSocketAddress client = new InetSocketAddress("127.0.0.1", 40000);
        lesson.serverListening(new ServerSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 0), true,
                ReplyMode.NONE, null, 0, null), server);
        lesson.clientOpening(new ClientSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 9999), true, null,
                null));
        lesson.clientBound(client);
        lesson.sentDatagram(Lesson.Side.CLIENT, "ping".getBytes(UTF_8),
                io.socketworkbench.engine.Address.inet("127.0.0.1", 9999));
        lesson.receivedDatagram(Lesson.Side.SERVER, "ping".getBytes(UTF_8), client, 65535, 0);
        lesson.sentDatagram(Lesson.Side.SERVER, "ping".getBytes(UTF_8), client);
        lesson.receivedDatagram(Lesson.Side.CLIENT, "pi".getBytes(UTF_8), server, 2, 2);
        assertThat(lesson.udp()).isTrue();
        assertThat(lesson.done()).containsAll(LessonStep.UDP).doesNotContain(LessonStep.CONNECT);
        assertThat(lesson.mirror()).contains("s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
                "c.sendto(b'ping', ('127.0.0.1', 9999))  # 4",
                "data, addr = s.recvfrom(65535)  # b'ping', ('127.0.0.1', 40000)",
                "data, addr = c.recvfrom(2)  # b'pi', ('127.0.0.1', 9999)  (2 more bytes discarded: a datagram does not wait)");
        // Each send and its receive are one crossing, drawn once.
        assertThat(lesson.sequence().arrows()).extracting(SequenceDiagram.Arrow::kind)
                .containsExactly(SequenceDiagram.Kind.DATAGRAM, SequenceDiagram.Kind.DATAGRAM);
        assertThat(lesson.sequence().arrows().get(1).bytes()).isEqualTo(4);
    }

    @Test
    void connectRaisesWhereConnectExReturnsTheCode() {
        lesson.clientOpening(client(ClientLab.DEFAULT));
        lesson.clientFailed(SocketError.of(ErrorKind.CONNECTION_REFUSED));
        assertThat(lesson.clientState()).isEqualTo(TcpState.CLOSED);
        assertThat(lesson.mirror()).last().isEqualTo(
                "c.connect(('127.0.0.1', 37777))  # ConnectionRefusedError: [Errno 111] Connection refused");

        lesson.clientOpening(client(new ClientLab(true, 5.0, true, 16, false)));
        lesson.clientFailed(SocketError.of(ErrorKind.CONNECTION_REFUSED));
        assertThat(lesson.mirror()).contains("c.settimeout(5.0)")
                .last().isEqualTo("c.connect_ex(('127.0.0.1', 37777))  # 111  (errno.ECONNREFUSED, no exception)");
        assertThat(lesson.sequence().arrows()).extracting(SequenceDiagram.Arrow::kind).containsOnly(SequenceDiagram.Kind.REFUSED);
    }

    @Test
    void optionsAreSetAndReadBackAsTheSystemHoldsThem() {
        SocketOptionsSpec spec = SocketOptionsSpec.DEFAULTS.withBuffers(4096, null).withLinger(5).withTcpNoDelay(true);
        lesson.clientOpening(new ClientSetup(io.socketworkbench.engine.Address.inet("127.0.0.1", 37777), false, spec,
                null));
        lesson.optionsRead(Lesson.Side.CLIENT, Map.of("SO_RCVBUF", 8192, "SO_LINGER", 5, "TCP_NODELAY", true,
                "SO_KEEPALIVE", false));
        assertThat(lesson.mirror()).contains(
                "c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)",
                "c.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)",
                "c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 5))",
                "c.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)  # 8192",
                "struct.unpack('ii', c.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))  # (1, 5)",
                "c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)  # 1");
        assertThat(lesson.mirror()).noneMatch(line -> line.contains("SO_KEEPALIVE"));
    }

    @Test
    void halfCloseAndNonBlockingReceiveReadAsPython() {
        lesson.clientOpening(client(new ClientLab(false, null, true, 16, true)));
        lesson.clientConnected(1, CLIENT, SERVER);
        lesson.receiveFailed("data = c.recv(16)", SocketError.of(ErrorKind.WOULD_BLOCK));
        lesson.halfClosed(Lesson.Side.CLIENT, 1);
        assertThat(lesson.clientState()).isEqualTo(TcpState.FIN_WAIT);
        assertThat(lesson.mirror()).containsSubsequence(
                "c.connect(('127.0.0.1', 37777))",
                "c.setblocking(False)",
                "data = c.recv(16)  # BlockingIOError: [Errno 11] Resource temporarily unavailable",
                "c.shutdown(socket.SHUT_WR)");
        assertThat(lesson.sequence().arrows()).extracting(SequenceDiagram.Arrow::kind)
                .containsExactly(SequenceDiagram.Kind.CONNECT, SequenceDiagram.Kind.HALF_CLOSE);
    }

    @Test
    void longPayloadsAreCutInTheMirror() {
        lesson.sent(Lesson.Side.CLIENT, 1, new byte[500]);
        assertThat(lesson.mirror().get(0)).endsWith("…)  # 500").hasSizeLessThan(260);
    }

    @Test
    void aNewServerStartsItsRecordAfreshAndAnExportSaysWhatWasLeftOut() {
        lesson.serverListening(homeworkServer(), SERVER);
        lesson.accepted(2, CLIENT, SERVER);
        byte[] line = "0123456789".getBytes(UTF_8);
        for (int i = 0; i < ExportRecord.MAX_STEPS + 25; i++) {
            lesson.sent(Lesson.Side.SERVER, 2, line);
        }
        assertThat(lesson.exportRecord().serverOmitted()).isEqualTo(new ExportRecord.Omitted(25, 250));
        String truncated = PythonExport.server(lesson.exportRecord());
        assertThat(truncated).contains("the last 25 steps (250 bytes sent) are left out");

        lesson.serverListening(homeworkServer(), SERVER);
        lesson.accepted(3, CLIENT, SERVER);
        lesson.sent(Lesson.Side.SERVER, 3, "fresh".getBytes(UTF_8));
        assertThat(lesson.exportRecord().serverOmitted().any()).isFalse();
        assertThat(lesson.exportRecord().serverSteps()).hasSize(1);
        assertThat(PythonExport.server(lesson.exportRecord())).contains("con.send(b'fresh')").doesNotContain("left out");
    }

    @Test
    void aClientsRecordIsItsOwn() {
        lesson.clientOpening(client(ClientLab.DEFAULT), 1, "c");
        lesson.clientConnected(1, CLIENT, SERVER);
        for (int i = 0; i < ExportRecord.MAX_STEPS + 1; i++) {
            lesson.sent(Lesson.Side.CLIENT, 1, "x".getBytes(UTF_8));
        }
        assertThat(lesson.exportRecord().clientOmitted().steps()).isEqualTo(1);
        assertThat(lesson.exportRecord().serverOmitted().any()).as("the server's side is whole").isFalse();
        lesson.clientOpening(client(ClientLab.DEFAULT), 5, "c");
        assertThat(lesson.exportRecord().clientOmitted().any()).isFalse();
        assertThat(lesson.exportRecord().clientSteps()).isEmpty();
    }

    @Test
    void severalClientsAreToldApartInTheMirror() {
        InetSocketAddress second = new InetSocketAddress("127.0.0.1", 40002);
        lesson.clientOpening(client(ClientLab.DEFAULT), 1, "c1");
        lesson.clientOpening(client(ClientLab.DEFAULT), 2, "c2");
        lesson.clientConnected(1, CLIENT, SERVER);
        lesson.clientConnected(2, second, SERVER);
        lesson.sent(Lesson.Side.CLIENT, 1, "a".getBytes(UTF_8));
        lesson.sent(Lesson.Side.CLIENT, 2, "b".getBytes(UTF_8));
        lesson.closed(Lesson.Side.CLIENT, 1, CloseReason.LOCAL, null);
        assertThat(lesson.mirror()).containsSubsequence(
                "c1 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "c2 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
                "c1.send(b'a')  # 1", "c2.send(b'b')  # 1", "c1.close()");
    }

    @Test
    void addressesAreWrittenAsPythonLiteralsWhateverWasTyped() {
        assertThat(PythonSource.address(io.socketworkbench.engine.Address.inet("it's",
                80))).isEqualTo("(\"it's\", 80)");
        assertThat(PythonSource.address(io.socketworkbench.engine.Address.inet("::1", 80))).isEqualTo("('::1', 80)");
        assertThat(PythonSource.family(io.socketworkbench.engine.Address.inet("::", 80))).isEqualTo("socket.AF_INET6");
        assertThat(PythonSource.family(io.socketworkbench.engine.Address.inet("localhost",
                80))).isEqualTo("socket.AF_INET");
        assertThat(PythonSource.address(new InetSocketAddress("::1", 5))).isEqualTo("('::1', 5, 0, 0)");
        assertThat(PythonSource.address(io.socketworkbench.engine.Address.unix(java.nio.file.Path.of("/tmp/a\\b'c"))))
                .isEqualTo("\"/tmp/a\\\\b'c\"");
    }

    @Test
    void aFailedLookupDrawsNoArrowBecauseNothingWasSent() {
        lesson.clientOpening(new ClientSetup(io.socketworkbench.engine.Address.inet("nosuch.invalid", 80), false,
                null, null));
        lesson.clientFailed(SocketError.of(ErrorKind.UNKNOWN_HOST));
        assertThat(lesson.sequence().arrows()).isEmpty();
        assertThat(lesson.mirror()).contains(
                "c.connect(('nosuch.invalid', 80))  # socket.gaierror: [Errno -2] Name or service not known");
    }
}
