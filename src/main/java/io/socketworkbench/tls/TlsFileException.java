package io.socketworkbench.tls;

import java.nio.file.Path;

/** A certificate, key or CA file that cannot be used: which file, and what is wrong with it. */
public final class TlsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong, for a translation: {@code tls.file.missing} and so on. */
    public enum Reason {
        MISSING, UNREADABLE, UNWRITABLE, NOT_CERTIFICATES, NO_CERTIFICATE, NOT_KEY, NO_KEY, ENCRYPTED_KEY,
        KEY_MISMATCH, NOT_PKCS12, PASSWORD;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final transient Path file;
    private final Reason reason;
    private final String problem;

    /** {@code problem}: what is wrong, in English, as the command line says it. */
    public TlsFileException(Path file, Reason reason, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.reason = reason;
        this.problem = problem;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
