package io.socketworkbench.cli;

import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.Texts;
import io.socketworkbench.lesson.exercise.Batch;
import io.socketworkbench.lesson.exercise.BatchReport;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.session.WholeFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code exercise NAME --batch DIR [--report FILE.csv|FILE.html] [--jobs N] -- COMMAND ARGS...}: every
 * submission of a class graded by one exercise, one line a submission on stdout ({@code PASS alice},
 * {@code FAIL bob: } and the first failed check) in name order, progress on stderr ({@code 12/40 bob}), exit 0 only
 * when all passed. Ctrl+C ends the programs running and writes the report of what was graded so far.
 */
final class BatchGrading {
    private BatchGrading() {
    }

    static int run(Exercise exercise, Address at, List<String> command, Path dir, Path report, int jobs,
                   Duration patience, PrintStream out, PrintStream err) {
        List<Batch.Submission> submissions;
        try {
            submissions = Batch.submissions(dir);
        } catch (IOException e) {
            err.println(io.socketworkbench.engine.SocketError.from(e).pythonText() + ": " + dir);
            return 1;
        }
        err.println(exercise.id() + ": " + exercise.title());
        if (submissions.isEmpty()) {
            err.println(Texts.t("batch.none", dir));
            return 1;
        }
        Batch.Setup setup = new Batch.Setup(exercise, at, command, patience, jobs);
        if (!setup.parallel()) {
            err.println(Texts.t("batch.one-at-a-time", Address.format(at), Batch.PORT));
        }
        Printer printer = new Printer(submissions, out, err);
        Batch batch = new Batch(setup, printer);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C or SIGTERM: the programs running end, and the report so far is written before the exit.
        Thread hook = new Thread(() -> {
            batch.cancel();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.flush();
            Runtime.getRuntime().halt(1);
        }, "batch-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<Batch.Result> results = batch.run(submissions);
            long passed = results.stream().filter(Batch.Result::passed).count();
            err.println(Texts.t("batch.summary", passed, submissions.size()));
            if (results.size() < submissions.size()) {
                err.println(Texts.t("batch.cancelled", results.size()));
            }
            if (report != null) {
                write(report, exercise, results, err);
            }
            return passed == submissions.size() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook exits
            }
        }
    }

    private static void write(Path report, Exercise exercise, List<Batch.Result> results, PrintStream err) {
        String text = BatchReport.forFile(report, exercise, results, LocalDateTime.now());
        try {
            WholeFile.write(report, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
            err.println(Texts.t("batch.report", report));
        } catch (IOException e) {
            err.println(io.socketworkbench.engine.SocketError.from(e).pythonText() + ": " + report);
        }
    }

    /** Prints each submission's line in name order as soon as it and those before it are graded. */
    private static final class Printer implements Batch.Progress {
        private final List<Batch.Submission> submissions;
        private final PrintStream out;
        private final PrintStream err;
        private final java.util.Map<String, String> lines = new java.util.HashMap<>();
        private int next;

        Printer(List<Batch.Submission> submissions, PrintStream out, PrintStream err) {
            this.submissions = submissions;
            this.out = out;
            this.err = err;
        }

        @Override
        public synchronized void graded(int done, int total, Batch.Result result) {
            err.println(Texts.t("batch.progress", done, total, result.submission().name()));
            lines.put(result.submission().name(), result.line());
            while (next < submissions.size() && lines.containsKey(submissions.get(next).name())) {
                out.println(lines.remove(submissions.get(next).name()));
                next++;
            }
            out.flush();
        }

        @Override
        public synchronized void note(String text) {
            err.println(text);
        }
    }
}
