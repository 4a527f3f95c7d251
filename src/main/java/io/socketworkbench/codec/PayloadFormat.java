package io.socketworkbench.codec;

import java.nio.charset.Charset;

/** How typed input becomes bytes to send, and how received bytes are shown. */
public enum PayloadFormat {
    /** Plain text in the chosen charset. */
    TEXT,
    /** Text with backslash escapes such as {@code \r\n} and {@code \xff}. */
    ESCAPES,
    /** Hex digits. */
    HEX,
    /** A Python bytes literal. */
    PYTHON;

    /** Turns what the user typed into bytes, or throws {@link PayloadSyntaxException} pointing at the problem. */
    public byte[] parse(String input, Charset charset) {
        return switch (this) {
            case TEXT -> TextCodec.encode(input, charset);
            case ESCAPES -> Escapes.parse(input, charset);
            case HEX -> Hex.parse(input);
            case PYTHON -> PythonBytes.parse(input);
        };
    }

    /** Shows bytes in this format; {@link #HEX} shows a dump with offsets and ASCII. */
    public String format(byte[] bytes, Charset charset) {
        return switch (this) {
            case TEXT -> TextCodec.visible(TextCodec.decode(bytes, charset).text());
            case ESCAPES -> Escapes.format(bytes, charset);
            case HEX -> HexDump.format(bytes);
            case PYTHON -> PythonBytes.repr(bytes);
        };
    }
}
