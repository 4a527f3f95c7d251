package io.socketworkbench.ui.exercise;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.Shown;
import io.socketworkbench.ui.model.ClassBoard;
import io.socketworkbench.ui.model.Exposure;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The class board ({@code class-board-window}): the exercise ({@code class-exercise}), where to listen
 * ({@code class-bind}, {@code class-port}; a LAN address is warned of), Start and Stop ({@code class-start}),
 * Reset ({@code class-reset}), Export CSV ({@code class-export}), what is checked on the wire
 * ({@code class-note}), and a row a student machine ({@code class-table}), who needs help on top. Bound to a
 * {@link ClassBoard}.
 */
public final class ClassBoardWindow {
    /** New rows added to the table a frame: the cells of forty at once made one frame of 200 ms (the JIT cold). */
    private static final int NEW_ROWS_A_FRAME = 6;
    private final ClassBoard board;
    private final Stage stage = new Stage();
    private final TableView<Place> table = new TableView<>();
    private final ComboBox<ClassBoard.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(
            ClassBoard.Kind.values()));
    private final Label problem = new Label();
    /** The rows the board published, which the table catches up with a few new rows a frame. */
    private List<ClassBoard.Row> wanted = List.of();
    private final javafx.animation.AnimationTimer catchUp = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!showWanted()) {
                stop();
            }
        }
    };
    private final Scene like;

    public ClassBoardWindow(ClassBoard board, Scene like) {
        this.board = board;
        this.like = like;
        Label title = new Label(t("class.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        kind.setId("class-exercise");
        kind.setValue(ClassBoard.Kind.HOMEWORK_CLIENT);
        kind.setConverter(Shown.as(k -> k.id()));
        ComboBox<String> bind = new ComboBox<>(FXCollections.observableArrayList("127.0.0.1", "0.0.0.0"));
        bind.setId("class-bind");
        bind.setEditable(true);
        bind.setValue("0.0.0.0");
        bind.setPrefWidth(150);
        TextField port = new TextField("37777");
        port.setId("class-port");
        port.setPrefColumnCount(6);
        ToggleButton start = new ToggleButton();
        Buttons.onOff(start, "class-start", new javafx.beans.property.SimpleBooleanProperty(true), () -> {
            int number;
            try {
                number = Integer.parseInt(port.getText().strip());
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65_535) {
                problem.setText(t("class.problem.port", port.getText().strip()));
                problem.setVisible(true);
                start.setSelected(false);
                return;
            }
            problem.setVisible(false);
            board.start(kind.getValue(), bind.getEditor().getText().strip(), number);
        }, board::stop);
        board.running().observe(on -> {
            Buttons.showRunning(start, on, t("class.start"), t("class.stop"), MaterialDesignS.SCHOOL_OUTLINE);
            kind.setDisable(on);
            bind.setDisable(on);
            port.setDisable(on);
        });
        Button reset = new Button(t("class.reset"), new FontIcon(MaterialDesignR.RESTART));
        reset.setId("class-reset");
        reset.setOnAction(e -> board.reset());
        Button export = new Button(t("class.export"), new FontIcon(MaterialDesignF.FILE_DOWNLOAD_OUTLINE));
        export.setId("class-export");
        export.setOnAction(e -> chooseExport());
        for (Region control : new Region[] {reset, export, start}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label kindLabel = new Label(t("class.exercise"));
        Label bindLabel = new Label(t("class.bind"));
        Label portLabel = new Label(t("class.port"));
        for (Region control : new Region[] {kindLabel, bindLabel, portLabel, kind, bind, port}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox where = new HBox(6, kindLabel, kind, bindLabel, bind, portLabel, port);
        where.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(6, start, reset, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        // On a projector's large type the buttons go to a line of their own rather than cut the labels.
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(12, 6, where, actions);
        Label warning = new Label();
        warning.setId("class-exposure");
        warning.getStyleClass().add("warning-line");
        warning.setWrapText(true);
        warning.textProperty().bind(Bindings.createStringBinding(() -> t("server.warnExposed",
                bind.getEditor().getText()), bind.getEditor().textProperty()));
        warning.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> Exposure.exposes(bind.getEditor().getText()), bind.getEditor().textProperty()));
        warning.managedProperty().bind(warning.visibleProperty());
        Label note = new Label();
        note.setId("class-note");
        note.setWrapText(true);
        note.getStyleClass().add("state-line");
        note.textProperty().bind(Bindings.createStringBinding(() -> t("class.note." + kind.getValue().id(),
                String.valueOf(kind.getValue().certificate())), kind.valueProperty()));
        problem.getStyleClass().add("input-problem");
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        Label status = new Label();
        status.setId("class-status");
        status.setWrapText(true);
        board.status().observe(status::setText);

        table.setId("class-table");
        table.getStyleClass().add("grade-table");
        table.setPlaceholder(new Label(t("class.empty")));
        VBox.setVgrow(table, Priority.ALWAYS);
        kind.valueProperty().addListener((o, a, b) -> {
            columns(b);
            port.setText(String.valueOf(b.port())); // the port the exercise's statement names
        });
        columns(kind.getValue());
        board.rows().observe(rows -> {
            wanted = rows;
            if (showWanted()) {
                catchUp.start();
            }
        });

        VBox root = new VBox(8, title, row, warning, note, problem, status, table);
        root.setPadding(new Insets(12));
        root.setId("class-board-window");
        root.getStyleClass().addAll("workbench", "class-board");
        io.socketworkbench.ui.common.ChildWindow.dress(stage, root, like, 0.85, 900, 560);
        stage.setTitle(t("class.title"));
        stage.setOnHidden(e -> board.stop());
    }

    /** Brings the table's places to the rows last published; true when new places are still to come. */
    private boolean showWanted() {
        return io.socketworkbench.ui.common.Lists.showIn(table.getItems(), wanted, NEW_ROWS_A_FRAME, Place::new,
                Place::show);
    }

    /** Shows the board in the main window's type size (large in projector mode). */
    public void show() {
        io.socketworkbench.ui.common.ChildWindow.restyle(stage, like);
        columns(kind.getValue());
        stage.show();
        stage.toFront();
        // After the window's first frame, so that it shows at once.
        io.socketworkbench.ui.fx.Frames.afterNextFrame(() -> prepareRows(0));
    }

    /**
     * Lays the table out with a screenful of rows and takes them away again before anything is drawn, in two frames
     * just after the board opens (each about 150-200 ms here): the rows' cells are made, their code loaded and their
     * looks styled now, not in the frames where the first students arrive (those took 150-220 ms with the cells made
     * there). The second frame also changes every row's values in place, as a publish does: a record's equals,
     * which the checks' cells compare with, is made at its first call.
     */
    private void prepareRows(int turn) {
        if (!table.getItems().isEmpty() || !wanted.isEmpty()) {
            return;
        }
        int checks = kind.getValue().checks().size();
        for (int look = 0; look <= turn; look++) {
            List<ClassBoard.Row> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // A pass, a fail with its hint, undecided: each kind of cell is styled once here.
                int kindOf = (i + look) % 3;
                ClassBoard.Verdict verdict = kindOf == 2 ? null : new ClassBoard.Verdict(kindOf == 0, kindOf == 0
                        ? "" : " ");
                rows.add(new ClassBoard.Row("", "", i + look, java.util.Collections.nCopies(checks, verdict), null,
                        (i + look) % 5 == 0, (i + look) % 2 == 0));
            }
            io.socketworkbench.ui.common.Lists.showIn(table.getItems(), rows, rows.size(), Place::new, Place::show);
            table.applyCss();
            table.layout();
        }
        table.getItems().clear();
        table.applyCss();
        table.layout();
        if (turn == 0) {
            io.socketworkbench.ui.fx.Frames.afterNextFrame(() -> prepareRows(1));
        }
    }

    public Stage stage() {
        return stage;
    }

    public ClassBoard board() {
        return board;
    }

    /** The main window's type size against its normal 13 px: column widths follow it. */
    private double scale() {
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("-fx-font-size:\\s*([0-9.]+)px")
                .matcher(like.getRoot().getStyle() == null ? "" : like.getRoot().getStyle());
        return size.find() ? Math.max(1, Double.parseDouble(size.group(1)) / 13) : 1;
    }

    private void columns(ClassBoard.Kind chosen) {
        double scale = scale();
        List<TableColumn<Place, ?>> columns = new ArrayList<>();
        columns.add(text(t("class.column.address"), p -> p.address, 150 * scale));
        if (chosen == ClassBoard.Kind.CHAT_CLIENT) {
            columns.add(text(t("class.column.name"), p -> p.name, 140 * scale));
        }
        columns.add(text(t("class.column.attempts"), p -> p.attempts, 110 * scale));
        for (int i = 0; i < chosen.checks().size(); i++) {
            int index = i;
            TableColumn<Place, Check> column = new TableColumn<>(t("class.check." + chosen.checks().get(i)));
            column.setCellValueFactory(p -> p.getValue().check(index));
            column.setCellFactory(c -> verdictCell(scale));
            column.setPrefWidth(Math.max(160 * scale, headerWidth(column.getText(), scale)));
            columns.add(column);
        }
        columns.add(text(t("class.column.firstPass"), p -> p.firstPass, 120 * scale));
        table.getColumns().setAll(columns);
        // One line a row, its height from the type size: the table then lays out without measuring each cell.
        table.setFixedCellSize(Math.round(30 * scale));
    }

    /** What a column's title needs, in the header's bold type at the board's size, with room for the padding. */
    private static double headerWidth(String title, double scale) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, 13 * scale));
        return probe.getLayoutBounds().getWidth() + 44 * scale;
    }

    private static TableColumn<Place, String> text(String title, java.util.function.Function<Place,
            javafx.beans.value.ObservableValue<String>> of, double width) {
        TableColumn<Place, String> column = new TableColumn<>(title);
        column.setCellValueFactory(p -> of.apply(p.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    /** A check's cell; its hint's tooltip in the board's type size (a tooltip does not inherit the window's). */
    private static TableCell<Place, Check> verdictCell(double scale) {
        return new TableCell<>() {
            /** Made once, at the cell's first hint: a tooltip is a popup window of its own, slow to make. */
            private Tooltip tip;

            @Override
            protected void updateItem(Check check, boolean empty) {
                super.updateItem(check, empty);
                ClassBoard.Verdict verdict = check == null ? null : check.verdict();
                // Only what changed is set: a class's worth of rows is updated four times a second.
                String style = empty || verdict == null ? null : verdict.passed() ? "check-passed" : "check-failed";
                for (String other : new String[] {"check-passed", "check-failed"}) {
                    if (!other.equals(style)) {
                        getStyleClass().remove(other);
                    } else if (!getStyleClass().contains(other)) {
                        getStyleClass().add(other);
                    }
                }
                setText(empty || check == null ? null : ClassBoard.mark(verdict, check.inProgress()));
                // A tooltip shows text as it is: nothing a student sent is markup.
                if (verdict == null || verdict.passed()) {
                    setTooltip(null);
                } else {
                    if (tip == null) {
                        tip = new Tooltip();
                        tip.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * scale));
                        tip.setWrapText(true);
                        tip.setMaxWidth(520 * scale);
                    }
                    tip.setText(verdict.why());
                    setTooltip(tip);
                }
            }
        };
    }

    /** What a check's cell shows: its verdict (null: not decided), and whether the attempt is still under way. */
    record Check(ClassBoard.Verdict verdict, boolean inProgress) {
    }

    /**
     * A row of the table: the student machine it shows now, a property a column. The board's rows are sorted anew
     * at each publish; the table's places stay where they are and are told what to show, so that only the cells
     * whose value changed are updated and drawn again (a change to a table's items re-lays out every row: 25 ms a
     * publish with forty machines, and the whole table drawn again).
     */
    public static final class Place {
        private final SimpleStringProperty address = new SimpleStringProperty();
        private final SimpleStringProperty name = new SimpleStringProperty();
        private final SimpleStringProperty attempts = new SimpleStringProperty();
        private final SimpleStringProperty firstPass = new SimpleStringProperty();
        private final List<SimpleObjectProperty<Check>> checks = new ArrayList<>();
        private ClassBoard.Row row;

        void show(ClassBoard.Row shown) {
            row = shown;
            set(address, shown.address());
            set(name, shown.name());
            // An attempt under way: "…" after the count (the checks stay those of the last finished attempt).
            set(attempts, shown.attempts() + (shown.inProgress() ? " \u2026" : "")
                    + (shown.limited() ? " \u26a0 " + t("class.limited") : ""));
            set(firstPass, shown.firstPass() == null ? "" : shown.firstPass());
            for (int i = 0; i < shown.checks().size(); i++) {
                set(check(i), new Check(shown.checks().get(i), shown.inProgress()));
            }
        }

        SimpleObjectProperty<Check> check(int index) {
            while (checks.size() <= index) {
                checks.add(new SimpleObjectProperty<>());
            }
            return checks.get(index);
        }

        /** The board's row it shows now. */
        public ClassBoard.Row row() {
            return row;
        }

        @Override
        public String toString() {
            return String.valueOf(row);
        }

        /** A property is set only when its value differs: a set with an equal value would still redraw its cell. */
        private static <V> void set(javafx.beans.value.WritableObjectValue<V> property, V value) {
            if (!java.util.Objects.equals(property.get(), value)) {
                property.set(value);
            }
        }
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t("class.export"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("grade.files.csv"), "*.csv"));
        chooser.setInitialFileName("class-" + board.kind().id() + ".csv");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            board.export(file.toPath());
        }
    }
}
