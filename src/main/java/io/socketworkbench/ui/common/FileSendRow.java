package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.model.FileSender;
import io.socketworkbench.ui.model.FileTarget;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.Sizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Sending a file from the message box: the paperclip button ({@code <prefix>-send-file}) that chooses one, and the
 * row that shows a send's progress ({@code -file-progress}) with its Cancel ({@code -file-cancel}) while it runs.
 * The file goes where the pane's target says at the moment of sending; the transcript hears how it went.
 */
final class FileSendRow extends HBox {
    private final FileSender files;
    private final Button button = new Button();
    private final Consumer<String> problem;
    private final Runnable noProblem;
    private Supplier<FileTarget> target = () -> null;
    private Consumer<Message> notes = m -> { };

    FileSendRow(String prefix, FileSender files, Consumer<String> problem, Runnable noProblem) {
        super(6);
        this.files = files;
        this.problem = problem;
        this.noProblem = noProblem;
        button.setId(prefix + "-send-file");
        button.setGraphic(new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PAPERCLIP));
        button.setTooltip(new javafx.scene.control.Tooltip(t("input.file.tip")));
        button.getStyleClass().add("flat");
        button.setOnAction(e -> choose());
        ProgressBar progress = new ProgressBar(0);
        progress.setId(prefix + "-file-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label status = new Label();
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button cancel = new Button(t("input.file.cancel"));
        cancel.setId(prefix + "-file-cancel");
        cancel.getStyleClass().add("flat");
        cancel.setOnAction(e -> files.cancel());
        getChildren().addAll(progress, status, cancel);
        setAlignment(Pos.CENTER_LEFT);
        files.running().observe(on -> {
            setVisible(on);
            setManaged(on);
            button.setDisable(on);
        });
        files.progress().observe(p -> {
            progress.setProgress(p[1] == 0 ? 0 : (double) p[0] / p[1]);
            long rate = p[2] <= 0 ? 0 : (long) (p[0] * 1e9 / p[2]);
            status.setText(t("input.file.progress", Sizes.human(p[0]), Sizes.human(p[1]), Sizes.human(rate)));
        });
    }

    /** The paperclip, which stands beside Send. */
    Button button() {
        return button;
    }

    FileSender files() {
        return files;
    }

    /** Where files go (read at the moment of sending), and who hears how each send went. */
    void goTo(Supplier<FileTarget> where, Consumer<Message> transcript) {
        target = where;
        notes = transcript;
    }

    private void choose() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(t("input.file.choose"));
        java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            send(file.toPath());
        }
    }

    /** Sends {@code file}'s bytes as they are (no line ending or checksum), with progress and a Cancel. */
    void send(Path file) {
        if (files.running().get()) {
            problem.accept(t("input.file.busy"));
            return;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problem.accept(t("input.file.unreadable", file));
            return;
        }
        FileTarget to = target.get();
        if (to == null || to.send() == null) {
            problem.accept(to == null ? t("input.notConnected") : to.problem());
            return;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (java.io.IOException e) {
            problem.accept(t("input.file.unreadable", file));
            return;
        }
        noProblem.run();
        String name = String.valueOf(file.getFileName());
        notes.accept(Message.event(t("input.file.sending", name, Sizes.human(size), to.peer())));
        files.start(file, to.send(), outcome -> notes.accept(outcome.complete()
                ? Message.event(t("input.file.sent", name, Sizes.human(outcome.sent()),
                        String.format("%.1f", outcome.nanos() / 1e9), Sizes.human((long) outcome.rate())))
                : outcome.cancelled()
                ? Message.event(t("input.file.cancelled", name, Sizes.human(outcome.sent()),
                        Sizes.human(outcome.size())))
                : Message.error(t("input.file.failed", name, Sizes.human(outcome.sent()), outcome.failure()))));
    }
}
