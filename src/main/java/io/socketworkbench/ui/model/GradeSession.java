package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.exercise.Batch;
import io.socketworkbench.lesson.exercise.BatchReport;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.session.WholeFile;
import io.socketworkbench.ui.fx.Background;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Exercises → Grade a folder: a whole class checked by one exercise, as the command line's {@code --batch} does,
 * with the results filling in as each submission is graded ({@link #results()}, in name order), the progress,
 * Cancel, and the report written as CSV or HTML. No JavaFX.
 */
public final class GradeSession {
    private final EventPort port;
    private final Value<Boolean> running = new Value<>(false);
    private final Value<String> status = new Value<>("");
    private final Value<List<Batch.Result>> results = new Value<>(List.of());
    /** Submissions graded, and how many there are. */
    private final Value<int[]> progress = new Value<>(new int[] {0, 0});
    private Exercise exercise;
    private Batch batch;

    public GradeSession(EventPort port) {
        this.port = port;
    }

    public Value<Boolean> running() {
        return running;
    }

    public Value<String> status() {
        return status;
    }

    public Value<List<Batch.Result>> results() {
        return results;
    }

    public Value<int[]> progress() {
        return progress;
    }

    /**
     * Grades every folder of {@code folder} with {@code exercise}, running {@code commandLine} (split as a shell
     * would; {@code {}} is each submission's folder, {@code {port}} a free port for each). Returns a problem to
     * show instead, or null once grading has started.
     */
    public String start(Exercise exercise, String folder, String commandLine) {
        if (running.get()) {
            return null;
        }
        List<String> command;
        try {
            command = ExerciseSession.words(commandLine == null ? "" : commandLine);
        } catch (IllegalArgumentException e) {
            return t("exercise.problem.quote");
        }
        if (command.isEmpty()) {
            return t("grade.problem.command");
        }
        if (folder == null || folder.isBlank() || !Files.isDirectory(Path.of(folder.strip()))) {
            return t("exercise.problem.folder", folder == null ? "" : folder.strip());
        }
        List<Batch.Submission> submissions;
        try {
            submissions = Batch.submissions(Path.of(folder.strip()));
        } catch (IOException e) {
            return I18n.error(SocketError.from(e));
        }
        if (submissions.isEmpty()) {
            return t("grade.problem.none", folder.strip());
        }
        Batch.Setup setup = new Batch.Setup(exercise, exercise.defaultAddress(), command,
                Duration.ofSeconds(10), Runtime.getRuntime().availableProcessors());
        this.exercise = exercise;
        results.set(List.of());
        progress.set(new int[] {0, submissions.size()});
        running.set(true);
        status.set(t(setup.parallel() ? "grade.status.parallel" : "grade.status.oneAtATime",
                submissions.size()));
        Batch started = new Batch(setup, new Batch.Progress() {
            @Override
            public void graded(int done, int total, Batch.Result result) {
                port.post(() -> {
                    List<Batch.Result> next = new ArrayList<>(results.get());
                    next.add(result);
                    next.sort(Comparator.comparing(r -> r.submission().name()));
                    results.set(List.copyOf(next));
                    progress.set(new int[] {done, total});
                    status.set(t("grade.status.progress", done, total, result.submission().name()));
                });
            }

            @Override
            public void note(String text) {
                port.post(() -> status.set(text));
            }
        });
        batch = started;
        Background.run("grade-" + exercise.id(), () -> {
            try {
                started.run(submissions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                port.post(() -> status.set(I18n.error(SocketError.from(new IOException(e)))));
            }
            port.post(() -> finished(submissions.size()));
        });
        return null;
    }

    private void finished(int total) {
        batch = null;
        running.set(false);
        long passed = results.get().stream().filter(Batch.Result::passed).count();
        status.set(results.get().size() < total ? t("grade.status.cancelled", results.get().size(), total, passed)
                : t("grade.status.done", passed, total));
    }

    /** Ends the programs running now; what was graded stays. */
    public void cancel() {
        Batch running = batch;
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * Writes the report of what was graded to {@code file} (CSV or HTML by its name), off the UI thread; what
     * happened is said on the status line, and is the future's value.
     */
    public CompletableFuture<String> export(Path file) {
        List<Batch.Result> graded = results.get();
        Exercise which = exercise;
        CompletableFuture<String> written = Background.supply("grade-report", () -> {
            String text = BatchReport.forFile(file, which, graded, LocalDateTime.now());
            try {
                WholeFile.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
                return t("grade.exported", file);
            } catch (IOException e) {
                return I18n.error(SocketError.from(e)) + ": " + file;
            }
        });
        port.when(written, status::set, error -> status.set(I18n.error(error)));
        return written;
    }
}
