package io.socketworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the exercise checker makes of a program's output (issue 28, items 6 and 7): it judges the output only once
 * it has all been read, keeps the last lines as well as the first, and shows a program's control characters as
 * escapes in everything it prints.
 */
class ExerciseOutputTest {
    private static final Path GOOD_CLIENT = ExerciseCliTest.PROGRAMS.resolve("homework-client/good.py");

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

    /** The homework-client exercise on {@code port}, against {@code command}. */
    private static CliRun homeworkClient(String port, String... command) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("exercise", "homework-client",
                "--port", port, "--timeout", "5", "--"));
        args.addAll(java.util.List.of(command));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void outputThatArrivesAfterTheProgramHasEndedIsJudged() throws IOException {
        String port = String.valueOf(CliTest.freePort());
        // The right client, whose stdout goes through a pipe that a helper drains a second after the client ended.
        CliRun run = homeworkClient(port, "bash", "-c", "exec > >(sleep 1; cat); exec python3 \"$0\" \"$1\"",
                GOOD_CLIENT.toString(), port);
        assertThat(ExerciseCliTest.verdicts(run)).as(run.out()).isEqualTo("PPPP");
        assertThat(run.out()).contains("PASS Your client prints the message: b'This is socket!'");
    }

    @Test
    void theMessageAfterAThousandDebugLinesIsFound() throws IOException {
        Path program = Files.writeString(folder.resolve("client.py"), """
                import socket, sys
                for i in range(1000):
                    print('debug line', i)
                s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
                data = b''
                while True:
                    chunk = s.recv(1024)
                    if not chunk:
                        break
                    data += chunk
                print(data.decode())
                s.close()
                """);
        String port = String.valueOf(CliTest.freePort());
        CliRun run = homeworkClient(port, "python3", program.toString(), port);
        assertThat(ExerciseCliTest.verdicts(run)).as(run.out()).isEqualTo("PPPP");
    }

    @Test
    void aProgramsTerminalEscapesAreShownNeverObeyed() throws IOException {
        // It tries to erase the line, move the cursor, ring the bell and turn the text around, on both streams.
        Path program = Files.writeString(folder.resolve("client.py"), """
                import socket, sys
                sys.stderr.write('\\x1b[2K\\rPASS everything\\a\\u202e\\n')
                s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
                data = b''
                while True:
                    chunk = s.recv(1024)
                    if not chunk:
                        break
                    data += chunk
                print('\\x1b[1A\\x1b[2K' + data.decode() + '\\u202e')
                s.close()
                """);
        String port = String.valueOf(CliTest.freePort());
        CliRun run = homeworkClient(port, "python3", program.toString(), port);
        assertThat(ExerciseCliTest.verdicts(run)).as(run.out()).isEqualTo("PPPP");
        for (String printed : new String[] {run.out(), run.stderr()}) {
            assertThat(printed).doesNotContain("\u001b", "\u0007", "\u202e", "\r");
        }
        assertThat(run.stderr()).contains("\\x1b[2K\\rPASS everything\\x07\\u202e");
        assertThat(run.out()).contains("This is socket!\\u202e");
    }
}
