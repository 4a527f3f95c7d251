package io.socketworkbench.ui.client;
import io.socketworkbench.ui.model.ClientSession;

import static io.socketworkbench.ui.i18n.I18n.t;

import java.io.File;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * "Capture…": every byte the client receives goes to a file, written on the engine thread before the bounded
 * transcript sees it, so the file keeps what the view drops. The session owns the capture; this only toggles it.
 */
final class CaptureButton extends ToggleButton {
    private final ClientSession session;

    CaptureButton(String id, ClientSession session) {
        super(t("client.capture"), new FontIcon(MaterialDesignR.RECORD_CIRCLE_OUTLINE));
        this.session = session;
        setId(id);
        setMinWidth(Region.USE_PREF_SIZE);
        setOnAction(e -> toggle());
        session.capture().on().observe(on -> {
            setSelected(on);
            setText(t(on ? "client.capture.stop" : "client.capture"));
        });
    }

    /** Starts capturing to a file the user picks, or stops and says how much was kept. */
    private void toggle() {
        if (session.capture().on().get()) {
            session.capture().stop();
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("capture.bin");
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            setSelected(false);
            return;
        }
        session.capture().start(file.toPath());
    }
}
