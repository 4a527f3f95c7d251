package io.socketworkbench.engine;

import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/** A failed TLS handshake or record, worded as Python's ssl module (and the OpenSSL under it) words it. */
final class TlsErrors {
    private TlsErrors() {
    }

    /** The alerts a peer ends a handshake with, by the JDK's name, as OpenSSL reports receiving them. */
    private static final Map<String, String> ALERTS = Map.ofEntries(
            Map.entry("handshake_failure", "[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure"),
            Map.entry("bad_certificate", "[SSL: SSLV3_ALERT_BAD_CERTIFICATE] sslv3 alert bad certificate"),
            Map.entry("certificate_unknown",
                    "[SSL: SSLV3_ALERT_CERTIFICATE_UNKNOWN] sslv3 alert certificate unknown"),
            Map.entry("certificate_expired",
                    "[SSL: SSLV3_ALERT_CERTIFICATE_EXPIRED] sslv3 alert certificate expired"),
            Map.entry("unknown_ca", "[SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca"),
            Map.entry("decrypt_error", "[SSL: TLSV1_ALERT_DECRYPT_ERROR] tlsv1 alert decrypt error"),
            Map.entry("protocol_version", "[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version"),
            Map.entry("internal_error", "[SSL: TLSV1_ALERT_INTERNAL_ERROR] tlsv1 alert internal error"),
            Map.entry("certificate_required",
                    "[SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required"),
            Map.entry("no_application_protocol",
                    "[SSL: TLSV1_ALERT_NO_APPLICATION_PROTOCOL] tlsv1 alert no application protocol"),
            Map.entry("unrecognized_name", "[SSL: TLSV1_UNRECOGNIZED_NAME] tlsv1 unrecognized name"),
            Map.entry("illegal_parameter", "[SSL: SSLV3_ALERT_ILLEGAL_PARAMETER] sslv3 alert illegal parameter"));

    static SocketError of(SSLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejected rejected) {
                return rejected.error();
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("unsupported or unrecognized ssl message") || lower.contains("plaintext connection")) {
            return SocketError.of(ErrorKind.TLS_WRONG_VERSION);
        }
        int alert = lower.indexOf("received fatal alert: ");
        if (alert >= 0) {
            String name = lower.substring(alert + "received fatal alert: ".length()).strip();
            return new SocketError(ErrorKind.TLS_ALERT, ALERTS.getOrDefault(name,
                    "[SSL: TLSV1_ALERT_" + name.toUpperCase(Locale.ROOT) + "] tlsv1 alert " + name.replace('_', ' ')));
        }
        if (lower.contains("empty client certificate chain") || lower.contains("empty server certificate chain")
                && lower.contains("client")) {
            return SocketError.of(ErrorKind.TLS_NO_CLIENT_CERTIFICATE);
        }
        if (lower.contains("eof") || lower.contains("remote host terminated the handshake")
                || lower.contains("closed the connection")) {
            return SocketError.of(ErrorKind.TLS_EOF);
        }
        if (lower.contains("no appropriate protocol") || lower.contains("protocol version")) {
            return new SocketError(ErrorKind.TLS_ALERT, "[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol");
        }
        if (lower.contains("no application protocol")) {
            return new SocketError(ErrorKind.TLS_ALERT, ALERTS.get("no_application_protocol"));
        }
        if (lower.contains("pkix") || lower.contains("certificate")) {
            return new SocketError(ErrorKind.TLS_VERIFY_FAILED, ErrorKind.TLS_VERIFY_FAILED.strerror() + ": "
                    + message);
        }
        return new SocketError(ErrorKind.TLS_FAILED, "[SSL] " + (message.isEmpty() ? "handshake failed" : message));
    }
}
