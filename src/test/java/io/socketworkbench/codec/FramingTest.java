package io.socketworkbench.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing as a receiver needs it: the same messages come out however the stream was split. */
class FramingTest {

    static List<String> feedInPieces(Framing framing, byte[] stream, int... cuts) {
        Framing.Decoder decoder = framing.decoder();
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            decoder.feed(Arrays.copyOfRange(stream, from, cut)).forEach(m -> out.add(new String(m, StandardCharsets.ISO_8859_1)));
            from = cut;
        }
        decoder.feed(Arrays.copyOfRange(stream, from, stream.length))
                .forEach(m -> out.add(new String(m, StandardCharsets.ISO_8859_1)));
        decoder.flush().forEach(m -> out.add("rest:" + new String(m, StandardCharsets.ISO_8859_1)));
        return out;
    }

    @Test
    void linesEndAtNewlineWithAnyCarriageReturnBeforeItTakenOff() {
        byte[] stream = "one\r\ntwo\n\nthree".getBytes(StandardCharsets.US_ASCII);
        for (int cut = 0; cut <= stream.length; cut++) {
            assertThat(feedInPieces(Framing.parse("line"), stream, cut))
                    .as("split at " + cut).containsExactly("one", "two", "", "rest:three");
        }
    }

    @Test
    void aDelimiterOfSeveralBytesIsFoundAcrossEverySplit() {
        byte[] stream = "a<END>bb<END><EN".getBytes(StandardCharsets.US_ASCII);
        Framing framing = Framing.parse("delim:3c454e443e"); // <END>
        for (int i = 0; i <= stream.length; i++) {
            for (int j = i; j <= stream.length; j++) {
                assertThat(feedInPieces(framing, stream, i, j)).containsExactly("a", "bb", "rest:<EN");
            }
        }
    }

    @Test
    void lengthPrefixesBigAndLittleEndianAreTakenOff() {
        byte[] big = {0, 3, 'a', 'b', 'c', 0, 0, 0, 1, 'x'};
        assertThat(feedInPieces(Framing.parse("length:2"), big, 1, 4)).containsExactly("abc", "", "x");
        byte[] little = {3, 0, 0, 0, 'a', 'b', 'c', 1, 0, 0, 0, 'z'};
        for (int cut = 0; cut <= little.length; cut++) {
            assertThat(feedInPieces(Framing.parse("length:4le"), little, cut)).containsExactly("abc", "z");
        }
        assertThat(feedInPieces(Framing.parse("length:1"), new byte[] {0, 2, 'h', 'i'})).containsExactly("", "hi");
        assertThatThrownBy(() -> Framing.parse("length:4").decoder().feed(new byte[] {0x7f, 0, 0, 0}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than");
    }

    @Test
    void idleFramingHoldsEverythingUntilThePause() {
        Framing.Decoder decoder = Framing.parse("idle:50").decoder();
        assertThat(decoder.feed("ab".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(decoder.feed("c".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(decoder.flush()).singleElement().satisfies(m -> assertThat(m).isEqualTo("abc".getBytes()));
        assertThat(decoder.flush()).isEmpty();
    }

    @Test
    void badFramingsSayWhatIsWanted() {
        for (String bad : List.of("lines", "delim:", "delim:zz", "length:3", "length:", "idle:0", "idle:x", "")) {
            assertThatThrownBy(() -> Framing.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("Exception");
        }
    }
}
