package io.socketworkbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** TCP unless --udp or --unix says otherwise; the two exclude each other. */
final class Transport {
    @Option(names = "--udp", description = "Use UDP (SOCK_DGRAM) instead of TCP.")
    boolean udp;

    @Option(names = "--unix", paramLabel = "PATH", converter = UnixPathConverter.class, description = "Use an AF_UNIX stream socket at PATH instead of TCP.")
    Path unix;
}
