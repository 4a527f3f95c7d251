package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.ui.model.ClassBoard.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One student connection on the class board: its machine, when it came, what it sent so far, the step's timer,
 * and what each thing the wire shows (a FIN, a close, a reset) decides of its checks.
 */
final class ClassAttempt {
    final ClassRows.Machine machine;
    final long id;
    final long started = System.nanoTime();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean answered;
    boolean secured;
    Runnable timer = () -> { };

    ClassAttempt(ClassRows.Machine machine, long id) {
        this.machine = machine;
        this.id = id;
    }

    void decide(int check, boolean passed, String why) {
        machine.decide(check, passed, why);
    }

    /**
     * The chat client's name, once its line is complete (or as long as a name may be), shown as the board shows
     * text; null while more may come.
     */
    String name(byte[] data) {
        int room = Exercise.LONGEST_NAME - line.size();
        line.write(data, 0, Math.min(room, data.length));
        String text = line.toString(StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        if (end < 0 && line.size() < Exercise.LONGEST_NAME) {
            return null;
        }
        return ClassBoard.visible(end < 0 ? text : text.substring(0, end));
    }

    /** The client sent FIN: it closed (or shut down) its side. Decides what that shows; the caller finishes. */
    void peerFinished(Kind kind) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        switch (kind) {
            case HOMEWORK_CLIENT -> {
                decide(1, true, "");
                decide(2, true, "");
            }
            case TIMEOUT_CLIENT -> {
                decide(1, millis >= ClassBoard.WAIT_AT_LEAST_MILLIS, t("class.why.no-wait", millis));
                decide(2, millis <= ClassBoard.GIVE_UP_MILLIS, t("class.why.late", millis));
            }
            case CHAT_CLIENT -> {
                if (!answered) {
                    decide(1, false, t("class.why.closed-before-name"));
                } else {
                    decide(2, true, "");
                }
            }
            case TLS_CLIENT -> {
                if (!secured) {
                    decide(1, false, t("class.why.tls-eof"));
                } else if (!answered) {
                    decide(2, false, t("class.why.closed-before-message"));
                } else {
                    decide(3, true, "");
                }
            }
        }
    }

    /** The connection closed: what a reset shows, or (a close without a FIN seen first) what a FIN would. */
    void closed(Kind kind, CloseReason reason, SocketError error) {
        if (reason == CloseReason.PEER) {
            if (machine.checks.contains(null)) {
                peerFinished(kind);
            }
            return;
        }
        if (reason != CloseReason.RESET && reason != CloseReason.ERROR) {
            return;
        }
        if (kind == Kind.TLS_CLIENT && !secured) {
            decide(1, false, tlsWhy(error));
            return;
        }
        // The homework: it closed with the message unread, and its system said so with a reset. The chat and TLS:
        // before the answer, the check of what it sends; after it, the answer's. The timeout: its giving up.
        int at = switch (kind) {
            case HOMEWORK_CLIENT -> 1;
            case TIMEOUT_CLIENT -> 2;
            case CHAT_CLIENT -> answered ? 2 : 1;
            case TLS_CLIENT -> answered ? 3 : 2;
        };
        decide(at, false, t("class.why.reset", error == null ? "ConnectionResetError" : error.pythonText()));
    }

    /** Why a TLS client's handshake failed, as the wire shows it, with Python's words and the fix. */
    private static String tlsWhy(SocketError error) {
        if (error == null) {
            return t("class.why.tls-eof");
        }
        String fix = switch (error.kind()) {
            case TLS_WRONG_VERSION -> t("class.why.tls-plain");
            case TLS_ALERT -> t("class.why.tls-untrusted");
            case TLS_EOF -> t("class.why.tls-eof");
            default -> "";
        };
        // What to do first (a cell shows the start of it), then Python's words, as the reset's reason is given.
        return fix.isEmpty() ? error.pythonText() : fix + " (" + error.pythonText() + ")";
    }
}
