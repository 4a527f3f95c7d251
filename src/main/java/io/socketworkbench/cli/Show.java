package io.socketworkbench.cli;

import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PythonBytes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How received bytes reach stdout: as they are, or one line per chunk in hex or as Python's repr. */
enum Show {
    RAW, HEX, PYTHON;

    /** The line for one chunk (hex pairs or {@code b'...'}), with its newline; not for {@link #RAW}. */
    byte[] line(byte[] chunk) {
        if (this == HEX) {
            return Hex.formatLine(chunk);
        }
        return (PythonBytes.repr(chunk) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static final class Converter implements ITypeConverter<Show> {
        @Override
        public Show convert(String value) {
            try {
                return Show.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of raw, hex, python");
            }
        }
    }
}
