package io.socketworkbench.cli;

import io.socketworkbench.codec.Framing;
import picocli.CommandLine.Option;

/** How client and server print what they receive: {@code --show} and {@code --frame}, the same for both. */
final class ReceivedFormat {
    @Option(names = "--show", paramLabel = "FORMAT", defaultValue = "raw", converter = Show.Converter.class,
            description = "How received bytes are printed: raw (as they are, the default), hex (one line of hex "
                    + "pairs per chunk or datagram) or python (one line of Python's repr() per chunk or datagram). "
                    + "--save always gets the bytes as they are.")
    Show show;

    @Option(names = "--frame", paramLabel = "FRAMING", converter = FramingConverter.class,
            description = "With --show hex or python, one line per message instead of per chunk: line (ends at \\n), "
                    + "delim:HEX (ends at those bytes), length:N (an N-byte big-endian length first, N = 1, 2 or 4; "
                    + "length:Nle little-endian), idle:MS (a pause of MS ms ends it). Raw output is unchanged.")
    Framing frame;
}
