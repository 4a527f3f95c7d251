package io.socketworkbench.cli;

import picocli.CommandLine.Option;

/** What the client sends: --send TEXT (with escapes) or --hex HEX. */
final class Payload {
    @Option(names = "--send", paramLabel = "TEXT",
            description = "Send TEXT after connecting. Escapes such as \\r\\n, \\t and \\xNN are understood.")
    String text;

    @Option(names = "--hex", paramLabel = "HEX", description = "Send these bytes, written in hex (\"48 65 6c 6c 6f\").")
    String hex;
}
