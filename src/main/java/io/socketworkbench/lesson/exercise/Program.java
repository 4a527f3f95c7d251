package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import io.socketworkbench.codec.TextCodec;
import io.socketworkbench.lesson.Texts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A student's program, run as the user typed it, in the folder the user chose, with Python's output unbuffered
 * so that its lines arrive as it prints them. Its output is kept bounded; {@link #stop()} ends it and everything
 * it started. Nothing that came from the network is ever run.
 */
final class Program {
    /** Lines of output kept for the checks: the first and the last this many, of each stream. */
    static final int KEEP_LINES = 200;
    /** A line is cut after this many characters. */
    static final int MAX_LINE = 2_000;
    /** How long the checks wait for the output of a program that has ended (a process it left may hold it). */
    private static final long OUTPUT_END_MS = 2_000;
    /** A program still running has said what it has to say once it has been quiet this long. */
    private static final long QUIET_MS = 250;
    private static final long QUIET_AT_MOST_MS = 1_500;

    private final Output out = new Output();
    private final Output err = new Output();
    private volatile long lastLine = System.nanoTime();
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
        program.process = ChildProcess.start(builder, MAX_LINE, (raw, error) -> {
            // A program's terminal escapes, bells and bidi controls are shown, never obeyed: it cannot rewrite
            // the verdicts printed around its output, on a terminal or in the window.
            String line = visible(raw);
            (error ? program.err : program.out).add(line);
            program.lastLine = System.nanoTime();
            trace.output(line, error);
        });
        return program;
    }

    /** Control and invisible format characters as escapes (ESC as {@code \x1b}, U+202E as its escape), and CR. */
    static String visible(String line) {
        return TextCodec.visible(line).replace("\r", "\\r");
    }

    /** One stream's lines: the first and the last {@link #KEEP_LINES}, and how many between were not kept. */
    private static final class Output {
        private final List<String> first = new ArrayList<>();
        private final ArrayDeque<String> last = new ArrayDeque<>();
        private long dropped;

        synchronized void add(String line) {
            if (first.size() < KEEP_LINES) {
                first.add(line);
                return;
            }
            last.addLast(line);
            if (last.size() > KEEP_LINES) {
                last.removeFirst();
                dropped++;
            }
        }

        synchronized String text() {
            List<String> lines = new ArrayList<>(first);
            if (dropped > 0) {
                lines.add(Texts.t("check.program.lines-skipped", dropped));
            }
            lines.addAll(last);
            return String.join("\n", lines);
        }

        synchronized String lastSaying() {
            for (var it = last.descendingIterator(); it.hasNext();) {
                String line = it.next();
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
            for (int i = first.size() - 1; i >= 0; i--) {
                if (!first.get(i).isBlank()) {
                    return first.get(i).strip();
                }
            }
            return "";
        }
    }

    /**
     * Before the checks judge what was printed: an ended program's output read to its end (bounded), a running
     * one's once it has been quiet for a moment (bounded too).
     */
    private void settle() {
        if (!process.alive()) {
            process.awaitOutput(OUTPUT_END_MS);
            return;
        }
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_AT_MOST_MS);
        while (process.alive() && System.nanoTime() - lastLine < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)
                && System.nanoTime() < giveUp) {
            process.awaitOutput(50);
        }
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

    /** True when a stdout line read so far contains {@code text}: a look without waiting for the output to end. */
    boolean printedSoFar(String text) {
        return out.text().contains(text);
    }

    /** What it printed to stdout, one string. */
    String stdout() {
        settle();
        return out.text();
    }

    /** Its stdout and stderr. */
    String allOutput() {
        return stdout() + "\n" + stderr();
    }

    String stderr() {
        settle();
        return err.text();
    }

    /** The last line of its stderr that says something, such as Python's exception; empty when there is none. */
    String lastError() {
        settle();
        return err.lastSaying();
    }

    /** Ends the program and every process it started: SIGTERM, then SIGKILL a second later. */
    void stop() {
        process.stop();
    }

    /** What the program started and left running after {@link #stop()} (see {@code ChildProcess.leftBehind}). */
    List<ProcessHandle> leftBehind() {
        return process.leftBehind();
    }
}
