package io.socketworkbench.ui.exercise;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.exercise.Batch;
import io.socketworkbench.lesson.exercise.Check;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.model.GradeSession;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Exercises → Grade a folder… ({@code grade}): the submissions folder ({@code grade-folder}), the command with
 * {@code {}} for each submission's folder ({@code grade-command}), Start and Cancel ({@code grade-start}), a
 * progress bar ({@code grade-progress}) and line ({@code grade-status}), a table of submissions × checks that
 * fills in as each is graded ({@code grade-table}: ✓, or ✗ with the hint on hover), and Export report…
 * ({@code grade-export}, CSV or HTML). Bound to a {@link GradeSession}.
 */
public final class GradeWindow {
    private final GradeSession session;
    private final Stage stage = new Stage();
    private final TableView<Batch.Result> table = new TableView<>();
    private final TextField folder = new TextField();
    private final TextField command = new TextField();
    private final Label problem = new Label();
    private Exercise exercise;

    private final Scene like;

    public GradeWindow(EventPort port, Scene like) {
        this.like = like;
        session = new GradeSession(port);
        Label title = new Label(t("grade.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        folder.setId("grade-folder");
        folder.setPromptText(t("grade.folder.prompt"));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(t("exercise.folder.choose"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        choose.setId("grade-folder-choose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(t("grade.folder"));
            File dir = chooser.showDialog(stage);
            if (dir != null) {
                folder.setText(dir.getPath());
            }
        });
        command.setId("grade-command");
        HBox.setHgrow(command, Priority.ALWAYS);
        command.setTooltip(new Tooltip(t("grade.command.tip")));
        ToggleButton start = new ToggleButton();
        Buttons.onOff(start, "grade-start", new javafx.beans.property.SimpleBooleanProperty(true), this::start,
                session::cancel);
        session.running().observe(on -> {
            Buttons.showRunning(start, on, t("grade.start"), t("grade.cancel"), MaterialDesignC.CHECK_ALL);
            folder.setDisable(on);
            command.setDisable(on);
            choose.setDisable(on);
        });
        Label folderLabel = new Label(t("grade.folder"));
        Label commandLabel = new Label(t("exercise.command"));
        for (Label label : new Label[] {folderLabel, commandLabel}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox folderRow = new HBox(6, folderLabel, folder, choose);
        HBox commandRow = new HBox(6, commandLabel, command, start);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        commandRow.setAlignment(Pos.CENTER_LEFT);
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("grade-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        session.progress().observe(p -> bar.setProgress(p[1] == 0 ? 0 : (double) p[0] / p[1]));
        Label status = new Label();
        status.setId("grade-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        session.status().observe(status::setText);
        Button export = new Button(t("grade.export"), new FontIcon(MaterialDesignF.FILE_DOWNLOAD_OUTLINE));
        export.setId("grade-export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        export.setOnAction(e -> chooseExport());
        session.results().observe(all -> export.setDisable(all.isEmpty()));
        HBox progressRow = new HBox(8, bar, export);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        table.setId("grade-table");
        table.getStyleClass().add("grade-table");
        table.setPlaceholder(new Label(t("grade.empty")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        VBox.setVgrow(table, Priority.ALWAYS);
        session.results().observe(this::show);

        VBox root = new VBox(8, title, folderRow, commandRow, problem, progressRow, status, table);
        root.setPadding(new Insets(12));
        root.setId("grade");
        root.getStyleClass().addAll("workbench", "exercise-pane");
        io.socketworkbench.ui.common.ChildWindow.dress(stage, root, like, 0.8, 860, 520);
        stage.setOnHidden(e -> session.cancel());
    }

    /** Shows the window for {@code chosen}, its command suggested with {@code {}} for each submission's folder. */
    public void show(Exercise chosen, String suggested) {
        exercise = chosen;
        stage.setTitle(t("grade.window", chosen.title()));
        io.socketworkbench.ui.common.ChildWindow.restyle(stage, like);
        if (command.getText().isBlank()) {
            command.setText(suggested.replaceFirst("^(\\S+) (\\S+)", "$1 {}/$2"));
        }
        stage.show();
        stage.toFront();
    }

    public GradeSession session() {
        return session;
    }

    public Stage stage() {
        return stage;
    }

    private void start() {
        String said = session.start(exercise, folder.getText(), command.getText());
        problem.setText(said == null ? "" : said);
        problem.setVisible(said != null);
    }

    /** One column a check, in the order the checks first appear; a row a submission. */
    private void show(List<Batch.Result> results) {
        List<String> titles = io.socketworkbench.lesson.exercise.BatchReport.columns(results);
        List<String> shown = table.getColumns().stream().skip(2).map(TableColumn::getText).toList();
        if (table.getColumns().isEmpty() || !shown.equals(titles)) {
            List<TableColumn<Batch.Result, ?>> columns = new ArrayList<>();
            TableColumn<Batch.Result, String> name = new TableColumn<>(t("grade.column.submission"));
            name.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().submission().name()));
            name.setPrefWidth(140);
            TableColumn<Batch.Result, String> verdict = new TableColumn<>(t("grade.column.verdict"));
            verdict.setCellValueFactory(r -> new SimpleStringProperty(r.getValue().passed() ? "\u2713 PASS"
                    : "\u2717 FAIL"));
            verdict.setCellFactory(c -> verdictCell());
            columns.add(name);
            columns.add(verdict);
            for (String checkTitle : titles) {
                TableColumn<Batch.Result, Check> column = new TableColumn<>(checkTitle);
                column.setCellValueFactory(r -> new javafx.beans.property.SimpleObjectProperty<>(
                        r.getValue().report().checks().stream().filter(c -> c.title().equals(checkTitle))
                                .findFirst().orElse(null)));
                column.setCellFactory(c -> checkCell());
                column.setPrefWidth(Math.max(90, Math.min(240, checkTitle.codePoints()
                        .mapToDouble(c -> c >= 0x2E80 ? 13 : 7).sum())));
                columns.add(column);
            }
            table.getColumns().setAll(columns);
        }
        io.socketworkbench.ui.common.Lists.replaceChanged(table.getItems(), results);
    }

    private static TableCell<Batch.Result, String> verdictCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("check-passed", "check-failed");
                if (!empty && text != null) {
                    getStyleClass().add(text.startsWith("\u2713") ? "check-passed" : "check-failed");
                }
            }
        };
    }

    private static TableCell<Batch.Result, Check> checkCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Check check, boolean empty) {
                super.updateItem(check, empty);
                getStyleClass().removeAll("check-passed", "check-failed");
                if (empty || check == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String why = io.socketworkbench.lesson.exercise.BatchReport.why(check);
                setText(check.passed() ? "\u2713" : "\u2717 " + why);
                getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
                // Nothing a student's program printed is markup: a tooltip shows text as it is.
                setTooltip(check.passed() ? null : new Tooltip(check.summary() + "\n" + why));
            }
        };
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t("grade.export"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("grade.files.html"), "*.html"),
                new FileChooser.ExtensionFilter(t("grade.files.csv"), "*.csv"));
        chooser.setInitialFileName("grades-" + exercise.id() + ".html");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            export(file.toPath());
        }
    }

    /** Writes the report; what happened is said on the status line. */
    public void export(Path file) {
        Path named = file.getFileName().toString().matches("(?i).*\\.(csv|html?)$") ? file
                : file.resolveSibling(file.getFileName() + ".html");
        session.export(named);
    }
}
