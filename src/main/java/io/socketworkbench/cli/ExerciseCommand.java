package io.socketworkbench.cli;

import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.exercise.Check;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.lesson.exercise.ExerciseRun;
import io.socketworkbench.lesson.exercise.Trace;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code exercise list} and {@code exercise NAME [-- COMMAND ARGS...]}: checks a student's own program against
 * one of the tutorial's tasks. The checks go to stdout, one line each starting PASS or FAIL; what the app does and
 * what the program prints go to stderr. Exit status 0 when every check passed, 1 otherwise.
 */
@Command(name = "exercise", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Check your own program against one of the tutorial's exercises: the app plays the other side.",
            "'exercise list' prints the exercises, one a line: name, then title.",
            "'exercise NAME -- COMMAND ARGS...' runs COMMAND (in --folder, with a time limit), checks it, and always "
                    + "ends it. Without a command it waits for a program you run yourself to connect or to listen.",
            "Each check is one line on stdout, starting PASS or FAIL, with a hint after a failure. The program's "
                    + "output goes to stderr. Exit status 0 when all passed, 1 otherwise.", ""},
        footer = {"", "Examples:",
            "  socket-workbench exercise list",
            "  socket-workbench exercise homework-client -- python3 client.py",
            "  socket-workbench exercise echo-server --folder ~/sockets -- python3 echo_server.py",
            "  socket-workbench exercise timeout-client      (then run your client yourself)",
            "  socket-workbench exercise homework-client --batch class/ --report grades.html -- python3 {}/client.py",
            "  socket-workbench exercise echo-server --batch class/ --jobs 4 -- python3 {}/server.py {port}"})
final class ExerciseCommand implements java.util.concurrent.Callable<Integer> {
    private final Streams io;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "'list', or an exercise's name.")
    String name;

    @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Your program, after '--': such as "
            + "python3 client.py.")
    List<String> command = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", converter = PortConverter.class,
            description = "Use this port instead of the exercise's own.")
    Integer port;

    @Option(names = "--unix", paramLabel = "PATH", converter = UnixPathConverter.class,
            description = "unix-echo: use this socket file instead of /tmp/socket-workbench-echo.sock.")
    Path unix;

    @Option(names = "--folder", paramLabel = "DIR", description = "Run COMMAND in this folder (default: here).")
    Path folder;

    @Option(names = "--batch", paramLabel = "DIR", description = "Grade every folder of DIR (a submission each, in "
            + "name order): COMMAND runs in it, with {} replaced by its path. One line a submission: PASS NAME, or "
            + "FAIL NAME: and the first failed check. Exit 0 only when all passed.")
    Path batch;

    @Option(names = "--report", paramLabel = "FILE", description = "With --batch: write a report, FILE.csv (a row a "
            + "submission, a column a check) or FILE.html (one page, with the hints and each program's last lines).")
    Path report;

    @Option(names = "--jobs", paramLabel = "N", description = "With --batch and {port} in COMMAND: grade up to N "
            + "submissions at once, each on a free port (default: the number of cores).")
    Integer jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for your program to connect or to listen (default: ${DEFAULT-VALUE}).")
    double timeout;

    ExerciseCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(io.out(), true, StandardCharsets.UTF_8);
        if ("list".equals(name)) {
            for (Exercise exercise : Exercise.values()) {
                out.println(exercise.id() + "  " + exercise.title());
            }
            return 0;
        }
        Exercise exercise = Exercise.byId(name);
        if (exercise == null) {
            throw new ParameterException(spec.commandLine(), "Unknown exercise '" + name + "': run '"
                    + "socket-workbench exercise list' to see them");
        }
        if (!(timeout > 0 && timeout <= 3600)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--timeout': '" + timeout + "' is not from 0 to 3600 seconds");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--folder': '" + folder + "' is not a folder");
        }
        Address at = at(exercise);
        PrintStream err = io.err();
        if (batch != null || report != null || jobs != null) {
            return batch(exercise, at, out, err);
        }
        err.println(exercise.id() + ": " + exercise.title());
        err.println(exercise.statement(at));
        err.println(exercise.plays(at));
        ExerciseRun.Setup setup = new ExerciseRun.Setup(exercise, at, command, folder,
                Duration.ofMillis(Math.round(timeout * 1000)));
        err.println(setup.doing());
        ExerciseRun run = new ExerciseRun(setup, new Trace() {
                    @Override
                    public void output(String line, boolean error) {
                        err.println("  | " + line);
                    }

                    @Override
                    public void check(Check check) {
                        out.println(check.line());
                    }
                });
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C or SIGTERM: end the student's program too, then exit 1 (the checks did not all pass).
        Thread hook = new Thread(() -> {
            run.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "exercise-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        ExerciseRun.Report report;
        try {
            report = run.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook exits
            }
        }
        err.println(report.summary());
        return report.passed() ? 0 : 1;
    }

    private int batch(Exercise exercise, Address at, PrintStream out, PrintStream err) {
        if (batch == null) {
            throw new ParameterException(spec.commandLine(), (report != null ? "--report" : "--jobs")
                    + " goes with --batch DIR");
        }
        if (!Files.isDirectory(batch)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--batch': '" + batch + "' is not a folder");
        }
        if (command.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--batch needs the command that runs a submission, "
                    + "after '--': such as -- python3 {}/client.py");
        }
        if (folder != null) {
            throw new ParameterException(spec.commandLine(), "--batch runs each submission in its own folder: "
                    + "leave out --folder");
        }
        String kind = report == null ? ".csv" : report.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!kind.endsWith(".csv") && !kind.endsWith(".html") && !kind.endsWith(".htm")) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--report': '" + report + "' must end in .csv or .html");
        }
        if (jobs != null && (jobs < 1 || jobs > 256)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--jobs': '" + jobs + "' is not from 1 to 256");
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        return BatchGrading.run(exercise, at, command, batch, report, n, Duration.ofMillis(Math.round(timeout * 1000)),
                out, err);
    }

    private Address at(Exercise exercise) {
        if (exercise == Exercise.UNIX_ECHO) {
            if (port != null) {
                throw new ParameterException(spec.commandLine(), "unix-echo takes --unix PATH, not --port");
            }
            return unix == null ? exercise.defaultAddress() : Address.unix(unix);
        }
        if (unix != null) {
            throw new ParameterException(spec.commandLine(), exercise.id() + " takes --port N, not --unix");
        }
        Address.Inet standard = (Address.Inet) exercise.defaultAddress();
        if (port != null && port == 0) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': the exercise needs a fixed port, not 0");
        }
        return port == null ? standard : Address.inet(standard.host(), port);
    }
}
