package io.socketworkbench.ui.server;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.common.Buttons;
import java.time.LocalTime;
import java.util.List;
import java.time.format.DateTimeFormatter;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The server's connection log: timestamped lines, bounded, filterable and copyable. */
final class LogView extends VBox {
    static final int MAX_LINES = 5000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final FilteredList<String> shown = new FilteredList<>(lines);
    private final ListView<String> list = new ListView<>(shown);

    /** Lines logged since the list last caught up (once a pulse). */
    private final List<String> arriving = new java.util.ArrayList<>();

    LogView() {
        list.setId("server-log");
        list.getStyleClass().add("log");
        // One line a row: a fixed height, so that a burst of lines and the scroll to the newest measure no rows.
        list.setCellFactory(view -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String line, boolean empty) {
                    super.updateItem(line, empty);
                    setText(empty ? null : line);
                }
            };
            io.socketworkbench.ui.common.Lists.fixRowHeight(view, cell);
            return cell;
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        TextField filter = new TextField();
        filter.setPromptText(t("server.log.filter"));
        filter.setId("server-log-filter");
        filter.textProperty().addListener((o, a, text) -> shown.setPredicate(
                text == null || text.isBlank() ? null : line -> line.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT))));
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button copy = Buttons.withIcon(t("server.log.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", shown));
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox bar = new HBox(6, filter, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, list);
        setSpacing(4);
    }

    void add(String line) {
        arriving.add(TIME.format(LocalTime.now()) + "  " + line);
        // One change to the list and one scroll a pulse, however many lines a burst adds (a change and a scroll
        // per line starve the FX thread).
        if (arriving.size() == 1) {
            io.socketworkbench.ui.common.BeforeLayout.run(list, this::flush);
        }
    }

    private void flush() {
        if (arriving.isEmpty()) {
            return;
        }
        List<String> batch = arriving.size() > MAX_LINES ? arriving.subList(arriving.size() - MAX_LINES,
                arriving.size()) : arriving;
        int over = lines.size() + batch.size() - MAX_LINES;
        if (over > 0) {
            lines.remove(0, Math.min(over, lines.size()));
        }
        lines.addAll(batch);
        arriving.clear();
        list.scrollTo(shown.size() - 1);
    }

    ObservableList<String> lines() {
        return lines;
    }
}
