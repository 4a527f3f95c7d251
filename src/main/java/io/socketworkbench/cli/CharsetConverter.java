package io.socketworkbench.cli;

import io.socketworkbench.codec.TextCodec;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** A charset name the JDK knows, such as UTF-8, GBK or ISO-8859-1. */
final class CharsetConverter implements CommandLine.ITypeConverter<Charset> {
    @Override
    public Charset convert(String value) {
        Charset charset = TextCodec.charset(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + value + "' is not a known encoding (try UTF-8, GBK, GB18030, ISO-8859-1)"));
        if (!charset.canEncode()) {
            throw new CommandLine.TypeConversionException("'" + value
                    + "' can only decode, not encode text to send (try UTF-8, GBK, GB18030)");
        }
        return charset;
    }
}
