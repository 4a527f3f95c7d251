package io.socketworkbench.engine;

import java.util.Locale;

/** The socket failures a user meets, each with the errno and exception class that Python's socket module reports. */
public enum ErrorKind {
    CONNECTION_REFUSED(111, "ConnectionRefusedError", "Connection refused"),
    ADDRESS_IN_USE(98, "OSError", "Address already in use"),
    ADDRESS_NOT_AVAILABLE(99, "OSError", "Cannot assign requested address"),
    PERMISSION_DENIED(13, "PermissionError", "Permission denied"),
    CONNECTION_RESET(104, "ConnectionResetError", "Connection reset by peer"),
    BROKEN_PIPE(32, "BrokenPipeError", "Broken pipe"),
    CONNECTION_ABORTED(103, "ConnectionAbortedError", "Software caused connection abort"),
    NETWORK_UNREACHABLE(101, "OSError", "Network is unreachable"),
    HOST_UNREACHABLE(113, "OSError", "No route to host"),
    CONNECT_TIMED_OUT(110, "TimeoutError", "Connection timed out"),
    TIMED_OUT(null, "TimeoutError", "timed out"),
    UNKNOWN_HOST(-2, "socket.gaierror", "Name or service not known"),
    /** EAI_AGAIN: no name server could be asked, as when the machine is offline. */
    LOOKUP_UNAVAILABLE(-3, "socket.gaierror", "Temporary failure in name resolution"),
    NO_SUCH_FILE(2, "FileNotFoundError", "No such file or directory"),
    /** An AF_UNIX path longer than the kernel's sockaddr_un holds (107 bytes and the NUL); Python says no errno. */
    UNIX_PATH_TOO_LONG(null, "OSError", "AF_UNIX path too long"),
    NO_SPACE(28, "OSError", "No space left on device"),
    WOULD_BLOCK(11, "BlockingIOError", "Resource temporarily unavailable"),
    NOT_CONNECTED(107, "OSError", "Transport endpoint is not connected"),
    MESSAGE_TOO_LONG(90, "OSError", "Message too long"),
    INVALID_ARGUMENT(22, "OSError", "Invalid argument"),
    TOO_MANY_OPEN_FILES(24, "OSError", "Too many open files"),
    /**
     * A relay told to forward to its own listening address: every client would come back to it, without end.
     * Not the system's error but the relay's refusal, so Python's word for a bad argument and no errno.
     */
    RELAY_LOOP(null, "ValueError", "the relay's target is its own listening address"),
    /** TLS: the peer's certificate signs itself, and nothing trusted says it may. */
    TLS_SELF_SIGNED(null, "ssl.SSLCertVerificationError",
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate"),
    /** TLS: no trusted certificate issued the peer's (its chain ends at a stranger). */
    TLS_UNKNOWN_ISSUER(null, "ssl.SSLCertVerificationError",
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate"),
    TLS_EXPIRED(null, "ssl.SSLCertVerificationError",
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired"),
    TLS_NOT_YET_VALID(null, "ssl.SSLCertVerificationError",
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate is not yet valid"),
    /** TLS: the certificate is good but for other names than the one connected to. */
    TLS_HOST_MISMATCH(null, "ssl.SSLCertVerificationError",
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch"),
    /** TLS: the certificate failed a check not listed above; the message says which. */
    TLS_VERIFY_FAILED(null, "ssl.SSLCertVerificationError",
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
    /** TLS: what came back is not TLS (a plain server, or plain text to a TLS port). */
    TLS_WRONG_VERSION(null, "ssl.SSLError", "[SSL: WRONG_VERSION_NUMBER] wrong version number"),
    /** TLS: the peer ended the handshake with an alert; the message names it as OpenSSL does. */
    TLS_ALERT(null, "ssl.SSLError", "[SSL] tlsv1 alert"),
    /** TLS: the connection closed in the middle of the handshake. */
    TLS_EOF(null, "ssl.SSLEOFError", "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol"),
    /** TLS: the server asked for a client certificate, and the client sent none. */
    TLS_NO_CLIENT_CERTIFICATE(null, "ssl.SSLError",
            "[SSL: PEER_DID_NOT_RETURN_A_CERTIFICATE] peer did not return a certificate"),
    /** TLS: anything else; the message is the JDK's. */
    TLS_FAILED(null, "ssl.SSLError", "[SSL] handshake failed"),
    /** Anything else; the message is the operating system's. */
    OTHER(null, "OSError", "");

    private final Integer errno;
    private final String pythonClass;
    private final String strerror;

    ErrorKind(Integer errno, String pythonClass, String strerror) {
        this.errno = errno;
        this.pythonClass = pythonClass;
        this.strerror = strerror;
    }

    /** The errno Python shows in brackets, or null when Python shows none (as for {@code timed out}). */
    public Integer errno() {
        return errno;
    }

    public String pythonClass() {
        return pythonClass;
    }

    /** The text Python prints after the errno (the C library's strerror). */
    public String strerror() {
        return strerror;
    }

    /** Whether this is a TLS failure (the ssl module's, not the socket's). */
    public boolean tls() {
        return name().startsWith("TLS_");
    }

    /** A stable key for translations, such as {@code connection-refused}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
