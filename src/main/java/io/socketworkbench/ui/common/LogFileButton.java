package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.TrafficLog;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The continuous log's switch ({@code <prefix>-log-file}): start a log (or a log and the raw bytes) to a file the
 * user picks, or stop it. What it writes comes from {@link TrafficLog}; the transcript says when it starts, stops,
 * or fails and why.
 */
public final class LogFileButton extends MenuButton {
    private final TrafficLog log;
    private final Consumer<Message> notes;
    private final String prefix;

    public LogFileButton(String prefix, TrafficLog log, Consumer<Message> notes) {
        this.log = log;
        this.notes = notes;
        this.prefix = prefix;
        setId(prefix + "-log-file");
        setGraphic(new FontIcon(MaterialDesignF.FILE_DOCUMENT_EDIT_OUTLINE));
        setTooltip(new Tooltip(t("log.file.tooltip")));
        setAccessibleText(t("log.file.tooltip"));
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        MenuItem start = new MenuItem(t("log.file.start"));
        start.setId(prefix + "-log-start");
        start.setOnAction(e -> choose(false));
        MenuItem startRaw = new MenuItem(t("log.file.startRaw"));
        startRaw.setId(prefix + "-log-start-raw");
        startRaw.setOnAction(e -> choose(true));
        MenuItem stop = new MenuItem(t("log.file.stop"));
        stop.setId(prefix + "-log-stop");
        stop.setOnAction(e -> stop());
        getItems().addAll(start, startRaw, stop);
        log.active().observe(on -> {
            start.setDisable(on);
            startRaw.setDisable(on);
            stop.setDisable(!on);
            getStyleClass().remove("accent");
            if (on) {
                getStyleClass().add("accent");
            }
        });
        log.problem().observe(why -> {
            if (why != null && !why.isEmpty()) {
                notes.accept(Message.error(t("log.file.failed", why)));
            }
        });
    }

    private void choose(boolean raw) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t("log.file.start"));
        chooser.setInitialFileName("socket-workbench-" + prefix + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            start(file.toPath(), raw);
        }
    }

    /** Starts the log to {@code file} (and its raw bytes beside it when {@code raw}), saying so in the transcript. */
    public void start(Path file, boolean raw) {
        try {
            log.start(file, raw);
            notes.accept(Message.event(raw ? t("log.file.startedRaw", file, TrafficLog.rawFile(file))
                    : t("log.file.started", file)));
        } catch (IOException e) {
            notes.accept(Message.error(I18n.error(SocketError.from(e))));
        }
    }

    public void stop() {
        if (log.active().get()) {
            log.stop();
            notes.accept(Message.event(t("log.file.stopped")));
        }
    }
}
