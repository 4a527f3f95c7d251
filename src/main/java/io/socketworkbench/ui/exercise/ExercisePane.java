package io.socketworkbench.ui.exercise;
import io.socketworkbench.ui.model.ExerciseSession;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.exercise.Check;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.TitleRow;
import io.socketworkbench.ui.fx.EventPort;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The Exercises panel: the list ({@code exercise-list}), the chosen one's statement, the student's command
 * ({@code exercise-command}) and folder, Check ({@code exercise-check}, Stop while it runs), and the verdicts as
 * ✓/✗ lines with hints ({@code exercise-results}), with the program's output below. Bound to an
 * {@link ExerciseSession}.
 */
public final class ExercisePane extends VBox {
    private final ExerciseSession session;
    private final ListView<Exercise> list = new ListView<>(FXCollections.observableArrayList(Exercise.values()));
    private final TextField command = new TextField();
    private final TextField folder = new TextField();
    private final ToggleButton check = new ToggleButton();
    private final ListView<Check> results = new ListView<>();
    private final ListView<String> output = new ListView<>();
    private final Label problem = new Label();
    private final Label how;
    private final SplitPane parts;
    private final VBox programOutput;
    private final EventPort events;
    /** Built when a folder is first graded. */
    private GradeWindow gradeWindow;

    public ExercisePane(EventPort events, io.socketworkbench.lesson.Lesson lesson) {
        this.events = events;
        session = new ExerciseSession(events, lesson);
        getStyleClass().addAll("pane-card", "exercise-pane");
        setSpacing(8);
        Label title = new Label(t("exercise.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        Label state = new Label();
        state.setId("exercise-state");
        state.getStyleClass().add("state-line");
        session.status().observe(state::setText);

        list.setId("exercise-list");
        list.setPrefHeight(118);
        list.setMinHeight(100);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Exercise item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item.id()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null) {
                session.select(chosen);
            }
        });

        Label statement = new Label();
        statement.setId("exercise-statement");
        statement.setWrapText(true);
        statement.setMinHeight(Region.USE_PREF_SIZE);
        statement.getStyleClass().add("exercise-statement");
        session.selected().observe(exercise -> {
            statement.setText(session.statement());
            command.setPromptText(session.suggestedCommand());
            if (list.getSelectionModel().getSelectedItem() != exercise) {
                list.getSelectionModel().select(exercise);
            }
        });

        command.setId("exercise-command");
        HBox.setHgrow(command, Priority.ALWAYS);
        Label commandLabel = new Label(t("exercise.command"));
        commandLabel.setMinWidth(Region.USE_PREF_SIZE);
        Buttons.onOff(check, "exercise-check", new javafx.beans.property.SimpleBooleanProperty(true), this::startCheck,
                session::stop);
        session.running().observe(on -> {
            Buttons.showRunning(check, on, t("exercise.check"), t("exercise.stop"), MaterialDesignC.CHECK_ALL);
            list.setDisable(on);
            command.setDisable(on);
            folder.setDisable(on);
        });
        command.setOnAction(e -> {
            if (!session.running().get()) {
                check.fire();
            }
        });
        HBox commandRow = new HBox(6, commandLabel, command, check);
        commandRow.setAlignment(Pos.CENTER_LEFT);

