package io.socketworkbench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the app runs for a check (a student's), its stdout and stderr read line by line as it prints them, on
 * two threads of its own, and ended together with every process it started. The engine owns these threads, as it
 * owns every other thread below the window.
 */
public final class ChildProcess {
    /** Hears each line the program prints, on a reader thread; a line longer than the limit is cut. */
    @FunctionalInterface
    public interface Lines {
        void line(String text, boolean stderr);
    }

    /**
     * Set in the program's environment, which every process it starts inherits: a process it forked and left
     * behind (no longer its descendant once the program has exited) is still found by it, and ended.
     */
    static final String MARK = "SOCKET_WORKBENCH_RUN";

    private final Process process;
    private final String mark;
    private final Thread[] readers = new Thread[2];

    private ChildProcess(Process process, String mark, int maxLine, Lines lines) {
        this.process = process;
        this.mark = mark;
        readers[0] = reader(process.getInputStream(), false, maxLine, lines);
        readers[1] = reader(process.getErrorStream(), true, maxLine, lines);
    }

    /** Starts what {@code builder} describes; {@code lines} hears its output, each line cut after {@code maxLine}. */
    public static ChildProcess start(ProcessBuilder builder, int maxLine, Lines lines) throws IOException {
        String mark = java.util.UUID.randomUUID().toString();
        builder.environment().put(MARK, mark);
        return new ChildProcess(builder.start(), mark, maxLine, lines);
    }

    /**
     * What the program started and left running after {@link #stop()}: processes it forked that were no longer
     * its descendants (their parent had exited, or they called setsid()), found by the mark in their environment.
     * The caller ends them, and may say so.
     */
    public List<ProcessHandle> leftBehind() {
        return marked(mark).stream().filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(ProcessHandle::isAlive).toList();
    }

    /** The processes (of this user, on Linux) whose environment carries this run's mark. */
    static List<ProcessHandle> marked(String mark) {
        byte[] needle = (MARK + "=" + mark).getBytes(StandardCharsets.US_ASCII);
        List<ProcessHandle> found = new ArrayList<>();
        try (java.nio.file.DirectoryStream<java.nio.file.Path> all = java.nio.file.Files.newDirectoryStream(
                java.nio.file.Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (java.nio.file.Path dir : all) {
                try {
                    byte[] environment = java.nio.file.Files.readAllBytes(dir.resolve("environ"));
                    if (contains(environment, needle)) {
                        ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(found::add);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile, or another user's
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: what descendants() finds is all there is
        }
        return found;
    }

    /** True when {@code needle} is one of the NUL-separated entries of {@code environment}. */
    private static boolean contains(byte[] environment, byte[] needle) {
        int start = 0;
        for (int i = 0; i <= environment.length; i++) {
            if (i == environment.length || environment[i] == 0) {
                if (i - start == needle.length
                        && java.util.Arrays.equals(environment, start, i, needle, 0, needle.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static Thread reader(InputStream stream, boolean stderr, int maxLine, Lines lines) {
        Thread thread = new Thread(() -> readLines(stream, maxLine, line -> lines.line(line, stderr)),
                stderr ? "program-stderr" : "program-stdout");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Reads {@code stream} to its end in pieces of 8 KiB and hands on each line (without its line break), cut after
     * {@code maxLine} characters with an ellipsis: a program that prints a 200 MB line costs no more memory than
     * one of {@code maxLine}. Malformed UTF-8 becomes U+FFFD.
     */
    static void readLines(InputStream stream, int maxLine, java.util.function.Consumer<String> each) {
        try (java.io.Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            BoundedLines.read(in, maxLine, Long.MAX_VALUE, (line, cut) -> each.accept(cut ? line + "…"
                    : line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
        } catch (IOException e) {
            // the program ended and its pipe with it
        }
    }

    /**
     * Waits up to {@code millis} for the program's output to end (its pipes closed: the program and whatever it
     * left holding them are gone) and to be read; true when it has.
     */
    public boolean awaitOutput(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread reader : readers) {
            try {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !readers[0].isAlive() && !readers[1].isAlive();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits up to {@code millis} for the program to end by itself; true when it has. */
    public boolean waitFor(long millis) {
        try {
            return process.waitFor(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    public int exitCode() {
        return process.exitValue();
    }

    /**
     * Ends the program and every process it started: SIGTERM, then SIGKILL a second later; returns once its
     * output has been read to the end (or after a bounded wait).
     */
    public void stop() {
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
