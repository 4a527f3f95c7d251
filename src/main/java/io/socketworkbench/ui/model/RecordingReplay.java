package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.TimelineReplay;
import io.socketworkbench.session.RecordingReader;
import io.socketworkbench.ui.fx.Background;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A recording told again to a lesson of its own, so that a teacher can show yesterday's session: the steps, the
 * diagram and the mirror fill in as they did then ({@link Pace#RECORDED}, pauses longer than
 * {@link #LONGEST_PAUSE} seconds shortened) or at once. The file is read on a thread of its own, twice (who is
 * who first, then the facts in order), a batch at a time; the next batch is read only when the lesson has taken
 * the last, so a recording of any size replays in bounded memory. No JavaFX.
 */
public final class RecordingReplay {
    /** How fast the facts are told. */
    public enum Pace { RECORDED, AT_ONCE }

    /** A pause in a recording longer than this (seconds) is shortened to it: nobody waits out a coffee break. */
    public static final double LONGEST_PAUSE = 2.0;
    /** Facts handed to the lesson at once; a wait longer than a frame hands over what is read first. */
    private static final int BATCH = 256;

    private final Lesson lesson;
    private final EventPort port;
    private final Value<String> status = new Value<>("");
    private final Value<Boolean> running = new Value<>(false);
    private final Value<Long> told = new Value<>(0L);
    private Run current;

    public RecordingReplay(Lesson lesson, EventPort port) {
        this.lesson = lesson;
        this.port = port;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Where the replay is, in the user's words. */
    public Value<String> status() {
        return status;
    }

    public Value<Boolean> running() {
        return running;
    }

    /** Facts told so far. */
    public Value<Long> told() {
        return told;
    }

    /** Tells {@code file} to the lesson from its start, after clearing what it showed; a replay running stops. */
    public void start(Path file, Pace pace) {
        stop();
        Run run = new Run(file, pace);
        current = run;
        told.set(0L);
        running.set(true);
        status.set(t("replay.reading", file.getFileName()));
        Background.run("replay", run::go);
    }

    /** Stops telling; what the lesson shows stays. */
    public void stop() {
        Run run = current;
        current = null;
        if (run != null) {
            run.stopped = true;
            if (running.get()) {
                running.set(false);
                status.set(t("replay.stopped", run.file.getFileName(), told.get()));
            }
        }
    }

    /** One replay of one file: its thread reads, the UI thread tells. */
    private final class Run {
        private final Path file;
        private final Pace pace;
        private volatile boolean stopped;
        private TimelineReplay replay;
        private long total;
        private double seconds;

        Run(Path file, Pace pace) {
            this.file = file;
            this.pace = pace;
        }

        void go() {
            try {
                TimelineReplay.Cast cast = new TimelineReplay.Cast();
                double[] length = {0, Double.NaN}; // seconds, pauses shortened; the last fact's time
                try (RecordingReader reader = RecordingReader.open(file)) {
                    for (Fact fact = reader.next(); fact != null && !stopped; fact = reader.next()) {
                        cast.learn(fact);
                        length[0] += Double.isNaN(length[1]) ? 0 : shortened(fact.time() - length[1]);
                        length[1] = fact.time();
                    }
                }
                hand(() -> {
                    lesson.clear();
                    replay = new TimelineReplay(lesson, cast);
                    total = cast.facts();
                    seconds = length[0];
                    say(0, 0);
                });
                tell(cast.start());
                hand(() -> {
                    running.set(false);
                    current = null;
                    status.set(t("replay.done", file.getFileName(), total));
                });
            } catch (IOException | RuntimeException e) {
                String why = e instanceof RecordingReader.BadRecording ? e.getMessage()
                        : I18n.error(SocketError.from(e instanceof IOException io ? io : new IOException(e)));
                port.post(() -> {
                    if (current == this) {
                        current = null;
                        running.set(false);
                        status.set(t("replay.failed", file, why));
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The second reading: each fact in order, at the recorded pace (pauses shortened) or at once. */
        private void tell(double start) throws IOException, InterruptedException {
            long began = System.nanoTime();
            double at = 0; // seconds into the replay, pauses shortened
            double previous = start;
            List<Fact> batch = new ArrayList<>();
            long n = 0;
            try (RecordingReader reader = RecordingReader.open(file)) {
                for (Fact fact = reader.next(); fact != null && !stopped; fact = reader.next()) {
                    at += shortened(fact.time() - previous);
                    previous = fact.time();
                    if (pace == Pace.RECORDED) {
                        long wait = began + (long) (at * 1e9) - System.nanoTime();
                        if (wait > 16_000_000L) {
                            n = handBatch(batch, n, at);
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    batch.add(fact);
                    if (batch.size() >= BATCH) {
                        n = handBatch(batch, n, at);
                    }
                }
            }
            handBatch(batch, n, at);
        }

        private static double shortened(double pause) {
            return Math.max(0, Math.min(LONGEST_PAUSE, pause));
        }

        private long handBatch(List<Fact> batch, long before, double at) throws InterruptedException {
            if (batch.isEmpty()) {
                return before;
            }
            List<Fact> facts = List.copyOf(batch);
            batch.clear();
            long after = before + facts.size();
            hand(() -> {
                for (Fact fact : facts) {
                    replay.tell(fact);
                }
                say(after, at);
            });
            return after;
        }

        private void say(long n, double at) {
            told.set(n);
            status.set(t("replay.progress", file.getFileName(), n, total, Math.min(at, seconds), seconds));
        }

        /** Runs {@code task} on the UI thread, while this replay is the current one, and waits for it. */
        private void hand(Runnable task) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            port.post(() -> {
                try {
                    if (current == this && !stopped) {
                        task.run();
                    }
                } finally {
                    done.countDown();
                }
            });
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return;
                }
            }
        }
    }
}
