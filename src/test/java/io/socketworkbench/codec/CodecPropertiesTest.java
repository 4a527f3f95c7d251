package io.socketworkbench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CodecPropertiesTest {

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "GBK", "GB18030", "ISO-8859-1", "US-ASCII", "UTF-16", "UTF-16LE", "Big5",
                "Shift_JIS");
    }

    @Property
    void hexRoundTrips(@ForAll byte[] bytes) {
        assertThat(Hex.parse(Hex.format(bytes))).isEqualTo(bytes);
    }

    @Property
    void hexDumpRoundTrips(@ForAll byte[] bytes) {
        assertThat(HexDump.parse(HexDump.format(bytes))).isEqualTo(bytes);
    }

    @Property
    void pythonBytesLiteralsRoundTrip(@ForAll byte[] bytes) {
        assertThat(PythonBytes.parse(PythonBytes.repr(bytes))).isEqualTo(bytes);
    }

    @Property
    void escapesRoundTripInEveryCharset(@ForAll byte[] bytes, @ForAll("charsets") String charset) {
        Charset cs = Charset.forName(charset);
        assertThat(Escapes.parse(Escapes.format(bytes, cs), cs)).isEqualTo(bytes);
    }

    @Property
    void textThatACharsetCanHoldRoundTrips(@ForAll String text, @ForAll("charsets") String charset) {
        Charset cs = Charset.forName(charset);
        if (!cs.newEncoder().canEncode(text)) {
            return;
        }
        assertThat(TextCodec.decode(TextCodec.encode(text, cs), cs).text()).isEqualTo(text);
    }

    @Property
    void decodingArbitraryBytesNeverThrows(@ForAll byte[] bytes, @ForAll("charsets") String charset) {
        TextCodec.Decoded decoded = TextCodec.decode(bytes, Charset.forName(charset));
        assertThat(decoded.malformedBytes()).isBetween(0, bytes.length);
    }

    @Property
    void parsersOnlyEverThrowTheDocumentedError(@ForAll String input) {
        for (PayloadFormat format : PayloadFormat.values()) {
            try {
                format.parse(input, Charset.forName("UTF-8"));
            } catch (PayloadSyntaxException e) {
                assertThat(e.position()).isBetween(0, Math.max(0, input.length()));
            }
        }
        try {
            HexDump.parse(input);
        } catch (PayloadSyntaxException e) {
            assertThat(e.position()).isGreaterThanOrEqualTo(0);
        }
    }
}
