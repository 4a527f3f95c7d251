package io.socketworkbench.cli;

import io.socketworkbench.codec.Framing;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --frame FRAMING}: line, delim:HEX, length:N, length:Nle or idle:MS. */
final class FramingConverter implements ITypeConverter<Framing> {
    @Override
    public Framing convert(String value) {
        try {
            return Framing.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
