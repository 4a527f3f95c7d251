package io.socketworkbench.engine;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** A failed socket operation, described the way Python's socket module would describe it. */
public record SocketError(ErrorKind kind, String message) {

    public SocketError {
        if (message == null || message.isBlank()) {
            message = kind.strerror().isEmpty() ? "unknown error" : kind.strerror();
        }
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

    /** Maps a JDK exception to the error Python would raise for the same system call. */
    public static SocketError from(Throwable t) {
        if (t instanceof SocketFailure f) {
            return f.error();
        }
        if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
            return of(ErrorKind.UNKNOWN_HOST);
        }
        if (t instanceof SocketTimeoutException || t instanceof InterruptedByTimeoutException) {
            return of(ErrorKind.TIMED_OUT);
        }
        if (t instanceof ClosedChannelException) {
            return of(ErrorKind.NOT_CONNECTED);
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
        if (t instanceof ConnectException) {
            return of(ErrorKind.CONNECTION_REFUSED);
        }
        if (t instanceof NoRouteToHostException) {
            return of(ErrorKind.HOST_UNREACHABLE);
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
