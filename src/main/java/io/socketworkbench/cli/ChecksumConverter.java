package io.socketworkbench.cli;

import io.socketworkbench.codec.Checksum;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --append CHECK}: a checksum by its name, {@code crc16-modbus}. */
final class ChecksumConverter implements ITypeConverter<Checksum> {
    /** The names --append takes, for messages and help. */
    static final String NAMES = Arrays.stream(Checksum.values()).filter(c -> c != Checksum.NONE)
            .map(Checksum::id).collect(Collectors.joining(" "));

    @Override
    public Checksum convert(String value) {
        return Checksum.byId(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not one of " + NAMES));
    }
}
