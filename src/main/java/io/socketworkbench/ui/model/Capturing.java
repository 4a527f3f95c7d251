package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A client tab's capture: while one is open, every byte received goes to its file on the engine's thread, before
 * the view sees the event, however much the transcript drops. The transcript says when it starts and stops.
 */
public final class Capturing {
    private final Transcript transcript;
    private final Value<Boolean> on = new Value<>(false);
    private volatile Capture capture;

    Capturing(Transcript transcript) {
        this.transcript = transcript;
    }

    /** Whether a capture file is open. */
    public Value<Boolean> on() {
        return on;
    }

    /** Received bytes go to the capture file (if one is open) on the engine thread, then to the view. */
    SocketListener wrap(SocketListener view) {
        return event -> {
            Capture active = capture;
            if (active != null) {
                active.record(event);
            }
            view.onEvent(event);
        };
    }

    /** Captures every received byte to {@code file} from now on. */
    public void start(Path file) {
        try {
            capture = Capture.open(file);
            on.set(true);
            transcript.add(Message.event(t("client.capture.started", file)));
        } catch (IOException e) {
            on.set(false);
            transcript.add(Message.error(I18n.explained(SocketError.from(e), null, false)));
        }
    }

    /** Closes the capture file and reports how many bytes it kept. */
    /** Closes the capture file and reports how many bytes it kept. */
    public void stop() {
        Capture done = capture;
        capture = null;
        on.set(false);
        if (done == null) {
            return;
        }
        try {
            done.close();
        } catch (IOException ignored) {
            // the bytes written so far are on disk
        }
        transcript.add(done.failure() == null
                ? Message.event(t("client.capture.stopped", done.bytes(), done.file()))
                : Message.error(I18n.explained(SocketError.from(done.failure()), null, false)));
    }
}
