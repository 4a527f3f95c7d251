package io.socketworkbench.tls;

import java.nio.file.Path;

/** A certificate, key or CA file that cannot be used: which file, and what is wrong with it. */
public final class TlsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public TlsFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