        folder.setId("exercise-folder");
        folder.setPromptText(System.getProperty("user.home"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Label folderLabel = new Label(t("exercise.folder"));
        folderLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button choose = new Button(t("exercise.folder.choose"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        choose.setId("exercise-folder-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseFolder());
        choose.disableProperty().bind(folder.disableProperty());
        Button grade = new Button(t("grade.open"), new FontIcon(MaterialDesignF.FOLDER_MULTIPLE_OUTLINE));
        grade.setId("grade-open");
        grade.setMinWidth(Region.USE_PREF_SIZE);
        grade.setTooltip(new javafx.scene.control.Tooltip(t("grade.open.tip")));
        grade.setOnAction(e -> grade());
        HBox folderRow = new HBox(6, folderLabel, folder, choose, grade);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        problem.setId("exercise-problem");
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);

        how = new Label(t("exercise.how"));
        how.setWrapText(true);
        how.setMinHeight(Region.USE_PREF_SIZE);
        how.getStyleClass().add("state-line");

        results.setId("exercise-results");
        results.setPlaceholder(new Label(t("exercise.results.none")));
        results.setCellFactory(v -> new CheckCell(results));
        session.results().observe(checks -> {
            results.getItems().setAll(checks);
            if (!checks.isEmpty()) {
                results.scrollTo(checks.size() - 1);
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);
        results.setMinHeight(60);

        output.setId("exercise-output");
        output.setMinHeight(40);
        VBox.setVgrow(output, Priority.ALWAYS);
        output.getStyleClass().add("exercise-output");
        output.setPlaceholder(new Label(t("exercise.output.none")));
        session.output().observe(lines -> {
            output.getItems().setAll(lines);
            if (!lines.isEmpty()) {
                output.scrollTo(lines.size() - 1);
            }
        });
        Label outputTitle = new Label(t("exercise.output"));
        outputTitle.getStyleClass().add("section-title");

        // Three parts the user can resize: the task (it scrolls when long), the command and the verdicts, and
        // the program's output. The verdicts always keep a share of the height, in projector mode the most.
        VBox task = new VBox(8, list, statement, folderRow, how);
        task.getStyleClass().add("exercise-task");
        ScrollPane taskScroll = new ScrollPane(task);
        taskScroll.setFitToWidth(true);
        taskScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        taskScroll.getStyleClass().add("edge-to-edge");
        VBox verdicts = new VBox(8, commandRow, problem, results);
        programOutput = new VBox(4, outputTitle, output);
        parts = new SplitPane(taskScroll, verdicts, programOutput);
        parts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        parts.setDividerPositions(NORMAL_SPLIT);
        VBox.setVgrow(parts, Priority.ALWAYS);
        getChildren().addAll(TitleRow.of(title, state), parts);
    }

    private void startCheck() {
        String trouble = session.check(command.getText(), folder.getText());
        problem.setText(trouble == null ? "" : trouble);
        problem.setVisible(trouble != null);
        if (trouble != null) {
            check.setSelected(false);
        }
    }

    /** The grading window for the chosen exercise (one, reused), opened. */
    public GradeWindow grade() {
        if (gradeWindow == null) {
            gradeWindow = new GradeWindow(events, getScene());
        }
        gradeWindow.show(session.selected().get(), session.suggestedCommand());
        return gradeWindow;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(t("exercise.folder.choose"));
        java.io.File current = new java.io.File(folder.getText().isBlank() ? System.getProperty("user.home")
                : folder.getText().strip());
        if (current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        java.io.File chosen = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            folder.setText(chosen.getAbsolutePath());
        }
    }

    private static final double[] NORMAL_SPLIT = {0.45, 0.8};
    private static final double PROJECTOR_SPLIT = 0.25;

    /**
     * Projector mode: the explanation and the program's output go, and the verdicts get most of the height; the
     * task scrolls above them.
     */
    public void projector(boolean on) {
        how.setVisible(!on);
        how.setManaged(!on);
        if (on) {
            parts.getItems().remove(programOutput);
            parts.setDividerPositions(PROJECTOR_SPLIT);
        } else {
            if (!parts.getItems().contains(programOutput)) {
                parts.getItems().add(programOutput);
            }
            parts.setDividerPositions(NORMAL_SPLIT);
        }
    }

    public ExerciseSession session() {
        return session;
    }

    public void stop() {
        session.stop();
    }

    /** One verdict: ✓ or ✗, the check and what was seen, and below a failure its hint. */
    private static final class CheckCell extends ListCell<Check> {
        private final Label line = new Label();
        private final Label hint = new Label();
        private final VBox box = new VBox(2, line, hint);

        CheckCell(ListView<Check> view) {
            line.setWrapText(true);
            hint.setWrapText(true);
            hint.getStyleClass().add("exercise-hint");
            for (Label label : new Label[] {line, hint}) {
                label.prefWidthProperty().bind(view.widthProperty().subtract(40));
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            line.getStyleClass().add("check-line");
            hint.managedProperty().bind(hint.visibleProperty());
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Check item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("check-passed", "check-failed");
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            getStyleClass().add(item.passed() ? "check-passed" : "check-failed");
            line.setText((item.passed() ? "✓ " : "✗ ") + item.summary());
            hint.setText(item.hint());
            hint.setVisible(!item.passed() && !item.hint().isEmpty());
            setGraphic(box);
        }
    }
}
