package io.socketworkbench.cli;

import picocli.CommandLine;

/** A host name or address: not empty, so that a bad value is a usage error, not a failure deep in the engine. */
final class HostConverter implements CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value == null || value.isBlank()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is empty: give a host name or address, such as 127.0.0.1");
        }
        return value.strip();
    }
}
