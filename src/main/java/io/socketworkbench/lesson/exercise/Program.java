package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A student's program, run as the user typed it, in the folder the user chose, with Python's output unbuffered
 * so that its lines arrive as it prints them. Its output is kept bounded; {@link #stop()} ends it and everything
 * it started. Nothing that came from the network is ever run.
 */
final class Program {
    /** Lines of output kept for the checks; more are passed to the trace but not kept. */
    static final int MAX_LINES = 400;
    /** A line is cut after this many characters. */
    static final int MAX_LINE = 2_000;

    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private ChildProcess process;

    /** Starts {@code command} in {@code folder} (null: the current folder). */
    static Program start(List<String> command, Path folder, Trace trace) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        trace.started(String.join(" ", command));
        Program program = new Program();
        program.process = ChildProcess.start(builder, MAX_LINE, (line, error) -> {
            List<String> lines = error ? program.err : program.out;
            synchronized (lines) {
                if (lines.size() < MAX_LINES) {
                    lines.add(line);
                }
            }
            trace.output(line, error);
        });
        return program;
    }

    boolean alive() {
        return process.alive();
    }

    /** Waits up to {@code millis} for the program to end by itself; true when it has. */
    boolean waitFor(long millis) {
        return process.waitFor(millis);
    }

    int exitCode() {
        return process.exitCode();
    }

    /** What it printed to stdout so far, one string. */
    String stdout() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    /** Its stdout and stderr so far. */
    String allOutput() {
        return stdout() + "\n" + stderr();
    }

    String stderr() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    /** The last line of its stderr that says something, such as Python's exception; empty when there is none. */
    String lastError() {
        synchronized (err) {
            for (int i = err.size() - 1; i >= 0; i--) {
                if (!err.get(i).isBlank()) {
                    return err.get(i).strip();
                }
            }
        }
        return "";
    }

    /** Ends the program and every process it started: SIGTERM, then SIGKILL a second later. */
    void stop() {
        process.stop();
    }
}
