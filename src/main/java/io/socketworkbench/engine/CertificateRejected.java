package io.socketworkbench.engine;

import java.security.cert.CertificateException;
import java.util.List;

/**
 * A peer's certificate failed a check, said as Python's ssl module says it: thrown by the trust managers that a TLS
 * context is made with, and read back by the engine when the handshake fails, so the error names the reason
 * ({@link ErrorKind#TLS_SELF_SIGNED}, ...), with what an explanation needs beside it (dates, names) and the chain
 * the peer sent, each certificate with what was wrong with it.
 */
public final class CertificateRejected extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final transient List<String> details;
    private final transient List<CheckedCertificate> chain;

    /**
     * @param message Python's words, such as {@code [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed:
     *     self-signed certificate}
     */
    public CertificateRejected(ErrorKind kind, String message, List<String> details,
                               List<CheckedCertificate> chain) {
        super(message);
        this.kind = kind;
        this.details = List.copyOf(details);
        this.chain = List.copyOf(chain);
    }

    public SocketError error() {
        return new SocketError(kind, getMessage(), details, chain);
    }
}
