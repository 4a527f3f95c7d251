package io.socketworkbench.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The repeat the command line and the window share, with sends that finish later, as the command line's do. */
class RepeatTest {
    private final ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    private final Timers timers = (millis, task) -> {
        var future = owner.schedule(task, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    };

    @AfterEach
    void end() {
        owner.shutdownNow();
        writer.shutdownNow();
    }

    @Test
    void aSendThatFinishesLaterHoldsTheNextBackSoOneMessageAtMostIsInFlight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> problem = new AtomicReference<>("not ended");
        long[] progress = new long[2];
        Repeat repeat = new Repeat(timers);
        owner.execute(() -> repeat.start(0, 40, n -> ("m" + n).getBytes(), data -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sent.add(new String(data));
            CompletableFuture<Integer> written = new CompletableFuture<>();
            writer.schedule(() -> {
                inFlight.decrementAndGet();
                written.complete(data.length);
            }, 1, TimeUnit.MILLISECONDS);
            return written;
        }, new Repeat.Progress() {
            @Override
            public void sent(long messages, long bytes) {
                progress[0] = messages;
                progress[1] = bytes;
            }

            @Override
            public void ended(String why) {
                problem.set(why);
                ended.countDown();
            }
        }));
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(problem.get()).as("every message sent").isNull();
        assertThat(most.get()).isEqualTo(1);
        assertThat(sent).hasSize(40).startsWith("m1", "m2").endsWith("m40");
        assertThat(progress[0]).isEqualTo(40);
        assertThat(progress[1]).isEqualTo(sent.stream().mapToLong(String::length).sum());
    }

    @Test
    void anIntervalSpacesTheSendsFromTheFirst() throws Exception {
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ended = new CountDownLatch(1);
        long start = System.nanoTime();
        owner.execute(() -> new Repeat(timers).start(40, 4, n -> new byte[] {(byte) n}, data -> {
            at.add((System.nanoTime() - start) / 1_000_000);
            return CompletableFuture.supplyAsync(() -> 1, writer);
        }, new Repeat.Progress() {
            @Override
            public void sent(long messages, long bytes) {
            }

            @Override
            public void ended(String why) {
                ended.countDown();
            }
        }));
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(at).hasSize(4);
        // Message n is due 40 ms after message n - 1 was: never sooner (later only as the machine allows).
        assertThat(at.get(3)).isGreaterThanOrEqualTo(120);
        for (int i = 1; i < 4; i++) {
            assertThat(at.get(i)).isGreaterThanOrEqualTo(40L * i);
        }
    }

    @Test
    void aFailedWriteEndsTheRepeatWithItsReasonAndStopEndsItQuietly() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> problem = new AtomicReference<>();
        AtomicInteger sends = new AtomicInteger();
        Repeat repeat = new Repeat(timers);
        owner.execute(() -> repeat.start(1, 0, n -> new byte[] {1}, data -> sends.incrementAndGet() < 5
                ? CompletableFuture.supplyAsync(() -> 1, writer)
                : CompletableFuture.supplyAsync(() -> {
                    throw new IllegalStateException("Broken pipe");
                }, writer), new Repeat.Progress() {
                    @Override
                    public void sent(long messages, long bytes) {
                    }

                    @Override
                    public void ended(String why) {
                        problem.set(why);
                        ended.countDown();
                    }
                }));
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(problem.get()).isEqualTo("Broken pipe");
        assertThat(sends.get()).isEqualTo(5);

        AtomicInteger more = new AtomicInteger();
        owner.submit(() -> repeat.start(1, 0, n -> new byte[] {1}, data -> {
            more.incrementAndGet();
            return CompletableFuture.completedFuture(1);
        }, new Repeat.Progress() {
            @Override
            public void sent(long messages, long bytes) {
            }

            @Override
            public void ended(String why) {
                problem.set("ended by itself");
            }
        })).get();
        Thread.sleep(30);
        owner.submit(repeat::stop).get();
        int atStop = more.get();
        Thread.sleep(30);
        assertThat(more.get()).isEqualTo(atStop).isPositive();
        assertThat(problem.get()).isEqualTo("Broken pipe");
    }
}
