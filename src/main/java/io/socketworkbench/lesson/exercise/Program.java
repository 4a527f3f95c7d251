package io.socketworkbench.lesson.exercise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final Thread[] readers = new Thread[2];

    private Program(Process process, Trace trace) {
        this.process = process;
        readers[0] = reader(process.getInputStream(), out, false, trace);
        readers[1] = reader(process.getErrorStream(), err, true, trace);
    }

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
        return new Program(builder.start(), trace);
    }

    private static Thread reader(InputStream stream, List<String> lines, boolean error, Trace trace) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.length() > MAX_LINE) {
                        line = line.substring(0, MAX_LINE) + "…";
                    }
                    synchronized (lines) {
                        if (lines.size() < MAX_LINES) {
                            lines.add(line);
                        }
                    }
                    trace.output(line, error);
                }
            } catch (IOException e) {
                // the program ended and its pipe with it
            }
        }, error ? "program-stderr" : "program-stdout");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits up to {@code millis} for the program to end by itself; true when it has. */
    boolean waitFor(long millis) {
        try {
            return process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    int exitCode() {
        return process.exitValue();
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
        List<ProcessHandle> family = new ArrayList<>();
        process.descendants().forEach(family::add);
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (ProcessHandle handle : family) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        waitFor(2_000);
        for (Thread reader : readers) {
            try {
                reader.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
