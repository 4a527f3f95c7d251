package io.socketworkbench.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every parser of what a user types, fed 10,000 inputs each: half of them built from the parser's own alphabet
 * (so that they get past the first character), half any string. The only exception allowed is the documented
 * parse error, pointing inside the input.
 */
class ParserFuzzTest {
    private static final int TRIES = 10_000;

    /** Hex digits, escapes, quotes, prefixes and separators, with full-width digits and controls among them. */
    @Provide
    Arbitrary<String> input() {
        Arbitrary<String> syntax = Arbitraries.strings()
                .withChars("0123456789abcdefABCDEFxXuUnrtb\\'\"{}: ,\t\n\r|-_lineidlmgthsx")
                .withChars('\u0000', '\u00ff', '\u0661', '\uff14', '\u202e', '\ud83d', '\ude00', '\ufffd')
                .ofMaxLength(40);
        return Arbitraries.oneOf(syntax, Arbitraries.strings().ofMaxLength(60));
    }

    @Property(tries = TRIES)
    void hex(@ForAll("input") String text) {
        documentedOnly(text, () -> Hex.parse(text));
    }

    @Property(tries = TRIES)
    void hexDump(@ForAll("input") String text) {
        documentedOnly(text, () -> HexDump.parse(text));
    }

    @Property(tries = TRIES)
    void pythonBytes(@ForAll("input") String text) {
        documentedOnly(text, () -> PythonBytes.parse(text));
    }

    @Property(tries = TRIES)
    void escapesInUtf8AndGbk(@ForAll("input") String text) {
        documentedOnly(text, () -> Escapes.parse(text, StandardCharsets.UTF_8));
        documentedOnly(text, () -> Escapes.parse(text, Charset.forName("GBK")));
    }

    @Property(tries = TRIES)
    void everyInputFormat(@ForAll("input") String text) {
        for (PayloadFormat format : PayloadFormat.values()) {
            documentedOnly(text, () -> format.parse(text, StandardCharsets.US_ASCII));
        }
    }

    /** Framing names are options, not payloads: their documented error is IllegalArgumentException, worded. */
    @Property(tries = TRIES)
    void framing(@ForAll("input") String text) {
        Throwable thrown = catchThrowable(() -> Framing.parse(text));
        if (thrown != null) {
            assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).isNotBlank().doesNotContain("java.");
        }
    }

    @Property(tries = TRIES)
    void templatesAndChecksumNames(@ForAll("input") String text) {
        assertThat(Template.fill(text, 7)).isNotNull();
        assertThat(Checksum.byId(text)).isNotNull();
    }

    /** A decoder of any framing takes any bytes, however split, and loses none of them. */
    @Property(tries = TRIES)
    void framingDecoders(@ForAll byte[] bytes, @ForAll("framings") String spec) {
        Framing.Decoder decoder = Framing.parse(spec).decoder();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += 3) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + 3));
            try {
                out.addAll(decoder.feed(piece));
            } catch (IllegalStateException tooLong) {
                // The documented refusal: a prefix announcing more than MAX_MESSAGE ends the stream's framing.
                assertThat(spec).startsWith("length:");
                assertThat(tooLong.getMessage()).startsWith("a length prefix announced ");
                return;
            }
        }
        out.addAll(decoder.flush());
        long kept = out.stream().mapToLong(m -> m.length).sum();
        assertThat(kept).isLessThanOrEqualTo(bytes.length);
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Provide
    Arbitrary<String> framings() {
        return Arbitraries.of("line", "delim:0d0a", "delim:00", "length:1", "length:2", "length:4le", "idle:5");
    }

    private static void documentedOnly(String text, Runnable parse) {
        try {
            parse.run();
        } catch (PayloadSyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.problem()).isNotNull();
        }
    }
}
