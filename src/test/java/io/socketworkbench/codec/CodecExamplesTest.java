package io.socketworkbench.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class CodecExamplesTest {
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void pythonReprMatchesPythonCharacterForCharacter() {
        assertThat(PythonBytes.repr("This is socket!".getBytes(UTF_8))).isEqualTo("b'This is socket!'");
        assertThat(PythonBytes.repr("你".getBytes(UTF_8))).isEqualTo("b'\\xe4\\xbd\\xa0'");
        assertThat(PythonBytes.repr("it's".getBytes(UTF_8))).isEqualTo("b\"it's\"");
        assertThat(PythonBytes.repr("both ' and \"".getBytes(UTF_8))).isEqualTo("b'both \\' and \"'");
        assertThat(PythonBytes.repr(new byte[] {0, 9, 10, 13, 0x7f, (byte) 0xff, '\\'}))
                .isEqualTo("b'\\x00\\t\\n\\r\\x7f\\xff\\\\'");
    }

    @Test
    void pythonLiteralsParseAllOfPythonsEscapes() {
        assertThat(PythonBytes.parse("b'\\a\\b\\f\\v\\101\\x41\\q'")).isEqualTo(new byte[] {7, 8, 12, 11, 'A', 'A',
                '\\', 'q'});
        assertThat(PythonBytes.parse("  B\"x\"  ")).isEqualTo(new byte[] {'x'});
        assertThatThrownBy(() -> PythonBytes.parse("'abc'")).isInstanceOf(PayloadSyntaxException.class)
                .extracting("problem").isEqualTo(PayloadSyntaxException.Problem.NOT_A_BYTES_LITERAL);
        assertThatThrownBy(() -> PythonBytes.parse("b'你'")).extracting("problem", "position")
                .containsExactly(PayloadSyntaxException.Problem.NON_ASCII_IN_BYTES, 2);
        assertThatThrownBy(() -> PythonBytes.parse("b'abc")).extracting("problem")
                .isEqualTo(PayloadSyntaxException.Problem.UNTERMINATED);
    }

    @Test
    void hexParserForgivesLayoutAndPointsAtTheBadDigit() {
        byte[] hel = {0x48, 0x65, 0x6c};
        assertThat(Hex.parse("48 65 6c")).isEqualTo(hel);
        assertThat(Hex.parse("48656C")).isEqualTo(hel);
        assertThat(Hex.parse("0x48,0x65,0x6c")).isEqualTo(hel);
        assertThat(Hex.parse("48:65:6c")).isEqualTo(hel);
        assertThat(Hex.parse("\\x48\\x65\\x6c")).isEqualTo(hel);
        assertThat(Hex.parse("0x5")).isEqualTo(new byte[] {5});
        assertThatThrownBy(() -> Hex.parse("48 6g")).isInstanceOf(PayloadSyntaxException.class)
                .extracting("problem", "position", "offending")
                .containsExactly(PayloadSyntaxException.Problem.BAD_HEX_DIGIT, 4, "g");
        assertThatThrownBy(() -> Hex.parse("48 656")).extracting("problem")
                .isEqualTo(PayloadSyntaxException.Problem.ODD_HEX_DIGITS);
    }

    @Test
    void hexDumpHasOffsetsHexAndAsciiColumns() {
        String dump = HexDump.format("Hello, socket world!\n".getBytes(UTF_8));
        assertThat(dump).isEqualTo(
                "00000000  48 65 6c 6c 6f 2c 20 73  6f 63 6b 65 74 20 77 6f  |Hello, socket wo|\n"
              + "00000010  72 6c 64 21 0a                                    |rld!.|");
    }

    @Test
    void escapesShowControlBytesAndKeepText() {
        assertThat(Escapes.format("GET /\r\n\t\0".getBytes(UTF_8), UTF_8)).isEqualTo("GET /\\r\\n\\t\\0");
        assertThat(Escapes.format(new byte[] {(byte) 0xe4, (byte) 0xbd, (byte) 0xa0, (byte) 0xff}, UTF_8))
                .isEqualTo("你\\xff");
        assertThat(Escapes.parse("a\\x00\\u4f60\\q", UTF_8)).isEqualTo("a\0你\\q".getBytes(UTF_8));
        assertThat(Escapes.parse("你好", GBK)).isEqualTo(new byte[] {(byte) 0xc4, (byte) 0xe3, (byte) 0xba, (byte) 0xc3});
        assertThatThrownBy(() -> Escapes.parse("ab\\xZZ", UTF_8)).extracting("problem", "position")
                .containsExactly(PayloadSyntaxException.Problem.BAD_ESCAPE, 2);
    }

    @Test
    void textInAnotherCharsetIsDecodedAndBadBytesAreCountedNotThrown() {
        byte[] gbk = "你好".getBytes(GBK);
        assertThat(TextCodec.decode(gbk, GBK).text()).isEqualTo("你好");
        TextCodec.Decoded wrong = TextCodec.decode(gbk, UTF_8);
        assertThat(wrong.malformedBytes()).isPositive();
        assertThat(wrong.text()).contains("\uFFFD");
        assertThatThrownBy(() -> TextCodec.encode("a你", Charset.forName("ISO-8859-1")))
                .extracting("problem", "position", "offending")
                .containsExactly(PayloadSyntaxException.Problem.UNMAPPABLE, 1, "你");
    }

    @Test
    void onlyAsciiHexDigitsAreHexDigits() {
        // Full-width digits look like hex to Character.digit; a device never sends them.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hex.parse("４１"))
                .isInstanceOf(PayloadSyntaxException.class)
                .extracting(e -> ((PayloadSyntaxException) e).problem())
                .isEqualTo(PayloadSyntaxException.Problem.BAD_HEX_DIGIT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Escapes.parse("\\x４１", java.nio.charset.StandardCharsets.UTF_8))
                .isInstanceOf(PayloadSyntaxException.class);
        org.assertj.core.api.Assertions.assertThat(Hex.parse("4A 4a")).containsExactly(0x4A, 0x4A);
    }

    @Test
    void anOddHexErrorQuotesAShortExcerptNotTheWholeGroup() {
        String huge = "ab".repeat(65_000) + "c";
        PayloadSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(PayloadSyntaxException.class,
                () -> Hex.parse(huge));
        org.assertj.core.api.Assertions.assertThat(e.offending()).hasSizeLessThanOrEqualTo(Hex.EXCERPT + 1)
                .startsWith("…").endsWith("abc");
        org.assertj.core.api.Assertions.assertThat(e.getMessage()).hasSizeLessThan(200);
        org.assertj.core.api.Assertions.assertThat(e.position()).isEqualTo(huge.length() - 1);
    }

    @Test
    void textModeShowsControlAndBidiCharactersAsEscapes() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        // U+202E would show "txt.exe" as "exe.txt"; ESC [2J would be a terminal's clear-screen.
        org.assertj.core.api.Assertions.assertThat(PayloadFormat.TEXT.format("a\u202Etxt.exe".getBytes(utf8), utf8))
                .isEqualTo("a\\u202etxt.exe");
        org.assertj.core.api.Assertions.assertThat(PayloadFormat.TEXT.format("\u001b[2Jhi\u0007".getBytes(utf8), utf8))
                .isEqualTo("\\x1b[2Jhi\\x07");
        org.assertj.core.api.Assertions.assertThat(PayloadFormat.TEXT.format("line 1\r\nline 2\tend 你好".getBytes(utf8), utf8))
                .isEqualTo("line 1\r\nline 2\tend 你好");
        org.assertj.core.api.Assertions.assertThat(PayloadFormat.TEXT.format("zero\u200Bwidth".getBytes(utf8), utf8))
                .isEqualTo("zero\\u200bwidth");
    }
}
