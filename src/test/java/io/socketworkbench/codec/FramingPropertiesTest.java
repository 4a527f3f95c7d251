package io.socketworkbench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Length framing fed in any split gives the same messages. */
class FramingPropertiesTest {

    @Property(tries = 2000)
    void anySplitOfLengthPrefixedMessagesGivesTheSameMessages(@ForAll @IntRange(min = 0, max = 40) int a,
                                                              @ForAll @IntRange(min = 0, max = 40) int b,
                                                              @ForAll @IntRange(min = 0, max = 90) int cut1,
                                                              @ForAll @IntRange(min = 0, max = 90) int cut2) {
        byte[] first = new byte[a];
        Arrays.fill(first, (byte) 'x');
        byte[] second = new byte[b];
        Arrays.fill(second, (byte) '\n'); // a delimiter inside a length-framed message means nothing
        byte[] stream = new byte[2 + a + 2 + b];
        stream[1] = (byte) a;
        System.arraycopy(first, 0, stream, 2, a);
        stream[2 + a + 1] = (byte) b;
        System.arraycopy(second, 0, stream, 2 + a + 2, b);
        int c1 = Math.min(cut1, stream.length);
        int c2 = Math.max(c1, Math.min(cut2, stream.length));
        assertThat(FramingTest.feedInPieces(Framing.parse("length:2"), stream, c1, c2))
                .containsExactly(new String(first, StandardCharsets.ISO_8859_1),
                        new String(second, StandardCharsets.ISO_8859_1));
    }
}
