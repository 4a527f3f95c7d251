package io.socketworkbench.ui.common;

import io.socketworkbench.session.QuickItem;import io.socketworkbench.ui.model.SequenceRunner;
import io.socketworkbench.ui.model.QuickList;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.i18n.I18n;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.ui.fx.EventPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * A pane's quick messages: a list (one click on a row's ▶, or Ctrl+1…9, sends it; a click loads it into the
 * editor below), an editor, delays, the whole list run as a sequence (once or in a loop), import and export.
 * The list lives in {@link QuickList}; it is kept in the user's config folder when the app gives one.
 */
public final class QuickPanel extends TitledPane {
    /** Where lists are kept ({@code quick-client.txt}, ...); none in tests, so they leave nothing behind. */
    private static volatile Path storeDir;

    private final QuickList list = new QuickList();
    private final SequenceRunner sequence;
    private final ObservableList<QuickItem> rows = FXCollections.observableArrayList();
    private final ListView<QuickItem> view = new ListView<>(rows);
    private final TextField name = new TextField();
    private final ComboBox<PayloadFormat> format = new ComboBox<>(FXCollections.observableArrayList(
            PayloadFormat.TEXT, PayloadFormat.ESCAPES, PayloadFormat.HEX, PayloadFormat.PYTHON));
    private final TextField payload = new TextField();
    private final TextField delay = new TextField("500");
    private final Label stepLabel = new Label();
    private final Function<QuickItem, String> send;
    private final Path store;
    private final java.util.function.Consumer<String> problems;
    private final HBox notice = new HBox(6);
    private final Label noticeText = new Label();
    /** False when the saved file could not be read whole and no copy of it could be kept: it is not overwritten. */
    private boolean writable = true;

    /** The app keeps lists under {@code dir}; without a call (tests) nothing is read or written. */
    public static void keepListsIn(Path dir) {
        storeDir = dir;
    }

    /**
     * {@code send} sends an item (in its own format, with the input's line ending and checksum) and returns a
     * problem or null; {@code problems} shows one.
     */
    public QuickPanel(String prefix, EventPort port, Function<QuickItem, String> send,
                      java.util.function.Consumer<String> problems) {
        this.send = send;
        this.problems = problems;
        this.sequence = new SequenceRunner(port);
        Path dir = storeDir;
        this.store = dir == null ? null : dir.resolve("quick-" + prefix + ".txt");
        setText(t("quick.title"));
        setId(prefix + "-quick-panel");
        setExpanded(false);
        setAnimated(false);
        getStyleClass().add("quick-panel");

        view.setId(prefix + "-quick");
        view.setPrefHeight(110);
        view.setMinHeight(80);
        view.setPlaceholder(new Label(t("quick.empty")));
        view.setCellFactory(v -> new QuickItemCell(list, sequence, item -> {
            String problem = send.apply(item);
            if (problem != null) {
                problems.accept(problem);
            }
        }));
        view.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> edit(item));

