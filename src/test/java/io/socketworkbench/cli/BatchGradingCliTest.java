package io.socketworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.lesson.Texts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole class graded at once: one line a submission in name order, a report, progress on stderr; a program that
 * hangs, floods its output or forks is a failed submission and leaves nothing running; submissions with
 * {port} run at once.
 */
class BatchGradingCliTest {
    private static final Path PROGRAMS = ExerciseCliTest.PROGRAMS;

    @BeforeEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @AfterEach
    void systemLanguage() {
        Texts.use(Texts.systemLocale());
    }

    private static void submission(Path dir, String name, String file, String program) throws Exception {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve(file), program);
    }

    private static String resource(String exercise, String program) throws Exception {
        return Files.readString(PROGRAMS.resolve(exercise).resolve(program + ".py"));
    }

    @Test
    void aClassOfClientsIsGradedOneAtATimeWithAReport(@TempDir Path dir) throws Exception {
        Path group = dir.resolve("class");
        submission(group, "alice", "client.py", resource("homework-client", "good"));
        submission(group, "bob", "client.py", resource("homework-client", "wrong_port"));
        submission(group, "carol", "client.py", "while True:\n    print('spam ' * 50)\n");
        // Forks a child that would outlive it, then does the homework right.
        submission(group, "dave", "client.py", "import os, sys, time\nif os.fork() == 0:\n    time.sleep(600)\n"
                + "    sys.exit(0)\n" + resource("homework-client", "good"));
        Files.createDirectories(group.resolve(".git")); // not a submission
        Files.writeString(group.resolve("README.txt"), "not a submission either");
        String port = String.valueOf(CliTest.freePort());
        Path report = dir.resolve("grades.html");
        CliRun run = CliRun.run("exercise", "homework-client", "--port", port, "--timeout", "4", "--batch",
                group.toString(), "--report", report.toString(), "--", "python3", "{}/client.py", port);
        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("PASS alice");
        assertThat(lines.get(1)).startsWith("FAIL bob: Your client connects to 127.0.0.1:" + port);
        assertThat(lines.get(2)).startsWith("FAIL carol: ");
        assertThat(lines.get(3)).startsWith("FAIL dave: Your program, and all it started, ends with the check: "
                + "process ").contains(" client.py) was still running after the check, and was ended");
        assertThat(run.stderr()).contains("1/4 alice", "2/4 bob", "3/4 carol", "4/4 dave",
                "One submission at a time", "1 of 4 submissions passed.", "Report written to " + report);
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(group.toString()))).as("nothing a submission started is left").isEmpty();

        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Grades: homework-client</h1>",
                "1 of 4 submissions passed", "<td class=\"pass\">✓ PASS</td>", "id=\"s-carol\"", "spam spam");
        assertThat(html).doesNotContain("README");
    }

    @Test
    void serversWithPortRunAtOnceAndTheCsvHasAColumnACheck(@TempDir Path dir) throws Exception {
        Path group = dir.resolve("class");
        submission(group, "ann", "server.py", resource("echo-server", "good"));
        submission(group, "ben", "server.py", resource("echo-server", "recv_once"));
        submission(group, "cy", "server.py", resource("echo-server", "good"));
        Path report = dir.resolve("grades.csv");
        CliRun run = CliRun.run("exercise", "echo-server", "--timeout", "5", "--batch", group.toString(),
                "--jobs", "3", "--report", report.toString(), "--", "python3", "{}/server.py", "{port}");
        assertThat(run.out().lines().toList()).as(run.stderr()).hasSize(3).startsWith("PASS ann")
                .endsWith("PASS cy");
        assertThat(run.out().lines().toList().get(1)).startsWith("FAIL ben: It sends back every byte");
        assertThat(run.stderr()).contains("Up to 3 submissions at once, each on a free port.");
        List<String> csv = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(csv.get(0)).startsWith("\uFEFFSubmission,Verdict,Your server listens at 127.0.0.1:{port},");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith("ann,PASS,✓,✓,✓");
        assertThat(csv.get(2)).startsWith("ben,FAIL,✓,✓,\"✗ ");

        CliRun passing = CliRun.run("exercise", "echo-server", "--timeout", "5", "--batch", group.resolve("ann")
                .getParent().toString(), "--", "python3", "{}/server.py", "{port}");
        assertThat(passing.exit()).as("one failed: not all passed").isEqualTo(1);
        Files.walk(group.resolve("ben")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        CliRun allPass = CliRun.run("exercise", "echo-server", "--timeout", "5", "--batch", group.toString(),
                "--", "python3", "{}/server.py", "{port}");
        assertThat(allPass.exit()).as(allPass.stderr()).isZero();
    }

    @Test
    void eachAfUnixServerStartsWithoutTheSocketFileTheLastOneLeft(@TempDir Path dir) throws Exception {
        Path group = dir.resolve("class");
        // Neither removes an old socket file before bind(): the second would fail on the first one's file.
        submission(group, "a", "server.py", resource("unix-echo", "no_unlink"));
        submission(group, "b", "server.py", resource("unix-echo", "no_unlink"));
        Path socket = dir.resolve("echo.sock");
        CliRun run = CliRun.run("exercise", "unix-echo", "--unix", socket.toString(), "--timeout", "5", "--batch",
                group.toString(), "--", "python3", "{}/server.py", socket.toString());
        assertThat(run.out().lines().toList()).as(run.stderr()).containsExactly("PASS a", "PASS b");
        Files.deleteIfExists(socket);

        Path notASocket = Files.writeString(dir.resolve("notes.txt"), "keep me");
        io.socketworkbench.lesson.exercise.BatchAccess.removeLeftSocket(notASocket);
        assertThat(notASocket).hasContent("keep me");
    }

    @Test
    void wrongUseIsAUsageError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        assertThat(CliRun.run("exercise", "homework-client", "--batch", dir.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.run("exercise", "homework-client", "--batch", dir.toString(), "--report", "x.pdf", "--",
                "true").stderr()).contains("must end in .csv or .html");
        assertThat(CliRun.run("exercise", "homework-client", "--batch", dir.resolve("none").toString(), "--",
                "true").stderr()).contains("is not a folder");
        assertThat(CliRun.run("exercise", "homework-client", "--report", "x.csv", "--", "true").stderr())
                .contains("--report goes with --batch DIR");
        assertThat(CliRun.run("exercise", "echo-server", "--batch", dir.toString(), "--jobs", "0", "--", "true")
                .exit()).isEqualTo(2);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = CliRun.run("exercise", "homework-client", "--batch", empty.toString(), "--", "true");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.stderr()).contains("No submissions in " + empty);
    }
}
