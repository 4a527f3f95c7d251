package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Parallel;
import io.socketworkbench.engine.PortUse;
import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;

/**
 * A whole class at once: every submission (a folder of {@code dir}, in name order) checked by the same exercise,
 * the command run in its folder with {@code {}} replaced by the folder's path. With {@code {port}} in the command
 * (and an exercise on TCP or UDP with a port of its own choosing), up to {@code jobs} submissions run at once,
 * each on a free port; otherwise one at a time on the exercise's port, waiting (bounded, and said) for a port the
 * last submission left in TIME_WAIT. Each run ends its program and everything it started, so a program that hangs,
 * floods its output, forks or never starts is a failed submission, never a stuck batch.
 */
public final class Batch {
    /** How long the batch waits for a port in TIME_WAIT: Linux keeps it 60 s. */
    static final int TIME_WAIT_PATIENCE_SECONDS = PortUse.TIME_WAIT_SECONDS + 5;
    /** The last lines of a program's output kept for the report. */
    public static final int LAST_LINES = 20;
    public static final String FOLDER = "{}";
    public static final String PORT = "{port}";

    /** A student's folder. */
    public record Submission(String name, Path folder) {
    }

    /** What one submission did: the verdicts, and the last lines its program printed. */
    public record Result(Submission submission, ExerciseRun.Report report, List<String> lastOutput) {
        public Result {
            lastOutput = List.copyOf(lastOutput);
        }

        public boolean passed() {
            return report.passed();
        }

        /** The first check that failed, or null. */
        public Check firstFailed() {
            return report.checks().stream().filter(c -> !c.passed()).findFirst().orElse(null);
        }

        /** The command line's line: {@code PASS alice}, or {@code FAIL bob: } and the first failed check. */
        public String line() {
            Check failed = firstFailed();
            if (passed()) {
                return "PASS " + submission.name();
            }
            return "FAIL " + submission.name() + ": " + (failed == null ? Texts.t("batch.no-checks")
                    : failed.line().substring("FAIL ".length()));
        }
    }

    /** What the batch says as it goes; called on its threads, one call at a time. */
    public interface Progress {
        /** Submission {@code done} of {@code total} is graded (in the order they finish). */
        default void graded(int done, int total, Result result) {
        }

        /** A line the program of {@code submission} printed. */
        default void output(Submission submission, String line) {
        }

        /** Something the user should know (a wait for a port, how many run at once). */
        default void note(String text) {
        }
    }

    /** The exercise, where it runs, the command (with {@code {}} and maybe {@code {port}}), the patience, jobs. */
    public record Setup(Exercise exercise, Address at, List<String> command, Duration patience, int jobs) {
        public Setup {
            command = List.copyOf(command);
            jobs = Math.max(1, jobs);
        }

        /** True when submissions may run at once: each gets a free port through {@code {port}}. */
        public boolean parallel() {
            return command.stream().anyMatch(arg -> arg.contains(PORT)) && at instanceof Address.Inet
                    && exercise != Exercise.MULTICAST_RECEIVER;
        }
    }

    private final Setup setup;
    private final Progress progress;
    private final IntUnaryOperator timeWait;
    private final Set<ExerciseRun> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public Batch(Setup setup, Progress progress) {
        this(setup, progress, port -> PortUse.of(port, false).timeWait());
    }

    /** {@code timeWait} counts the connections in TIME_WAIT on a port (tests give their own). */
    Batch(Setup setup, Progress progress, IntUnaryOperator timeWait) {
        this.setup = setup;
        this.progress = progress;
        this.timeWait = timeWait;
    }

