package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.exercise.ClassBoardWindow;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.model.ClassBoard;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The class board, driven by forty student machines (each its own loopback address, 127.0.0.2 to 127.0.0.41):
 * a row each with the verdicts the wire shows, who needs help on top, and the CSV says the same.
 */
@ExtendWith(ApplicationExtension.class)
class ClassBoardTest {
    private final SocketEngine engine = new SocketEngine("class-board-test");
    private final FxBridge bridge = new FxBridge();
    private final ExecutorService students = Executors.newFixedThreadPool(40);
    private MainWindow window;
    private ClassBoardWindow boardWindow;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        students.shutdownNow();
        if (boardWindow != null) {
            robot.interact(() -> boardWindow.stage().close());
        }
        window.recording().close();
        engine.close();
    }

    /** A student machine's socket, from its own address. */
    private static Socket from(int machine, int port) throws Exception {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress("127.0.0." + machine, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
        return socket;
    }

    private int startBoard(FxRobot robot, ClassBoard.Kind kind) throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int chosen = port;
        robot.interact(() -> {
            boardWindow = window.classBoard();
            boardWindow.show();
            boardWindow.board().start(kind, "127.0.0.1", chosen);
        });
        TestWindow.await(() -> boardWindow.board().status().get().startsWith("Listening on 127.0.0.1:" + chosen));
        return port;
    }

    @Test
    void fortyMachinesOfHomeworkClientsGetARowEachWithWhatTheWireShowed(FxRobot robot) throws Exception {
        int port = startBoard(robot, ClassBoard.Kind.HOMEWORK_CLIENT);
        List<Future<?>> done = new ArrayList<>();
        for (int machine = 2; machine <= 41; machine++) {
            int m = machine;
            done.add(students.submit(() -> {
                try (Socket s = from(m, port)) {
                    InputStream in = s.getInputStream();
                    if (m % 8 == 0) {
                        in.readNBytes(4); // reads 4 of the 15 bytes and closes: its system resets the rest
                        Thread.sleep(300);
                        s.setSoLinger(true, 0);
                    } else if (m % 8 == 1) {
                        in.readAllBytes(); // reads it all, and never closes (until the board gives up)
                        Thread.sleep(12_000);
                    } else {
                        in.readAllBytes(); // the homework, done right
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        ClassBoard board = boardWindow.board();
        TestWindow.await(() -> board.rows().get().size() == 40 && board.rows().get().stream()
                .noneMatch(ClassBoard.Row::inProgress));
        java.nio.file.Path exported = java.nio.file.Files.createTempFile("class-board", ".csv");
        try {
            String said = board.export(exported).get(30, TimeUnit.SECONDS);
            assertThat(said).isEqualTo("Report written to " + exported);
            String[] expected = new String[1];
            robot.interact(() -> expected[0] = board.csv());
            assertThat(java.nio.file.Files.readString(exported, StandardCharsets.UTF_8)).isEqualTo(expected[0]);
        } finally {
            java.nio.file.Files.deleteIfExists(exported);
        }
        // The table catches up with the board a few new rows a frame.
        TableView<ClassBoardWindow.Place> table = robot.lookup("#class-table").queryTableView();
        TestWindow.await(() -> table.getItems().stream().map(ClassBoardWindow.Place::row).toList()
                .equals(board.rows().get()));
        robot.interact(() -> {
            List<ClassBoard.Row> rows = board.rows().get();
            assertThat(table.getItems()).extracting(ClassBoardWindow.Place::row).isEqualTo(rows);
            assertThat(rows).filteredOn(ClassBoard.Row::passing).hasSize(30)
                    .allMatch(r -> r.firstPass() != null && r.attempts() == 1);
            List<ClassBoard.Row> reset = rows.stream().filter(r -> r.checks().get(1) != null
                    && !r.checks().get(1).passed()).toList();
            assertThat(reset).extracting(ClassBoard.Row::address).containsExactlyInAnyOrder("127.0.0.8",
                    "127.0.0.16", "127.0.0.24", "127.0.0.32", "127.0.0.40");
            assertThat(reset.get(0).checks().get(1).why()).contains("reset");
            List<ClassBoard.Row> open = rows.stream().filter(r -> r.checks().get(2) != null
                    && !r.checks().get(2).passed()).toList();
            assertThat(open).extracting(ClassBoard.Row::address).containsExactlyInAnyOrder("127.0.0.9",
                    "127.0.0.17", "127.0.0.25", "127.0.0.33", "127.0.0.41");
            assertThat(open.get(0).checks().get(2).why()).contains("still open after 10 s");
            // The cells show the board's rows in their order: the address, and each check's mark with its why.
            int cells = 0;
            for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
                if (node instanceof javafx.scene.control.TableCell<?, ?> cell && !cell.isEmpty()
                        && cell.getIndex() >= 0 && cell.getIndex() < rows.size()) {
                    ClassBoard.Row row = rows.get(cell.getIndex());
                    int column = table.getColumns().indexOf(cell.getTableColumn());
                    if (column == 0) {
                        assertThat(cell.getText()).isEqualTo(row.address());
                        cells++;
                    } else if (column >= 2 && column < 5) {
                        ClassBoard.Verdict verdict = row.checks().get(column - 2);
                        assertThat(cell.getText()).isEqualTo(verdict == null ? "\u2013" : verdict.passed() ? "\u2713"
                                : "\u2717 " + verdict.why());
                        cells++;
                    }
                }
            }
            assertThat(cells).as("cells shown").isGreaterThanOrEqualTo(20);
            // Who needs help is on top.
            assertThat(rows.subList(0, 10)).noneMatch(ClassBoard.Row::passing);
            assertThat(rows.subList(10, 40)).allMatch(ClassBoard.Row::passing);

            List<String> csv = board.csv().lines().toList();
            assertThat(csv).hasSize(41);
            assertThat(csv.get(0)).isEqualTo("\uFEFFMachine,Name,Attempts,Connects,Reads the whole message,"
                    + "Closes its socket,First pass");
            for (int i = 0; i < 40; i++) {
                ClassBoard.Row row = rows.get(i);
                assertThat(csv.get(i + 1)).startsWith(row.address() + ",,1,✓,")
                        .endsWith(row.firstPass() == null ? "," : "," + row.firstPass());
            }
        });
    }

    @Test
    void chatClientsSendTheirNamesAndAMachineThatFloodsIsRateLimited(FxRobot robot) throws Exception {
        int port = startBoard(robot, ClassBoard.Kind.CHAT_CLIENT);
        for (String[] student : new String[][] {{"2", "Ada"}, {"3", "<b>Linus</b>"}, {"4", ""}}) {
            try (Socket s = from(Integer.parseInt(student[0]), port)) {
                s.getOutputStream().write((student[1] + "\n").getBytes(StandardCharsets.UTF_8));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).isEqualTo(student[1].isEmpty() ? "" : "Hello, " + student[1] + "!\n");
            }
        }
        // Ada tries again: while the attempt is under way her row keeps its verdicts (and its place); once it has
        // failed (a close before the name), the row says so.
        ClassBoard board = boardWindow.board();
        try (Socket again = from(2, port)) {
            TestWindow.await(() -> board.rows().get().stream().anyMatch(r -> r.address().equals("127.0.0.2")
                    && r.inProgress() && r.attempts() == 2 && r.passing()));
        }
        TestWindow.await(() -> board.rows().get().stream().anyMatch(r -> r.address().equals("127.0.0.2")
                && !r.inProgress() && r.failing()));
        // 150 connects in a row from one machine: past 100 a second, it is refused and shown so.
        for (int i = 0; i < 150; i++) {
            try (Socket s = from(5, port)) {
                s.setSoLinger(true, 0);
            }
        }
        TestWindow.await(() -> board.rows().get().size() == 4 && board.rows().get().stream()
                .noneMatch(ClassBoard.Row::inProgress));
        robot.interact(() -> {
            var rows = board.rows().get();
            var ada = rows.stream().filter(r -> r.address().equals("127.0.0.2")).findFirst().orElseThrow();
            assertThat(ada.name()).isEqualTo("Ada");
            assertThat(ada.firstPass()).isNotNull();
            assertThat(ada.checks().get(1).why()).isEqualTo("it closed before it sent its name");
            var linus = rows.stream().filter(r -> r.address().equals("127.0.0.3")).findFirst().orElseThrow();
            assertThat(linus.name()).as("shown as text, never markup").isEqualTo("<b>Linus</b>");
            var empty = rows.stream().filter(r -> r.address().equals("127.0.0.4")).findFirst().orElseThrow();
            assertThat(empty.checks().get(1).passed()).isFalse();
            var flood = rows.stream().filter(r -> r.address().equals("127.0.0.5")).findFirst().orElseThrow();
            assertThat(flood.limited() || flood.attempts() <= ClassBoard.RATE_LIMIT + 1).isTrue();
            assertThat(flood.attempts()).isLessThanOrEqualTo(150);
        });
    }

    @Test
    void tlsClientsShowTheirHandshakeAndTheMistakesTheWireShows(FxRobot robot) throws Exception {
        int port = startBoard(robot, ClassBoard.Kind.TLS_CLIENT);
        java.nio.file.Path certificate = ClassBoard.Kind.TLS_CLIENT.certificate();
        javax.net.ssl.SSLContext trusting = io.socketworkbench.tls.TlsContexts.context(null,
                io.socketworkbench.tls.Verifier.trusting(io.socketworkbench.tls.Certificates
                        .readCertificates(certificate)));
        // 127.0.0.2: right. 127.0.0.3: a plain socket to the TLS port. 127.0.0.4: the certificate not loaded as the
        // CA. 127.0.0.5: the handshake, then a close without a message.
        try (Socket plain = from(2, port);
             javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trusting.getSocketFactory().createSocket(plain,
                     "localhost", port, true)) {
            s.startHandshake();
            s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("This is socket!");
        }
        try (Socket s = from(3, port)) {
            s.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            // the board ends it: a reset is as good as a close here
        }
        try (Socket plain = from(4, port);
             javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) javax.net.ssl.SSLContext.getDefault()
                     .getSocketFactory().createSocket(plain, "localhost", port, true)) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(s::startHandshake))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
        try (Socket plain = from(5, port);
             javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trusting.getSocketFactory().createSocket(plain,
                     "localhost", port, true)) {
            s.startHandshake();
        }
        ClassBoard board = boardWindow.board();
        TestWindow.await(() -> board.rows().get().size() == 4 && board.rows().get().stream()
                .noneMatch(ClassBoard.Row::inProgress));
        robot.interact(() -> {
            java.util.Map<String, ClassBoard.Row> rows = new java.util.HashMap<>();
            board.rows().get().forEach(r -> rows.put(r.address(), r));
            assertThat(rows.get("127.0.0.2").passing()).as(rows.get("127.0.0.2").toString()).isTrue();
            assertThat(rows.get("127.0.0.3").checks().get(1).passed()).isFalse();
            assertThat(rows.get("127.0.0.3").checks().get(1).why()).startsWith("plain text to a TLS port")
                    .contains("(ssl.SSLError: [SSL: WRONG_VERSION_NUMBER]");
            assertThat(rows.get("127.0.0.4").checks().get(1).passed()).isFalse();
            assertThat(rows.get("127.0.0.4").checks().get(1).why()).contains("load the certificate");
            assertThat(rows.get("127.0.0.5").checks().get(1).passed()).isTrue();
            assertThat(rows.get("127.0.0.5").checks().get(2).passed()).isFalse();
            assertThat(rows.get("127.0.0.5").checks().get(2).why()).contains("without sending a message");
            assertThat(board.csv().lines().findFirst().orElseThrow()).isEqualTo("\uFEFFMachine,Name,Attempts,"
                    + "Connects,TLS handshake,Sends a message,\"Reads the answer, closes\",First pass");
            // Chosen in the window: the note names the certificate to hand out, the port is the exercise's.
            robot.lookup("#class-exercise").<ClassBoard.Kind>queryComboBox().setValue(ClassBoard.Kind.TLS_CLIENT);
            assertThat(robot.lookup("#class-note").queryLabeled().getText()).contains(certificate.toString());
            assertThat(robot.lookup("#class-port").queryTextInputControl().getText()).isEqualTo("37782");
        });
    }
}
