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

    /**
     * A class of twelve echo servers: the right one, every classic mistake, one that hangs, one that forks a child
     * that keeps running, one with a syntax error, one that prints 100 MB. Each gets its verdict, nothing is left
     * running, Python's csv and html.parser read the reports, and four at a time gives what one at a time gives.
     */
    @Test
    void twelveSubmissionsWithEveryMistakeGetTheirVerdictsAtOneAndAtFourAtATime(@TempDir Path dir)
            throws Exception {
        Path group = dir.resolve("class");
        String good = resource("echo-server", "good");
        submission(group, "01-good", "server.py", good);
        submission(group, "02-recv_once", "server.py", resource("echo-server", "recv_once"));
        submission(group, "03-one_at_a_time", "server.py", resource("echo-server", "one_at_a_time"));
        submission(group, "04-send_not_sendall", "server.py", resource("echo-server", "send_not_sendall"));
        submission(group, "05-never_closes", "server.py", resource("echo-server", "never_closes"));
        submission(group, "06-good", "server.py", good);
        submission(group, "07-hangs", "server.py", "import time\ntime.sleep(600)\n");
        submission(group, "08-forks", "server.py", "import os, time\nif os.fork() == 0:\n    time.sleep(600)\n"
                + "    os._exit(0)\n" + good);
        submission(group, "09-syntax", "server.py", "def serve(:\n    pass\n");
        submission(group, "10-prints-100MB", "server.py", "import sys\nline = 'x' * 1023 + '\\n'\n"
                + "for _ in range(100 * 1024):\n    sys.stdout.write(line)\nsys.stdout.flush()\n" + good);
        submission(group, "11-good", "server.py", good);
        submission(group, "12-recv_once", "server.py", resource("echo-server", "recv_once"));

        List<String> one = grade(dir, group, 1);
        assertThat(one).hasSize(12);
        assertThat(one.get(0)).isEqualTo("PASS 01-good");
        assertThat(one.get(1)).startsWith("FAIL 02-recv_once: ").contains("Keep calling recv()");
        assertThat(one.get(2)).startsWith("FAIL 03-one_at_a_time: ").contains("Your server serves one client at a time");
        assertThat(one.get(3)).startsWith("FAIL 04-send_not_sendall: ").contains("Use sendall()");
        assertThat(one.get(4)).startsWith("FAIL 05-never_closes: ").contains("leave the loop and close the connection");
        assertThat(one.get(5)).isEqualTo("PASS 06-good");
        assertThat(one.get(6)).startsWith("FAIL 07-hangs: Your server listens at 127.0.0.1:");
        // Its child is still its child when the check ends the server: ended with it, nothing left behind (a child
        // left by a program that exited is a failure: see the class of clients above).
        assertThat(one.get(7)).isEqualTo("PASS 08-forks");
        assertThat(one.get(8)).startsWith("FAIL 09-syntax: ").contains("SyntaxError");
        assertThat(one.get(9)).isEqualTo("PASS 10-prints-100MB");
        assertThat(one.get(10)).isEqualTo("PASS 11-good");
        assertThat(one.get(11)).startsWith("FAIL 12-recv_once: ");
        // The same verdict and the same first failed check (what was seen, such as where bytes went missing, may
        // differ from run to run).
        assertThat(verdicts(grade(dir, group, 4))).as("four at a time").isEqualTo(verdicts(one));
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(group.toString()))).as("nothing a submission started is left").isEmpty();

        // Python reads both reports: the CSV's rows all as wide as its head, the HTML's tags all closed.
        Process python = new ProcessBuilder("python3", "-c", String.join("\n",
                "import csv, sys, html.parser",
                "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))",
                "assert len(rows) == 13 and all(len(r) == len(rows[0]) for r in rows), rows",
                "assert rows[0][0] == 'Submission' and rows[1][:3] == ['01-good', 'PASS', '\\u2713'], rows[1]",
                "class P(html.parser.HTMLParser):",
                "    open = []",
                "    def handle_starttag(self, tag, attrs):",
                "        if tag not in ('meta', 'br'): self.open.append(tag)",
                "    def handle_endtag(self, tag):",
                "        assert self.open.pop() == tag, tag",
                "p = P(); p.feed(open(sys.argv[2], encoding='utf-8').read()); p.close()",
                "assert p.open == [], p.open",
                "print('ok')"), dir.resolve("grades-4.csv").toString(), dir.resolve("grades-1.html").toString())
                .redirectErrorStream(true).start();
        String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as(said).isZero();
        assertThat(said.strip()).isEqualTo("ok");
        assertThat(Files.size(dir.resolve("grades-1.html"))).as("the 100 MB are not in the report")
                .isLessThan(1_000_000);
    }

    /** Each line up to its failed check's title: {@code PASS name}, or {@code FAIL name: title}. */
    private static List<String> verdicts(List<String> lines) {
        return lines.stream().map(line -> {
            int name = line.indexOf(": ");
            int title = name < 0 ? -1 : line.indexOf(": ", name + 2);
            return title < 0 ? line : line.substring(0, title);
        }).toList();
    }

    /** Grades {@code group} with {@code jobs} at once: its lines. */
    private static List<String> grade(Path dir, Path group, int jobs) throws Exception {
        CliRun csv = CliRun.run("exercise", "echo-server", "--timeout", "4", "--batch", group.toString(),
                "--jobs", String.valueOf(jobs), "--report", dir.resolve("grades-" + jobs + ".csv").toString(), "--",
                "python3", "{}/server.py", "{port}");
        assertThat(csv.exit()).as(csv.stderr()).isEqualTo(1);
        if (jobs == 1) {
            CliRun html = CliRun.run("exercise", "echo-server", "--timeout", "4", "--batch",
                    group.resolve("01-good").getParent().toString(), "--jobs", "4", "--report",
                    dir.resolve("grades-1.html").toString(), "--", "python3", "{}/server.py", "{port}");
            assertThat(html.exit()).isEqualTo(1);
            return csv.out().lines().toList();
        }
        return csv.out().lines().toList();
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
