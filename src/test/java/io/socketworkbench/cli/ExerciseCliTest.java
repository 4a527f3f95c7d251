package io.socketworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code socket-workbench exercise}: each exercise run against our own student programs, one right and several
 * with the classic mistakes, through the command line; each verdict and the hint that names the mistake.
 */
class ExerciseCliTest {
    static final Path PROGRAMS = io.socketworkbench.lesson.StudentPrograms.FOLDER;

    @BeforeEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @AfterEach
    void systemLanguage() {
        Texts.use(Texts.systemLocale());
    }

    /** Runs an exercise on a free port (or a fresh socket file) against one of the programs. */
    static CliRun check(String exercise, String program) throws IOException {
        List<String> args = new ArrayList<>(List.of("exercise", exercise, "--timeout", "5"));
        String where;
        Path folder = null;
        if (exercise.equals("unix-echo")) {
            folder = Files.createTempDirectory("sw-exercise");
            Path socket = folder.resolve("echo.sock");
            where = socket.toString();
            args.addAll(List.of("--unix", where));
        } else {
            where = String.valueOf(CliTest.freePort());
            args.addAll(List.of("--port", where));
        }
        args.addAll(List.of("--", "python3", PROGRAMS.resolve(exercise).resolve(program + ".py").toString(), where));
        if (exercise.equals("tls-client")) {
            // where the app's certificate is (a student reads it in the task)
            args.add(io.socketworkbench.lesson.exercise.Exercise.TLS_CLIENT.certificate().toString());
        }
        try {
            return CliRun.run(args.toArray(String[]::new));
        } finally {
            removeFolder(folder);
        }
    }

    /** Tests leave nothing behind in /tmp: the socket file a student's server left, then its folder. */
    private static void removeFolder(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    /** The verdicts, P or F a check, in order. */
    static String verdicts(CliRun run) {
        StringBuilder verdicts = new StringBuilder();
        for (String line : run.out().split("\n")) {
            if (line.startsWith("PASS ")) {
                verdicts.append('P');
            } else if (line.startsWith("FAIL ")) {
                verdicts.append('F');
            } else if (!line.isEmpty()) {
                verdicts.append('?');
            }
        }
        return verdicts.toString();
    }

    /** The shared table; JUnit reads method sources only in the test's own (opened) package. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> studentPrograms() {
        return io.socketworkbench.lesson.StudentPrograms.verdicts();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("studentPrograms")
    void verdictsAndHints(String exercise, String program, String expected, String hint) throws IOException {
        CliRun run = check(exercise, program);
        assertThat(verdicts(run)).as(run.out()).isEqualTo(expected);
        assertThat(run.exit()).isEqualTo(expected.contains("F") ? 1 : 0);
        if (hint != null) {
            assertThat(run.out()).contains("Hint: ").contains(hint);
        }
    }

    @Test
    void aStaleSocketFileIsExplained(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path socket = folder.resolve("echo.sock");
        Files.createFile(socket);
        CliRun run = CliRun.run("exercise", "unix-echo", "--unix", socket.toString(), "--timeout", "5", "--",
                "python3", PROGRAMS.resolve("unix-echo/no_unlink.py").toString(), socket.toString());
        assertThat(verdicts(run)).isEqualTo("F");
        assertThat(run.out()).contains("Address already in use").contains("os.unlink(path)");
    }

    @Test
    void listNamesEveryExerciseWithItsTitle() {
        CliRun run = CliRun.run("exercise", "list");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().map(l -> l.split("\\s+")[0]).toList()).containsExactly("homework-client",
                "homework-server", "echo-server", "udp-echo", "unix-echo", "timeout-client", "chat-client",
                "multicast-receiver", "tls-client");
        assertThat(run.out()).contains("homework-client  The homework: a client that receives a message");
    }

    @Test
    void inChineseTheChecksAndHintsAreChinese() throws IOException {
        Texts.use(Texts.CHINESE);
        CliRun run = check("homework-client", "small_recv");
        assertThat(verdicts(run)).isEqualTo("PFFP");
        assertThat(run.out()).contains("FAIL 你的客户端收到了全部 15 个字节").contains("提示：recv(n) 最多返回 n 个字节");
        assertThat(run.stderr()).contains("编写 client.py");
    }

    @Test
    void withoutACommandItWaitsForAProgramRunByHandThenGivesUp() throws IOException {
        int port = CliTest.freePort();
        long start = System.nanoTime();
        CliRun run = CliRun.run("exercise", "homework-server", "--port", String.valueOf(port), "--timeout", "1");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAIL Your server listens at 127.0.0.1:" + port
                + ": ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(run.stderr()).contains("Waiting up to 1 s for your server");
    }

    @Test
    void aHangingProgramIsEndedWithTheRun(@org.junit.jupiter.api.io.TempDir Path folder)
            throws IOException, InterruptedException {
        int port = CliTest.freePort();
        Path marker = folder.resolve("program.pid");
        // A client that connects, writes its pid, and then never ends by itself.
        CliRun run = CliRun.run("exercise", "timeout-client", "--port", String.valueOf(port), "--timeout", "5",
                "--", "python3", "-c", "import os,socket,sys,time; s=socket.create_connection(('127.0.0.1',"
                        + port + ")); open(sys.argv[1],'w').write(str(os.getpid())); time.sleep(600)",
                marker.toString());
        assertThat(run.exit()).isEqualTo(1);
        long pid = Long.parseLong(Files.readString(marker).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aCommandThatCannotStartFailsWithAHint() throws IOException {
        CliRun run = CliRun.run("exercise", "homework-client", "--port", String.valueOf(CliTest.freePort()), "--",
                "no-such-program-here", "client.py");
        assertThat(verdicts(run)).isEqualTo("F");
        assertThat(run.out()).contains("FAIL Your program starts").contains("python3");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(CliRun.run("exercise", "no-such-exercise").exit()).isEqualTo(2);
        assertThat(CliRun.run("exercise", "echo-server", "--port", "70000").exit()).isEqualTo(2);
        assertThat(CliRun.run("exercise", "echo-server", "--unix", "/tmp/x.sock").exit()).isEqualTo(2);
        assertThat(CliRun.run("exercise", "echo-server", "--timeout", "0").exit()).isEqualTo(2);
    }

    @Test
    void theAppsOwnPortInUseIsExplained() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.run("exercise", "homework-client", "--port", String.valueOf(taken.getLocalPort()),
                    "--timeout", "1");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL The app listens at").contains("Address already in use")
                    .contains("is listening on it");
        }
    }
}
