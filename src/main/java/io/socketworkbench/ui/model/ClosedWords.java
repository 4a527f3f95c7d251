package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.ui.i18n.I18n;

/** The server's words for a client's connection that ended: one log line, and what a reset or error means. */
final class ClosedWords {
    private ClosedWords() {
    }

    /** The log's line; {@code idleSeconds} is the server's idle timeout (null: none). */
    static String line(SocketEvent.Closed closed, String remote, Integer idleSeconds) {
        return switch (closed.reason()) {
            case LOCAL -> t("log.closed.local", remote);
            case STALLED -> t("log.closed.stalled", remote);
            case PEER -> t("log.closed.peer", remote);
            case RESET -> t("log.closed.reset", remote);
            case ERROR -> idleClosed(closed, idleSeconds) ? t("log.closed.idle", remote, idleSeconds)
                    : t("log.closed.error", remote, I18n.error(closed.error()));
        };
    }

    /** What a reset or an error means, for the transcript; empty for a close that needs no explaining. */
    static String explanation(SocketEvent.Closed closed, Integer idleSeconds) {
        return closed.error() == null || idleClosed(closed, idleSeconds) ? ""
                : io.socketworkbench.lesson.Explanations.explain(closed.error(), null, false);
    }

    /** Closed by the server's idle timeout: the engine reports it as a timeout on a server with one. */
    private static boolean idleClosed(SocketEvent.Closed closed, Integer idleSeconds) {
        return idleSeconds != null && closed.error() != null && closed.error().kind() == ErrorKind.TIMED_OUT;
    }
}
