package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.common.Shown;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.lesson.LessonPane;
import io.socketworkbench.ui.model.RecordingReplay;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * A recording replayed into a lesson of its own, in a window of its own ({@code replay}): the steps, the TCP
 * states, the sequence diagram and the Python mirror, as the session drew them, at its pace
 * ({@code replay-pace}) or at once; {@code replay-again} starts it over, {@code replay-stop} stops it, and
 * {@code replay-status} says where it is. The main window's live lesson is not touched.
 */
final class ReplayWindow {
    private final RecordingReplay replay;
    private final Stage stage = new Stage();
    private final ComboBox<RecordingReplay.Pace> pace = new ComboBox<>(
            FXCollections.observableArrayList(RecordingReplay.Pace.values()));
    private final LessonPane lessonPane;
    private Path file;

    private final Scene like;

    ReplayWindow(EventPort port, Scene like) {
        this.like = like;
        replay = new RecordingReplay(new Lesson(), port);
        lessonPane = new LessonPane(replay.lesson());
        Label status = new Label();
        status.setId("replay-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        replay.status().observe(status::setText);
        pace.setId("replay-pace");
        pace.setValue(RecordingReplay.Pace.RECORDED);
        pace.setConverter(Shown.as(p -> t(p == RecordingReplay.Pace.RECORDED ? "replay.pace.recorded"
                : "replay.pace.atOnce", (int) RecordingReplay.LONGEST_PAUSE)));
        pace.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button again = new Button(t("replay.again"), new FontIcon(MaterialDesignR.REPLAY));
        again.setId("replay-again");
        again.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        again.setOnAction(e -> replay.start(file, pace.getValue()));
        pace.valueProperty().addListener((o, a, b) -> replay.start(file, b));
        Button stop = new Button(t("replay.stop"), new FontIcon(MaterialDesignS.STOP));
        stop.setId("replay-stop");
        stop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        stop.setOnAction(e -> replay.stop());
        replay.running().observe(on -> stop.setDisable(!on));
        HBox bar = new HBox(8, status, pace, again, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        bar.getStyleClass().add("replay-bar");
        BorderPane root = new BorderPane(lessonPane);
        root.setId("replay");
        root.setTop(bar);
        root.getStyleClass().add("workbench");
        io.socketworkbench.ui.common.ChildWindow.dress(stage, root, like, 0.85, 900, 520);
        stage.setOnHidden(e -> replay.stop());
    }

    /** Shows the window and tells {@code recording} at the chosen pace. */
    void play(Path recording) {
        file = recording;
        stage.setTitle(t("replay.title", recording.getFileName()));
        io.socketworkbench.ui.common.ChildWindow.restyle(stage, like);
        stage.show();
        stage.toFront();
        replay.start(recording, pace.getValue());
    }

    RecordingReplay replay() {
        return replay;
    }

    LessonPane lessonPane() {
        return lessonPane;
    }

    Stage stage() {
        return stage;
    }
}
