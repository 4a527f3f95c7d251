package io.socketworkbench.ui.model;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.ui.fx.EventPort;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends a file's bytes from disk, a chunk at a time: the next chunk is read only once the one before has been
 * written, so a file of gigabytes never sits in memory, and the socket sets the pace. Reading runs on its own
 * thread; progress reaches the window through the {@link EventPort} a few times a second. No JavaFX.
 */
public final class FileSender {
    /** Bytes read and sent at a time. */
    static final int CHUNK = 256 * 1024;
    private static final long PROGRESS_NANOS = TimeUnit.MILLISECONDS.toNanos(150);

    /** How a send ended: all sent, cancelled, or failed with a reason. */
    public record Outcome(Path file, long sent, long size, long nanos, boolean cancelled, String failure) {
        public boolean complete() {
            return !cancelled && failure == null && sent == size;
        }

        /** Bytes a second over the whole send. */
        public double rate() {
            return nanos <= 0 ? 0 : sent * 1e9 / nanos;
        }
    }

    private final EventPort port;
    private final Value<Boolean> running = new Value<>(false);
    /** Bytes written so far, the file's size, and the nanoseconds since the send began. */
    private final Value<long[]> progress = new Value<>(new long[] {0, 0, 0});
    private volatile boolean cancelled;

    public FileSender(EventPort port) {
        this.port = port;
    }

    public Value<Boolean> running() {
        return running;
    }

    public Value<long[]> progress() {
        return progress;
    }

    public void cancel() {
        cancelled = true;
    }

    /**
     * Starts sending {@code file} through {@code send} (a chunk in, a future that completes once it is written);
     * {@code done} hears how it ended, on the window's thread.
     */
    public void start(Path file, Function<byte[], CompletableFuture<?>> send,
                      java.util.function.Consumer<Outcome> done) {
        if (running.get()) {
            return;
        }
        cancelled = false;
        running.set(true);
        io.socketworkbench.ui.fx.Background.run("file-send", () -> {
            Outcome outcome = sendAll(file, send);
            port.schedule(0, () -> {
                running.set(false);
                progress.set(new long[] {outcome.sent(), outcome.size(), outcome.nanos()});
                done.accept(outcome);
            });
        });
    }

    private Outcome sendAll(Path file, Function<byte[], CompletableFuture<?>> send) {
        long started = System.nanoTime();
        long sent = 0;
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            long lastProgress = 0;
            byte[] buffer = new byte[CHUNK];
            int n;
            while (!cancelled && (n = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                send.apply(n == CHUNK ? buffer.clone() : Arrays.copyOf(buffer, n)).join();
                sent += n;
                if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
                    lastProgress = System.nanoTime();
                    long[] now = {sent, size, System.nanoTime() - started};
                    port.schedule(0, () -> progress.set(now));
                }
            }
            return new Outcome(file, sent, size, System.nanoTime() - started, cancelled, null);
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            String reason = io.socketworkbench.ui.i18n.I18n.error(SocketError.from(cause));
            return new Outcome(file, sent, size, System.nanoTime() - started, false, reason);
        }
    }
}
