package io.socketworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.ui.fx.Pulses;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Counts from events, a rate a second, the peak, and two minutes of samples for the chart. */
class TrafficStatsTest {
    private final Pulses pulses = new Pulses();
    private final TrafficStats stats = new TrafficStats(pulses.port());

    @Test
    void countsAddUpAndEachSecondBecomesASample() {
        stats.in(1, 1000);
        stats.in(2, 500);
        stats.out(1, 20);
        assertThat(stats.messagesIn()).isEqualTo(3);
        assertThat(stats.bytesIn()).isEqualTo(1500);
        assertThat(stats.bytesOut()).isEqualTo(20);
        long before = stats.changed().get();
        pulses.until(() -> stats.changed().get() > before, Duration.ofSeconds(5), "a second's sample");
        assertThat(stats.inRate(0)).isEqualTo(1500);
        assertThat(stats.outRate(0)).isEqualTo(20);
        assertThat(stats.peakIn()).isEqualTo(1500);
        stats.in(1, 100);
        long after = stats.changed().get();
        pulses.until(() -> stats.changed().get() > after, Duration.ofSeconds(5), "the next sample");
        assertThat(stats.inRate(0)).isEqualTo(100);
        assertThat(stats.inRate(1)).isEqualTo(1500);
        assertThat(stats.peakIn()).as("the peak stays").isEqualTo(1500);
        assertThat(stats.inRate(TrafficStats.SECONDS - 1)).isZero();
    }

    @Test
    void theSamplesKeepTheLastTwoMinutesOnly() {
        for (int i = 0; i < TrafficStats.SECONDS + 5; i++) {
            stats.in(1, i);
            stats.tick();
        }
        assertThat(stats.inRate(0)).isEqualTo(TrafficStats.SECONDS + 4);
        assertThat(stats.inRate(TrafficStats.SECONDS - 1)).isEqualTo(5);
    }
}
