package io.socketworkbench.ui.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.Framing;
import io.socketworkbench.ui.fx.Pulses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transcript's framing, as a view model: bytes of each connection in, its messages and notes out. */
class FramerTest {
    private final Pulses pulses = new Pulses();
    private final List<String> seen = new ArrayList<>();
    private final Framer framer = new Framer(pulses.port(), new Framer.Notes() {
        @Override
        public void message(long connection, byte[] message) {
            seen.add(connection + ":" + new String(message, UTF_8));
        }

        @Override
        public void lost(long connection, long bytes) {
            seen.add(connection + " lost " + bytes);
        }

        @Override
        public void refused(long connection) {
            seen.add(connection + " refused");
        }
    });

    @Test
    void withoutAFramingNothingIsTakenAndBytesShowAsTheyCame() {
        assertThat(framer.feed(1, "abc".getBytes(UTF_8), 0)).isFalse();
        assertThat(seen).isEmpty();
    }

    @Test
    void eachConnectionIsFramedOnItsOwnAndItsRestShowsWhenItEnds() {
        framer.use(Framing.parse("line"));
        assertThat(framer.feed(1, "one\ntw".getBytes(UTF_8), 0)).isTrue();
        framer.feed(2, "x".getBytes(UTF_8), 0);
        framer.feed(1, "o\nthr".getBytes(UTF_8), 0);
        framer.end(1);
        assertThat(seen).containsExactly("1:one", "1:two", "1:thr");
        assertThat(framer.waitingBytes()).isEqualTo(1);
    }

    @Test
    void bytesTheWindowNeverHadRestartTheFramingAndAreSaidToBeLost() {
        framer.use(Framing.parse("length:1"));
        framer.feed(1, new byte[] {1, 'a', 4, 'b'}, 0);
        framer.feed(1, new byte[] {2, 'h', 'i'}, 500);
        // What waited is shown as it is (its prefix too), then the framing starts again after the gap.
        assertThat(seen).containsExactly("1:a", "1:\u0004b", "1 lost 500", "1:hi");
    }

    @Test
    void aPauseEndsAMessageWithIdleFraming() {
        framer.use(Framing.parse("idle:50"));
        framer.feed(1, "part one, ".getBytes(UTF_8), 0);
        framer.feed(1, "part two".getBytes(UTF_8), 0);
        assertThat(seen).isEmpty();
        pulses.until(() -> !seen.isEmpty(), "the pause ends the message");
        assertThat(seen).containsExactly("1:part one, part two");
    }

    @Test
    void aPrefixAnnouncingTooMuchLeavesThatStreamUnframed() {
        framer.use(Framing.parse("length:4"));
        assertThat(framer.feed(1, new byte[] {(byte) 0xff, 0, 0, 0, 'x'}, 0)).isTrue();
        assertThat(seen).containsExactly("1 refused");
        assertThat(framer.feed(1, "more".getBytes(UTF_8), 0)).as("shown as it arrives").isFalse();
        framer.use(Framing.parse("length:4"));
        assertThat(framer.feed(1, new byte[] {0, 0, 0, 1, 'y'}, 0)).isTrue();
        assertThat(seen).endsWith("1:y");
    }
}