        name.setPromptText(t("quick.name"));
        name.setPrefColumnCount(7);
        name.setMinWidth(60);
        payload.setMinWidth(60);
        format.setValue(PayloadFormat.TEXT);
        format.setConverter(Shown.as(f -> t("input.format." + f.name().toLowerCase(Locale.ROOT))));
        payload.setPromptText(t("quick.payload"));
        HBox.setHgrow(payload, Priority.ALWAYS);
        Button add = icon(MaterialDesignP.PLUS, t("quick.add"));
        add.setId(prefix + "-quick-add");
        add.setOnAction(e -> store(-1));
        Button update = icon(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHECK, t("quick.update"));
        update.setOnAction(e -> store(view.getSelectionModel().getSelectedIndex()));
        Button remove = icon(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DELETE_OUTLINE, t("quick.remove"));
        remove.setOnAction(e -> {
            int at = view.getSelectionModel().getSelectedIndex();
            if (at >= 0) {
                list.remove(at);
            }
        });
        Button up = icon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ARROW_UP, t("quick.up"));
        up.setOnAction(e -> moveSelected(-1));
        Button down = icon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ARROW_DOWN, t("quick.down"));
        down.setOnAction(e -> moveSelected(1));
        for (Button b : new Button[] {add, update, remove, up, down}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox editor = new HBox(6, name, format, payload, add, update, remove, up, down);
        editor.setAlignment(Pos.CENTER_LEFT);

        delay.setPrefColumnCount(5);
        Button addDelay = new Button(t("quick.addDelay"));
        addDelay.setMinWidth(Region.USE_PREF_SIZE);
        addDelay.setOnAction(e -> addDelay());
        Label ms = new Label(t("input.repeat.ms").replace(",", "").replace("，", ""));
        ms.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton run = new ToggleButton(t("quick.run"));
        run.setId(prefix + "-quick-run");
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setTooltip(new Tooltip(t("quick.runTip")));
        CheckBox loop = new CheckBox(t("quick.loop"));
        loop.setId(prefix + "-quick-loop");
        loop.setMinWidth(Region.USE_PREF_SIZE);
        run.setOnAction(e -> {
            if (run.isSelected()) {
                sequence.start(list.items().get(), loop.isSelected(), send);
                if (!sequence.running().get()) {
                    run.setSelected(false);
                    problems.accept(t("quick.nothingToRun"));
                }
            } else {
                sequence.stop();
            }
        });
        sequence.running().observe(on -> {
            run.setSelected(on);
            run.setText(t(on ? "input.repeat.stop" : "quick.run"));
        });
        sequence.step().observe(at -> {
            stepLabel.setText(at < 0 ? "" : t("quick.step", at + 1, list.items().get().size()));
            view.refresh();
        });
        sequence.stoppedBecause().observe(why -> {
            if (why != null) {
                problems.accept(why);
            }
        });
        Button importButton = new Button(t("quick.import"));
        importButton.setMinWidth(Region.USE_PREF_SIZE);
        importButton.setOnAction(e -> importFile());
        Button exportButton = new Button(t("quick.export"));
        exportButton.setMinWidth(Region.USE_PREF_SIZE);
        exportButton.setOnAction(e -> exportFile());
        // The row wraps where the pane is narrow (a 1024-wide screen, the panes side by side) instead of
        // pushing import and export past its edge.
        javafx.scene.layout.FlowPane sequenceRow = new javafx.scene.layout.FlowPane(6, 4,
                new HBox(6, delay, ms, addDelay), run, loop, stepLabel, new HBox(6, importButton, exportButton));
        sequenceRow.getChildren().forEach(n -> {
            if (n instanceof HBox box) {
                box.setAlignment(Pos.CENTER_LEFT);
            }
        });
        sequenceRow.setAlignment(Pos.CENTER_LEFT);

        notice.setId(prefix + "-quick-notice");
        notice.getStyleClass().add("quick-notice");
        // The whole notice, wrapped over as many lines as it needs: it names the lines that were skipped.
        noticeText.setWrapText(true);
        noticeText.setMinHeight(Region.USE_PREF_SIZE);
        noticeText.setMinWidth(0);
        noticeText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(noticeText, Priority.ALWAYS);
        Button dismiss = new Button(t("quick.dismiss"));
        dismiss.setId(prefix + "-quick-notice-dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> notice.setVisible(false));
        notice.getChildren().addAll(noticeText, dismiss);
        notice.setAlignment(Pos.CENTER_LEFT);
        notice.setVisible(false);
        notice.managedProperty().bind(notice.visibleProperty());
        // Folded at start: its controls join the window (styled, laid out) the first time it opens.
        VBox content = new VBox(4, notice, view, editor, sequenceRow);
        expandedProperty().addListener((o, was, open) -> {
            if (open && getContent() == null) {
                setContent(content);
            }
        });
        if (store != null && java.nio.file.Files.isRegularFile(store)) {
            QuickStore.Loaded loaded = QuickStore.load(store);
            list.replaceAll(loaded.items());
            writable = loaded.writable();
            if (loaded.notice() != null) {
                showNotice(loaded.notice());
            }
        }
        boolean[] loaded = {false};
        list.items().observe(items -> {
            rows.setAll(items);
            if (!loaded[0]) {
                loaded[0] = true; // the list as read: nothing to write back
                return;
            }
            if (store != null && writable) {
                try {
                    list.save(store);
                } catch (IOException e) {
                    problems.accept(I18n.error(io.socketworkbench.engine.SocketError.from(e)));
                }
            }
        });
    }

    /** A notice over the list that stays until dismissed; the panel opens to show it. */
    private void showNotice(String text) {
        noticeText.setText(text);
        noticeText.setTooltip(new Tooltip(text));
        notice.setVisible(true);
        setExpanded(true);
    }

    private static Button icon(org.kordamp.ikonli.Ikon ikon, String tip) {
        Button button = new Button(null, new FontIcon(ikon));
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    public QuickList list() {
        return list;
    }

    public SequenceRunner sequence() {
        return sequence;
    }

    /** Ctrl+1…9: the n-th message (from 1). */
    public void sendNumber(int n) {
        QuickItem item = list.message(n - 1);
        if (item == null) {
            problems.accept(t("quick.noNumber", n));
            return;
        }
        String problem = send.apply(item);
        if (problem != null) {
            problems.accept(problem);
        }
    }

    private void edit(QuickItem item) {
        if (item == null) {
            return;
        }
        if (item.isDelay()) {
            delay.setText(Long.toString(item.delayMillis()));
        } else {
            name.setText(item.name());
            format.setValue(item.format());
            payload.setText(item.payload());
        }
    }

    /** Adds the editor's message ({@code at} < 0) or puts it in place of item {@code at}. */
    private void store(int at) {
        String text = payload.getText();
        if (text.isEmpty()) {
            problems.accept(t("quick.needPayload"));
            return;
        }
        try {
            format.getValue().parse(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (io.socketworkbench.codec.PayloadSyntaxException e) {
            problems.accept(I18n.syntax(e));
            return;
        }
        String title = name.getText().isBlank() ? text : name.getText().strip();
        QuickItem item = QuickItem.message(title, format.getValue(), text);
        if (at < 0) {
            list.add(item);
        } else {
            list.set(at, item);
        }
    }

    private void addDelay() {
        try {
            long ms = Long.parseLong(delay.getText().trim());
            if (ms < 0 || ms > 86_400_000L) {
                throw new NumberFormatException();
            }
            // After the selected item, or at the end.
            int at = view.getSelectionModel().getSelectedIndex();
            list.insert(at < 0 ? -1 : at + 1, QuickItem.delay(ms));
        } catch (NumberFormatException e) {
            problems.accept(t("quick.badDelay"));
        }
    }

    private void moveSelected(int by) {
        int at = view.getSelectionModel().getSelectedIndex();
        if (at >= 0) {
            list.move(at, by);
            view.getSelectionModel().select(Math.max(0, Math.min(rows.size() - 1, at + by)));
        }
    }

    private void importFile() {
        javafx.stage.FileChooser chooser = chooser();
        java.io.File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                QuickList.Read read = QuickList.read(file.toPath());
                list.replaceAll(read.items());
                if (!read.skipped().isEmpty()) {
                    showNotice(t("quick.importSkipped", file.getName(), QuickStore.skippedLines(read.skipped())));
                } else if (read.fallback() != null) {
                    showNotice(t("quick.importEncoding", file.getName(), read.fallback().name()));
                }
            } catch (IOException e) {
                problems.accept(I18n.error(io.socketworkbench.engine.SocketError.from(e)));
            }
        }
    }

    private void exportFile() {
        javafx.stage.FileChooser chooser = chooser();
        chooser.setInitialFileName("quick-messages.txt");
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                list.save(file.toPath());
            } catch (IOException e) {
                problems.accept(I18n.error(io.socketworkbench.engine.SocketError.from(e)));
            }
        }
    }

    private static javafx.stage.FileChooser chooser() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(t("quick.fileType"), "*.txt"));
        return chooser;
    }
}
