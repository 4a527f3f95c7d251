package io.socketworkbench.cli;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.Explanations;

/**
 * A failure the command reports as one line on stderr, then exits with status 1. A socket error also carries
 * where it happened, so that {@code --explain} can add what it means on a second line.
 */
final class CliFailure extends Exception {
    private final transient SocketError error;
    private final transient Address where;
    private final boolean udp;
    /** What the error means here, when the command knows better than the error's kind alone; else null. */
    private final String meaning;

    CliFailure(String line) {
        this(line, null, null, false, null);
    }

    CliFailure(SocketError error, Address where, boolean udp) {
        this(error.pythonText(), error, where, udp, null);
    }

    CliFailure(SocketError error, Address where, boolean udp, String meaning) {
        this(error.pythonText(), error, where, udp, meaning);
    }

    private CliFailure(String line, SocketError error, Address where, boolean udp, String meaning) {
        super(line, null, false, false);
        this.error = error;
        this.where = where;
        this.udp = udp;
        this.meaning = meaning;
    }

    /** The socket error it reports, or null for a failure that is not one. */
    SocketError error() {
        return error;
    }

    /** The plain explanation in the user's language, or an empty string. */
    String explanation() {
        if (meaning != null) {
            return meaning;
        }
        return error == null ? "" : Explanations.explain(error, where, udp);
    }
}
