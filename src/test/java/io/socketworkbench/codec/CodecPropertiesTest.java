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
    void aHexLineIsTheHexTextAndANewlineInAscii(@ForAll byte[] bytes) {
        assertThat(Hex.formatLine(bytes))
                .isEqualTo((Hex.format(bytes) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
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

    /** A charset and a string made only of characters it holds: no try is thrown away. */
    record TextIn(Charset charset, String text) {}

    private static final java.util.Map<String, java.util.List<Character>> HELD = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The characters {@code charset} holds one-to-one: it encodes them, and decodes them back to themselves.
     * (Shift_JIS writes ¥ as 0x5C, which reads back as a backslash: such a character is not held.)
     */
    private static java.util.List<Character> held(String charset) {
        return HELD.computeIfAbsent(charset, name -> {
            Charset cs = Charset.forName(name);
            java.nio.charset.CharsetEncoder encoder = cs.newEncoder();
            java.util.List<Character> holds = new java.util.ArrayList<>();
            for (char c = 0; c < 0xFFFF; c++) {
                String one = String.valueOf(c);
                if (!Character.isSurrogate(c) && encoder.canEncode(c) && new String(one.getBytes(cs), cs).equals(one)) {
                    holds.add(c);
                }
            }
            return holds;
        });
    }

    @Provide
    Arbitrary<TextIn> encodableText() {
        return charsets().flatMap(name -> Arbitraries.of(held(name)).list().ofMaxSize(40).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return new TextIn(Charset.forName(name), text.toString());
        }));
    }

    @Property
    void textThatACharsetCanHoldRoundTrips(@ForAll("encodableText") TextIn in) {
        assertThat(TextCodec.decode(TextCodec.encode(in.text(), in.charset()), in.charset()).text())
                .isEqualTo(in.text());
    }

    @Provide
    Arbitrary<String> printableText() {
        Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~').filter(c -> c != '\\');
        Arbitrary<Character> chinese = Arbitraries.chars().range('\u4e00', '\u9fa5');
        return Arbitraries.oneOf(ascii, chinese).list().ofMaxSize(40).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    /** The round trip holds for any rendering; this is what makes the rendering readable. */
    @Property
    void printableTextIsShownAsItselfAndControlsAsNamedEscapes(@ForAll("printableText") String text,
                                                              @ForAll("asciiCompatible") String charset) {
        Charset cs = Charset.forName(charset);
        assertThat(Escapes.format(text.getBytes(cs), cs)).isEqualTo(text);
        assertThat(Escapes.format((text + "\r\n\t\\").getBytes(cs), cs)).isEqualTo(text + "\\r\\n\\t\\\\");
        assertThat(Escapes.format(new byte[] {0x01, 0x7f}, cs)).isEqualTo("\\x01\\x7f");
    }

    @Provide
    Arbitrary<String> asciiCompatible() {
        return Arbitraries.of("UTF-8", "GBK", "GB18030");
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