    /** The folders of {@code dir} in name order; hidden ones ({@code .git}) are not submissions. */
    public static List<Submission> submissions(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .map(p -> new Submission(p.getFileName().toString(), p.toAbsolutePath()))
                    .toList();
        }
    }

    /** Ends the programs running now and grades no more; {@link #run} returns what was graded. */
    public void cancel() {
        cancelled = true;
        running.forEach(ExerciseRun::cancel);
    }

    /** Grades every submission; the results come back in the submissions' order, without those never started. */
    public List<Result> run(List<Submission> submissions) throws InterruptedException {
        int jobs = setup.parallel() ? Math.min(setup.jobs(), Math.max(1, submissions.size())) : 1;
        Result[] results = new Result[submissions.size()];
        int[] done = {0};
        if (jobs == 1) {
            for (int i = 0; i < submissions.size() && !cancelled; i++) {
                if (!setup.parallel()) {
                    waitOutTimeWait();
                }
                results[i] = grade(submissions.get(i), setup.parallel() ? Parallel.freeLoopbackPort() : -1);
                graded(done, submissions.size(), results[i]);
            }
        } else {
            progress.note(Texts.t("batch.parallel", jobs));
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                int index = i;
                tasks.add(() -> {
                    if (!cancelled) {
                        results[index] = grade(submissions.get(index), Parallel.freeLoopbackPort());
                        graded(done, submissions.size(), results[index]);
                    }
                });
            }
            Parallel.run("batch", jobs, tasks);
        }
        List<Result> graded = new ArrayList<>();
        for (Result result : results) {
            if (result != null) {
                graded.add(result);
            }
        }
        return graded;
    }

    private void graded(int[] done, int total, Result result) {
        synchronized (done) {
            done[0]++;
            progress.graded(done[0], total, result);
        }
    }

    /** One submission's run: its folder, its command, its port ({@code -1}: the exercise's). */
    private Result grade(Submission submission, int port) {
        List<String> command = new ArrayList<>();
        for (String arg : setup.command()) {
            command.add(arg.replace(FOLDER, submission.folder().toString())
                    .replace(PORT, port < 0 ? "" : Integer.toString(port)));
        }
        Address at = port < 0 ? setup.at() : Address.inet(((Address.Inet) setup.at()).host(), port);
        if (at instanceof Address.Unix unix) {
            removeLeftSocket(unix.path());
        }
        ArrayDeque<String> last = new ArrayDeque<>();
        ExerciseRun run = new ExerciseRun(new ExerciseRun.Setup(setup.exercise(), at, command, submission.folder(),
                setup.patience()), new Trace() {
                    @Override
                    public void output(String line, boolean error) {
                        synchronized (last) {
                            last.addLast(line);
                            if (last.size() > LAST_LINES) {
                                last.removeFirst();
                            }
                        }
                        progress.output(submission, line);
                    }
                });
        running.add(run);
        if (cancelled) {
            run.cancel();
        }
        try {
            ExerciseRun.Report report = run.run();
            if (port >= 0) {
                // One column a check in the report: the port each submission ran on is {port} in the titles.
                String ran = Address.format(at);
                String any = ((Address.Inet) setup.at()).host() + ":" + PORT;
                report = new ExerciseRun.Report(report.exercise(), report.checks().stream()
                        .map(c -> new Check(c.title().replace(ran, any), c.passed(), c.seen(), c.hint())).toList());
            }
            synchronized (last) {
                return new Result(submission, report, List.copyOf(last));
            }
        } finally {
            running.remove(run);
        }
    }

    /**
     * Every submission starts as the first did, with no socket file at the exercise's path: one the last
     * submission's server left (it ended, and nobody listens there) would make the next one's bind fail. Only a
     * socket is removed, never a file of another kind.
     */
    static void removeLeftSocket(Path path) {
        try {
            if (Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // nothing there (the usual case), or not ours to remove: the run says what its bind meets
        }
    }

    /**
     * Before a server of the next submission binds the exercise's port: connections the last one closed first
     * linger there in TIME_WAIT, and a program that does not set SO_REUSEADDR cannot bind until they are gone.
     */
    private void waitOutTimeWait() throws InterruptedException {
        if (!setup.exercise().studentListens() || setup.exercise().udp()
                || !(setup.at() instanceof Address.Inet inet)) {
            return;
        }
        int port = inet.port();
        boolean said = false;
        long until = System.nanoTime() + TIME_WAIT_PATIENCE_SECONDS * 1_000_000_000L;
        while (!cancelled && timeWait.applyAsInt(port) > 0 && System.nanoTime() < until) {
            if (!said) {
                progress.note(Texts.t("batch.time-wait", port, PortUse.TIME_WAIT_SECONDS));
                said = true;
            }
            Thread.sleep(250);
        }
    }
}
