package io.socketworkbench.lesson;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CheckedCertificate;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.PortUse;
import io.socketworkbench.engine.SocketError;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a socket error means and what to do about it, in the user's language, for a beginner who has just read
 * Python's wording of it. An explanation may look at the machine (who holds a port), so call it off the UI thread
 * where that matters: it reads /proc, which takes milliseconds.
 */
public final class Explanations {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Explanations() {
    }

    /**
     * The explanation of {@code error}, met at {@code where} (the address bound or connected to; null when there
     * is none), or an empty string for an error with nothing more to say.
     */
    public static String explain(SocketError error, Address where, boolean udp) {
        ErrorKind kind = error.kind();
        String place = where == null ? Texts.t("explain.there") : Address.format(where);
        return switch (kind) {
            case ADDRESS_IN_USE -> addressInUse(where, udp);
            case PERMISSION_DENIED -> where instanceof Address.Inet inet && inet.port() > 0 && inet.port() < 1024
                    ? Texts.t("explain.permission-denied.port", String.valueOf(inet.port()))
                    : Texts.t("explain.permission-denied", place);
            case CONNECTION_REFUSED -> where instanceof Address.Unix
                    ? Texts.t("explain.connection-refused.unix", place)
                    : Texts.t("explain.connection-refused", place);
            case NO_SUCH_FILE -> Texts.t("explain.no-such-file", place);
            case UNKNOWN_HOST, LOOKUP_UNAVAILABLE -> Texts.t("explain." + kind.key(),
                    where instanceof Address.Inet inet ? inet.host() : place);
            case TLS_SELF_SIGNED, TLS_UNKNOWN_ISSUER -> Texts.t("explain." + kind.key(), detail(error, 0))
                    + chain(error);
            case TLS_EXPIRED, TLS_NOT_YET_VALID, TLS_HOST_MISMATCH -> Texts.t("explain." + kind.key(),
                    detail(error, 0), detail(error, 1), detail(error, 2)) + chain(error);
            case TLS_VERIFY_FAILED -> Texts.t("explain." + kind.key()) + chain(error);
            case OTHER -> "";
            default -> Texts.has("explain." + kind.key()) ? Texts.t("explain." + kind.key(), place) : "";
        };
    }

    /**
     * The chain a refused peer sent, one line a certificate, leaf first, each with its verdict (what was wrong
     * with it, or that nothing was), after a line break; empty when the error carries no chain.
     */
    static String chain(SocketError error) {
        if (error.chain().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n").append(Texts.t("explain.tls.chain"));
        int n = 1;
        for (CheckedCertificate checked : error.chain()) {
            X509Certificate c = checked.certificate();
            List<String> verdicts = new ArrayList<>();
            for (CheckedCertificate.Flaw flaw : checked.flaws()) {
                verdicts.add(Texts.t("explain.tls.flaw." + flaw.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
            text.append("\n  ").append(Texts.t("explain.tls.certificate", String.valueOf(n++),
                    c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    DAY.format(c.getNotBefore().toInstant()), DAY.format(c.getNotAfter().toInstant()),
                    verdicts.isEmpty() ? Texts.t("explain.tls.fine") : String.join(Texts.t("explain.tls.and"),
                            verdicts)));
        }
        return text.toString();
    }

    /** The error's detail {@code i} (a certificate's name or dates), or "?" when it has none. */
    private static String detail(SocketError error, int i) {
        return i < error.details().size() ? error.details().get(i) : "?";
    }

    private static String addressInUse(Address where, boolean udp) {
        if (where instanceof Address.Unix unix) {
            return Texts.t("explain.address-in-use.unix", unix.path().toString());
        }
        int port = where instanceof Address.Inet inet ? inet.port() : 0;
        PortUse use = PortUse.of(port, udp);
        return explainInUse(use, port);
    }

    /** The "Address already in use" explanation for what {@code use} found on {@code port}. */
    static String explainInUse(PortUse use, int number) {
        String port = String.valueOf(number);
        if (use.held()) {
            PortUse.Holder holder = use.holders().get(0);
            return holder.process() == null
                    ? Texts.t("explain.address-in-use.held", port)
                    : Texts.t("explain.address-in-use.process", port, holder.process(), String.valueOf(holder.pid()));
        }
        if (use.timeWait() > 0) {
            return Texts.t("explain.address-in-use.time-wait", port, use.timeWait(),
                    PortUse.TIME_WAIT_SECONDS, Math.max(1, use.timeWaitSecondsLeft()));
        }
        return Texts.t("explain.address-in-use", port);
    }

    private static final java.util.regex.Pattern PYTHON_ERROR = java.util.regex.Pattern.compile(
            "^(?:socket\\.)?(\\w+(?:\\.\\w+)?): (?:\\[Errno (-?\\d+)\\] )?(.*)$");

    /**
     * The error in a line Python printed, such as {@code ConnectionRefusedError: [Errno 111] Connection refused}
     * (a traceback's last line), or null when the line is no socket error this app knows.
     */
    public static SocketError fromPython(String line) {
        java.util.regex.Matcher m = PYTHON_ERROR.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        String type = m.group(1);
        Integer errno = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind == ErrorKind.OTHER) {
                continue;
            }
            boolean sameType = kind.pythonClass().equals(type) || kind.pythonClass().equals("socket." + type)
                    || (type.equals("timeout") && kind == ErrorKind.TIMED_OUT);
            if (errno != null ? java.util.Objects.equals(kind.errno(), errno) && (sameType || type.equals("OSError"))
                    : sameType && kind.errno() == null && m.group(3).equals(kind.strerror())) {
                return new SocketError(kind, m.group(3));
            }
        }
        return null;
    }
}
