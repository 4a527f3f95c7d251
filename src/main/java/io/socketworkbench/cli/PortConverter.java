package io.socketworkbench.cli;

import picocli.CommandLine;

/** A port number from 0 to 65535; the message names the bad value. */
final class PortConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port number (0-65535)");
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port number (0-65535)");
        }
        return port;
    }
}
