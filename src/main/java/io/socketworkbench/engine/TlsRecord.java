package io.socketworkbench.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One TLS record of a handshake as it crossed the wire, read from its record header without any key: whether this
 * side sent it, what it carried ({@code ClientHello}, {@code ServerHello, Certificate} when a record holds several
 * handshake messages, {@code ChangeCipherSpec}, {@code Alert}) or null when it was encrypted, and its size on the
 * wire, the five-byte header included.
 */
public record TlsRecord(boolean sent, String message, int bytes) {

    /** The record types of RFC 8446 section 5.1. */
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;

    /**
     * What a failed unwrap met, when it was an alert sent in the clear where an encrypted record was due (OpenSSL
     * ends a TLS 1.3 handshake so when it rejects the server's certificate; the JDK then reports a short AEAD
     * fragment): the alert, as the JDK words one it receives ("Received fatal alert: unknown_ca"). Otherwise
     * {@code failure} itself. The record that failed starts at {@code at} in {@code wire}.
     */
    static javax.net.ssl.SSLException plaintextAlert(ByteBuffer wire, int at, javax.net.ssl.SSLException failure) {
        if (wire.limit() - at < 7 || (wire.get(at) & 0xff) != ALERT || wire.get(at + 3) != 0 || wire.get(at + 4) != 2) {
            return failure;
        }
        String name = alertName(wire.get(at + 6) & 0xff);
        return new javax.net.ssl.SSLException("Received fatal alert: " + name, failure);
    }

    /** An alert's name as RFC 8446 section 6 gives it, as the JDK spells it. */
    static String alertName(int description) {
        return switch (description) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 43 -> "unsupported_certificate";
            case 44 -> "certificate_revoked";
            case 45 -> "certificate_expired";
            case 46 -> "certificate_unknown";
            case 47 -> "illegal_parameter";
            case 48 -> "unknown_ca";
            case 49 -> "access_denied";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 90 -> "user_canceled";
            case 112 -> "unrecognized_name";
            case 116 -> "certificate_required";
            case 120 -> "no_application_protocol";
            default -> "alert_" + description;
        };
    }

    /** True when the record was encrypted: only its size can be read. */
    public boolean encrypted() {
        return message == null;
    }

    /**
     * Reads the records a handshake sends one way, as whole records pass; once that way has sent its
     * ChangeCipherSpec, what follows is encrypted (TLS 1.2's Finished; TLS 1.3 encrypts under the record type of
     * application data). At most {@link #MAX} records are kept.
     */
    static final class Reader {
        static final int MAX = 64;

        private final boolean sent;
        private final List<TlsRecord> into;
        private boolean encrypting;

        Reader(boolean sent, List<TlsRecord> into) {
            this.sent = sent;
            this.into = into;
        }

        /** The whole records in {@code wire} from {@code from} (absolute) to {@code to}; a partial one is left. */
        void read(ByteBuffer wire, int from, int to) {
            int at = from;
            while (at + 5 <= to && into.size() < MAX) {
                int type = wire.get(at) & 0xff;
                int length = ((wire.get(at + 3) & 0xff) << 8) | (wire.get(at + 4) & 0xff);
                int end = Math.min(to, at + 5 + length);
                String message = switch (type) {
                    case CHANGE_CIPHER_SPEC -> "ChangeCipherSpec";
                    case ALERT -> encrypting ? null : "Alert";
                    case HANDSHAKE -> encrypting ? null : messages(wire, at + 5, end);
                    default -> null;
                };
                if (type == CHANGE_CIPHER_SPEC) {
                    encrypting = true;
                }
                into.add(new TlsRecord(sent, message, 5 + length));
                at += 5 + length;
            }
        }

        /** The handshake messages in one plaintext record, by the names RFC 8446 and RFC 5246 give them. */
        private static String messages(ByteBuffer wire, int from, int to) {
            List<String> names = new ArrayList<>();
            int at = from;
            while (at + 4 <= to) {
                names.add(name(wire.get(at) & 0xff));
                int length = ((wire.get(at + 1) & 0xff) << 16) | ((wire.get(at + 2) & 0xff) << 8)
                        | (wire.get(at + 3) & 0xff);
                at += 4 + length;
            }
            return names.isEmpty() ? "Handshake" : String.join(", ", names);
        }

        private static String name(int type) {
            return switch (type) {
                case 1 -> "ClientHello";
                case 2 -> "ServerHello";
                case 4 -> "NewSessionTicket";
                case 8 -> "EncryptedExtensions";
                case 11 -> "Certificate";
                case 12 -> "ServerKeyExchange";
                case 13 -> "CertificateRequest";
                case 14 -> "ServerHelloDone";
                case 15 -> "CertificateVerify";
                case 16 -> "ClientKeyExchange";
                case 20 -> "Finished";
                default -> "Handshake(" + type + ")";
            };
        }
    }
}
