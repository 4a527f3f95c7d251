package io.socketworkbench.engine;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * A failed socket operation, described the way Python's socket module would describe it.
 *
 * @param details what an explanation may show beside Python's words (a certificate's dates or names), else empty
 * @param chain the certificates a peer sent when a check of them failed, leaf first, each with what was wrong with
 *     it; else empty
 */
public record SocketError(ErrorKind kind, String message, java.util.List<String> details,
                          java.util.List<CheckedCertificate> chain) {

    public SocketError {
        if (message == null || message.isBlank()) {
            message = kind.strerror().isEmpty() ? "unknown error" : kind.strerror();
        }
        details = details == null ? java.util.List.of() : java.util.List.copyOf(details);
        chain = chain == null ? java.util.List.of() : java.util.List.copyOf(chain);
    }

    public SocketError(ErrorKind kind, String message, java.util.List<String> details) {
        this(kind, message, details, null);
    }

    public SocketError(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public static SocketError of(ErrorKind kind) {
        return new SocketError(kind, kind.strerror());
    }

    /** The line Python prints, such as {@code ConnectionRefusedError: [Errno 111] Connection refused}. */
    public String pythonText() {
        Integer errno = kind.errno();
        return errno == null
                ? kind.pythonClass() + ": " + message
                : kind.pythonClass() + ": [Errno " + errno + "] " + message;
    }

    @Override
    public String toString() {
        return pythonText();
    }

    /**
     * The error whose {@link #pythonText()} is {@code text}, as a recording keeps it: the kind whose Python class
     * and errno it names (or, without an errno, whose words it starts with), else {@link ErrorKind#OTHER} with the
     * words as they are.
     */
    public static SocketError fromPythonText(String text) {
        String line = text == null ? "" : text;
        ErrorKind sameClass = null;
        for (ErrorKind kind : ErrorKind.values()) {
            String prefix = kind.pythonClass() + ": ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            if (kind.errno() != null) {
                String errno = "[Errno " + kind.errno() + "] ";
                if (rest.startsWith(errno)) {
                    return new SocketError(kind, rest.substring(errno.length()));
                }
            } else if (!kind.strerror().isEmpty() && rest.startsWith(kind.strerror().replaceFirst("].*", "]"))) {
                return new SocketError(kind, rest);
            } else if (sameClass == null) {
                sameClass = kind;
            }
        }
        if (sameClass == null) {
            return new SocketError(ErrorKind.OTHER, line); // a class of its own: its words kept whole
        }
        return new SocketError(sameClass, line.replaceFirst("^[\\w.]+: (\\[Errno -?\\d+\\] )?", ""));
    }

    /** A failed bind to {@code address}: which errno it was, told by the machine's facts, not the message. */
    public static SocketError ofBind(Throwable t, SocketAddress address) {
        if (t instanceof BindException || (address instanceof UnixDomainSocketAddress && t instanceof IOException
                && !(t instanceof java.nio.channels.ClosedChannelException))) {
            return of(SystemFacts.bindFailure(address));
        }
        return from(t);
    }

    /** A failed connect to {@code address}. */
    public static SocketError ofConnect(Throwable t, SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix && t instanceof IOException
                && !(t instanceof SocketTimeoutException)) {
            return of(SystemFacts.unixConnectFailure(unix.getPath()));
        }
        SocketError error = from(t);
        // The JDK reports ENETUNREACH as a bare SocketException in the C library's words, which are the user's
        // language (网络不可达): the machine's routes tell the errno instead.
        if (error.kind() == ErrorKind.OTHER && address instanceof java.net.InetSocketAddress inet
                && inet.getAddress() != null && SystemFacts.unroutable(inet.getAddress())) {
            return of(ErrorKind.NETWORK_UNREACHABLE);
        }
        return error;
    }

    /** A failed read: on a stream socket an unexplained one is a reset (ECONNRESET), whatever language it is in. */
    public static SocketError ofRead(Throwable t) {
        SocketError error = from(t);
        return error.kind() == ErrorKind.OTHER && t instanceof IOException ? of(ErrorKind.CONNECTION_RESET) : error;
    }

    /** A failed write: an unexplained one is a broken pipe (EPIPE): the peer is gone. */
    public static SocketError ofWrite(Throwable t) {
        SocketError error = from(t);
        return error.kind() == ErrorKind.OTHER && t instanceof IOException ? of(ErrorKind.BROKEN_PIPE) : error;
    }

    /**
     * Maps a JDK exception to the error Python would raise for the same system call, by its type. Only a plain
     * IOException, whose type says nothing, is matched against the C library's English messages; the operation's
     * own factories ({@link #ofBind}, {@link #ofRead}, ...) decide where that is not enough.
     */
    public static SocketError from(Throwable t) {
        if ((t instanceof java.io.UncheckedIOException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            return from(t.getCause());
        }
        if (t instanceof SocketFailure f) {
            return f.error();
        }
        if (t instanceof javax.net.ssl.SSLException ssl) {
            return TlsErrors.of(ssl);
        }
        if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
            return of(SystemFacts.offline() ? ErrorKind.LOOKUP_UNAVAILABLE : ErrorKind.UNKNOWN_HOST);
        }
        if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException) {
            return of(ErrorKind.TIMED_OUT);
        }
        if (t instanceof ClosedChannelException) {
            return of(ErrorKind.NOT_CONNECTED);
        }
        if (t instanceof ConnectException) {
            return of(ErrorKind.CONNECTION_REFUSED);
        }
        if (t instanceof NoRouteToHostException) {
            return of(ErrorKind.HOST_UNREACHABLE);
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return of(ErrorKind.NO_SUCH_FILE);
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return of(ErrorKind.PERMISSION_DENIED);
        }
        String text = t.getMessage() == null ? "" : t.getMessage();
        String lower = text.toLowerCase(Locale.ROOT);
        for (ErrorKind kind : ErrorKind.values()) {
            if (!kind.strerror().isEmpty() && kind.errno() != null
                    && lower.contains(kind.strerror().toLowerCase(Locale.ROOT))) {
                return of(kind);
            }
        }
        if (lower.contains("connection reset")) {
            return of(ErrorKind.CONNECTION_RESET);
        }
        if (t instanceof BindException) {
            return of(ErrorKind.ADDRESS_IN_USE);
        }
        if (t instanceof IOException || !text.isEmpty()) {
            return new SocketError(ErrorKind.OTHER, text.isEmpty() ? t.getClass().getSimpleName() : text);
        }
        return new SocketError(ErrorKind.OTHER, t.toString());
    }
}
