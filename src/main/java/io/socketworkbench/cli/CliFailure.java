package io.socketworkbench.cli;

/** A failure the command reports as one line on stderr, then exits with status 1. */
final class CliFailure extends Exception {
    CliFailure(String line) {
        super(line, null, false, false);
    }
}
