package io.socketworkbench.ui.client;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.ui.common.Capture;
import io.socketworkbench.ui.common.Message;
import io.socketworkbench.ui.i18n.I18n;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * "Capture…": every byte the client receives goes to a file, written on the engine thread before the bounded
 * transcript sees it, so the file keeps what the view drops. Its start and end are reported to the transcript.
 */
final class CaptureButton extends ToggleButton {
    private final Consumer<Message> report;
    private volatile Capture capture;

    CaptureButton(String id, Consumer<Message> report) {
        super(t("client.capture"), new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE));
        this.report = report;
        setId(id);
        getStyleClass().add("secondary");
        setMinWidth(Region.USE_PREF_SIZE);
        setOnAction(e -> toggle());
    }

    /** Received bytes go to the capture file (if one is open) on the engine thread, then to the view. */
    SocketListener capturing(SocketListener view) {
        return event -> {
            Capture current = capture;
            if (current != null) {
                current.record(event);
            }
            view.onEvent(event);
        };
    }

    /** Starts capturing to a file the user picks, or stops and says how much was kept. */
    private void toggle() {
        if (capture != null) {
            stop();
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("capture.bin");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            setSelected(false);
            return;
        }
        start(file.toPath());
    }

    void start(Path file) {
        try {
            capture = Capture.open(file);
            setSelected(true);
            setText(t("client.capture.stop"));
            report.accept(Message.event(t("client.capture.started", file)));
        } catch (IOException e) {
            setSelected(false);
            report.accept(Message.error(I18n.error(SocketError.from(e))));
        }
    }

    void stop() {
        Capture done = capture;
        capture = null;
        setSelected(false);
        setText(t("client.capture"));
        if (done == null) {
            return;
        }
        try {
            done.close();
        } catch (IOException ignored) {
            // the bytes written so far are on disk
        }
        report.accept(done.failure() == null
                ? Message.event(t("client.capture.stopped", done.bytes(), done.file()))
                : Message.error(I18n.error(SocketError.from(done.failure()))));
    }
}
