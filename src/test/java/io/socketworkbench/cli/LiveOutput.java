package io.socketworkbench.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Captured output that a test can wait on while the command still runs. */
final class LiveOutput extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits until the output matches the pattern and returns the first group. */
    synchronized String await(Pattern pattern, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Matcher m = pattern.matcher(text());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("output never matched " + pattern + "; it was: " + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
