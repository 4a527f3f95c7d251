package io.socketworkbench.ui.lesson;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.LessonStep;
import io.socketworkbench.ui.common.Buttons;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The classroom panel: the tutorial's steps lighting up as the panes act, TCP states, and the Python mirror. */
public final class LessonPane extends javafx.scene.control.SplitPane {
    private final Lesson lesson;
    private final VBox steps = new VBox(4);
    private final Label states = new Label();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ListView<String> mirror = new ListView<>(lines);
    private final SequenceView sequence;
    private boolean refreshPending;
    private boolean compact;
    private final Label title;
    private final Button copy;

    public LessonPane(Lesson lesson) {
        this.lesson = lesson;
        getStyleClass().addAll("lesson");
        sequence = new SequenceView(lesson.sequence());
        title = new Label(t("lesson.title"));
        title.getStyleClass().addAll("title-4", "pane-title");
        steps.setId("lesson-steps");
        states.setId("lesson-states");
        states.getStyleClass().add("state-line");
        states.setWrapText(true);
        VBox left = new VBox(6, title, steps, states);
        left.getStyleClass().add("pane-card");
        sequence.getStyleClass().add("pane-card");

        mirror.setId("python-mirror");
        mirror.getStyleClass().add("python-mirror");
        // Cells as wide as the list, so that a long call wraps (projector mode) instead of running off the side.
        mirror.setCellFactory(v -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            // A zero preferred width lets the cell take the list's width and wrap there, never wider.
            cell.setPrefWidth(0);
            return cell;
        });
        VBox.setVgrow(mirror, Priority.ALWAYS);
        Label mirrorTitle = new Label(t("lesson.mirror"));
        mirrorTitle.getStyleClass().add("section-title");
        copy = Buttons.withIcon(t("lesson.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", lines) + "\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox mirrorBar = new HBox(8, mirrorTitle, new HBox(), copy);
        HBox.setHgrow(mirrorBar.getChildren().get(1), Priority.ALWAYS);
        mirrorBar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(4, mirrorBar, mirror);
        right.getStyleClass().add("pane-card");
        getItems().addAll(left, sequence, right);
        dock(false);
        lesson.onChange(this::refreshSoon);
        refresh();
    }

    /** Below the panes the three parts stand side by side; beside them (projector mode) they stack. */
    public void dock(boolean beside) {
        setOrientation(beside ? javafx.geometry.Orientation.VERTICAL : javafx.geometry.Orientation.HORIZONTAL);
        setDividerPositions(beside ? new double[] {0.37, 0.76} : new double[] {0.3, 0.62});
        compact = beside;
        if (beside) {
            // The steps get the height they need; the diagram and the mirror share the rest.
            javafx.application.Platform.runLater(() -> {
                javafx.scene.layout.Region steps = (javafx.scene.layout.Region) getItems().get(0);
                double height = getHeight();
                if (height > 0) {
                    double need = steps.prefHeight(steps.getWidth()) + 12;
                    setDividerPositions(Math.min(0.45, need / height), Math.min(0.8, need / height + 0.4));
                }
            });
        }
        // Stacked, the steps keep their full height; the diagram and the mirror share the rest.
        ((javafx.scene.layout.Region) getItems().get(0)).setMinHeight(beside ? javafx.scene.layout.Region.USE_PREF_SIZE : 0);
        title.setVisible(!beside);
        title.setManaged(!beside);
        var display = beside ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT;
        copy.setContentDisplay(display);
        sequence.compact(beside);
        refresh();
    }

    public SequenceView sequence() {
        return sequence;
    }

    /** A burst of changes (a thousand clients connecting) redraws once, on the next pulse. */
    private void refreshSoon() {
        if (!refreshPending) {
            refreshPending = true;
            javafx.application.Platform.runLater(() -> {
                refreshPending = false;
                refresh();
            });
        }
    }

    private void refresh() {
        List<LessonStep> shown = lesson.udp() ? LessonStep.UDP : LessonStep.TCP;
        var done = lesson.done();
        steps.getChildren().clear();
        int number = 1;
        for (LessonStep step : shown) {
            boolean lit = done.contains(step);
            FontIcon icon = new FontIcon(lit ? MaterialDesignC.CHECK_CIRCLE : MaterialDesignC.CIRCLE_OUTLINE);
            icon.getStyleClass().add(lit ? "step-done" : "step-todo");
            String longText = t("lesson.step." + step.key());
            Label row = new Label(number++ + ". " + (compact ? t("lesson.short." + step.key()) : longText), icon);
            row.setTooltip(new javafx.scene.control.Tooltip(longText));
            row.setWrapText(true);
            row.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            row.getStyleClass().addAll("lesson-step", lit ? "done" : "todo");
            row.setUserData(step);
            steps.getChildren().add(row);
        }
        states.setText(t(compact ? "lesson.statesShort" : "lesson.states", lesson.serverState(), lesson.clientState()));
        lines.setAll(lesson.mirror());
        sequence.refresh();
        if (!lines.isEmpty()) {
            mirror.scrollTo(lines.size() - 1);
        }
    }
}
