package io.socketworkbench.ui.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.Framing;
import io.socketworkbench.session.Reassembly;
import io.socketworkbench.ui.fx.Pulses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcript's framing, as a view model: bytes of each connection in, its messages and notes out. */
class FramingModelTest {
    private final Pulses pulses = new Pulses();
    private final List<String> seen = new ArrayList<>();
    private final FramingModel framing = new FramingModel(pulses.port(), new Reassembly.Notes() {
        @Override
        public void message(long connection, byte[] message) {
            seen.add(connection + ":" + new String(message, UTF_8));
        }

        @Override
        public void lost(long connection, long bytes) {
            seen.add(connection + " lost " + bytes);
        }

        @Override
        public void refused(long connection, byte[] held) {
            seen.add(connection + " refused, held " + java.util.Arrays.toString(held));
        }
    });

    @Test
    void withoutAFramingNothingIsTakenAndBytesShowAsTheyCame() {
        assertThat(framing.feed(1, "abc".getBytes(UTF_8), 0)).isFalse();
        assertThat(seen).isEmpty();
    }

    @Test
    void eachConnectionIsFramedOnItsOwnAndItsRestShowsWhenItEnds() {
        framing.use(Framing.parse("line"));
        assertThat(framing.feed(1, "one\ntw".getBytes(UTF_8), 0)).isTrue();
        framing.feed(2, "x".getBytes(UTF_8), 0);
        framing.feed(1, "o\nthr".getBytes(UTF_8), 0);
        framing.end(1);
        assertThat(seen).containsExactly("1:one", "1:two", "1:thr");
        assertThat(framing.waitingBytes()).isEqualTo(1);
    }

    @Test
    void bytesTheWindowNeverHadRestartTheFramingAndAreSaidToBeLost() {
        framing.use(Framing.parse("length:1"));
        framing.feed(1, new byte[] {1, 'a', 4, 'b'}, 0);
        framing.feed(1, new byte[] {2, 'h', 'i'}, 500);
        // What waited is shown as it is (its prefix too), then the framing starts again after the gap.
        assertThat(seen).containsExactly("1:a", "1:\u0004b", "1 lost 500", "1:hi");
    }

    @Test
    void aPauseEndsAMessageWithIdleFraming() {
        framing.use(Framing.parse("idle:50"));
        framing.feed(1, "part one, ".getBytes(UTF_8), 0);
        framing.feed(1, "part two".getBytes(UTF_8), 0);
        assertThat(seen).isEmpty();
        pulses.until(() -> !seen.isEmpty(), "the pause ends the message");
        assertThat(seen).containsExactly("1:part one, part two");
    }

    @Test
    void aRefusedStreamHandsOnTheMessagesItsChunkCompletedBeforeThePrefix() {
        framing.use(Framing.parse("length:1"));
        framing.feed(1, new byte[] {1, 'a'}, 0);
        framing.use(Framing.parse("length:4"));
        framing.feed(1, new byte[] {0, 0, 0, 1, 'b', (byte) 0xff, 0, 0, 0}, 0);
        assertThat(seen).containsExactly("1:a", "1:b", "1 refused, held [-1, 0, 0, 0]");
        assertThat(framing.waitingBytes()).isZero();
    }

    @Test
    void aPrefixAnnouncingTooMuchLeavesThatStreamUnframed() {
        framing.use(Framing.parse("length:4"));
        assertThat(framing.feed(1, new byte[] {(byte) 0xff, 0, 0, 0, 'x'}, 0)).isTrue();
        assertThat(seen).as("what waited is handed on, not dropped")
                .containsExactly("1 refused, held [-1, 0, 0, 0, 120]");
        assertThat(framing.feed(1, "more".getBytes(UTF_8), 0)).as("shown as it arrives").isFalse();
        framing.use(Framing.parse("length:4"));
        assertThat(framing.feed(1, new byte[] {0, 0, 0, 1, 'y'}, 0)).isTrue();
        assertThat(seen).endsWith("1:y");
    }
}
