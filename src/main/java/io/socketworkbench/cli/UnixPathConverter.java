package io.socketworkbench.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/** An AF_UNIX socket file's path: not empty, and one the system can name. */
final class UnixPathConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value == null || value.isBlank()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is empty: give the socket file's path, such as /tmp/demo.sock");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a path: " + e.getReason());
        }
    }
}
