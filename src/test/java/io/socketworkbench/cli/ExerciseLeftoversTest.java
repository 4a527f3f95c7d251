package io.socketworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that outlive the check, and listeners that were there before it (issue 28, item 3): a program that
 * daemonizes is ended with the check and named, and a check never passes against a listener that is not the
 * student's program.
 */
class ExerciseLeftoversTest {
    @TempDir
    Path folder;

    @BeforeEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @AfterEach
    void systemLanguage() {
        Texts.use(Texts.systemLocale());
    }

    private static boolean listens(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    @Test
    void aServerThatDaemonizesIsEndedWithTheCheckAndNamed() throws Exception {
        Path marker = folder.resolve("daemon.pid");
        Path program = Files.writeString(folder.resolve("server.py"), """
                import os, socket, sys
                port, marker = int(sys.argv[1]), sys.argv[2]
                if os.fork() > 0:
                    os._exit(0)
                os.setsid()
                if os.fork() > 0:
                    os._exit(0)
                srv = socket.socket()
                srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                srv.bind(('127.0.0.1', port))
                srv.listen()
                open(marker, 'w').write(str(os.getpid()))
                while True:
                    c, _ = srv.accept()
                    c.sendall(b'This is socket!')
                    c.close()
                """);
        int port = CliTest.freePort();
        CliRun run = CliRun.run("exercise", "homework-server", "--port", String.valueOf(port), "--timeout", "5",
                "--", "python3", program.toString(), String.valueOf(port), marker.toString());
        long daemon = Long.parseLong(Files.readString(marker).strip());
        assertThat(run.out()).contains("FAIL Your program, and all it started, ends with the check: process "
                + daemon + " (python3 server.py) still held 127.0.0.1:" + port + " after the check, and was ended");
        assertThat(run.exit()).isEqualTo(1);
        ProcessHandle.of(daemon).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(daemon).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(listens(port)).isFalse();
    }

    @Test
    void aListenerThatWasThereBeforeTheProgramIsNeverCheckedInItsPlace() throws Exception {
        int port = CliTest.freePort();
        Process leftover = new ProcessBuilder("python3", "-c", "import socket,time; s=socket.socket(); "
                + "s.bind(('127.0.0.1'," + port + ")); s.listen(); print('up', flush=True); time.sleep(60)")
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(leftover.getInputStream().readNBytes(3))).isEqualTo("up\n");
            CliRun run = CliRun.run("exercise", "homework-server", "--port", String.valueOf(port), "--timeout", "5",
                    "--", "true");
            assertThat(ExerciseCliTest.verdicts(run)).isEqualTo("F");
            assertThat(run.out()).startsWith("FAIL Nothing else is at 127.0.0.1:" + port
                    + " before your program starts: already in use by process " + leftover.pid() + " (python3 -c)");
            assertThat(leftover.isAlive()).as("not the program's: left alone").isTrue();
        } finally {
            leftover.destroyForcibly().waitFor();
        }
    }

    @Test
    void theAppsOwnServerIsNamedAsSuch() throws Exception {
        int port = CliTest.freePort();
        CliRun.Running server = CliRun.start("server", "--port", String.valueOf(port), "--greet", "This is socket!",
                "--close-after-greet");
        server.awaitListening();
        for (String[] command : new String[][] {{"--", "true"}, {}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("exercise", "homework-server",
                    "--port", String.valueOf(port), "--timeout", "2"));
            args.addAll(java.util.List.of(command));
            CliRun run = CliRun.run(args.toArray(String[]::new));
            assertThat(ExerciseCliTest.verdicts(run)).as(run.out()).isEqualTo("F");
            assertThat(run.out()).contains("already in use by Socket Workbench itself");
        }
    }
}
