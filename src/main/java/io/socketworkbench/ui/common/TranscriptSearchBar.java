package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.TranscriptSearch;
import java.nio.charset.Charset;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A transcript's search: {@code <prefix>-search} (Enter: next, Shift+Enter: previous), {@code -search-hex} to search
 * for hex bytes, {@code -search-prev}, {@code -search-next} and {@code -search-count}. It searches every message the
 * transcript holds; the list's cells mark each bubble that has a match. The field always stands in the
 * transcript's bar; the rest of the row shows while a search is being typed or holds text, so that it takes no
 * room from the transcript until wanted. Escape clears it.
 */
final class TranscriptSearchBar {
    private final TranscriptSearch search;
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final HBox row;

    /**
     * {@code charsetChoice} changes re-run the search in the {@code charset} it gives; {@code go} shows a match
     * (null: none) and {@code list} is refreshed to mark them.
     */
    TranscriptSearchBar(String prefix, TranscriptSearch search, ObservableValue<?> charsetChoice,
                        Supplier<Charset> charset, ListView<Message> list, Consumer<Message> go) {
        this.search = search;
        field.setId(prefix + "-search");
        field.setPromptText(t("search.prompt"));
        javafx.scene.control.ToggleButton hex = new javafx.scene.control.ToggleButton(t("search.hex"));
        hex.setId(prefix + "-search-hex");
        hex.setTooltip(new javafx.scene.control.Tooltip(t("search.hex.tooltip")));
        Button previous = Buttons.iconOnly(new FontIcon(MaterialDesignC.CHEVRON_UP), t("search.previous"));
        previous.setId(prefix + "-search-prev");
        Button next = Buttons.iconOnly(new FontIcon(MaterialDesignC.CHEVRON_DOWN), t("search.next"));
        next.setId(prefix + "-search-next");
        count.setId(prefix + "-search-count");
        count.getStyleClass().add("search-count");
        Runnable find = () -> {
            field.getStyleClass().remove("invalid");
            try {
                search.find(field.getText(), hex.isSelected(), charset.get());
            } catch (io.socketworkbench.codec.PayloadSyntaxException e) {
                field.getStyleClass().add("invalid");
                search.find("", false, charset.get());
                count.setText(io.socketworkbench.ui.i18n.I18n.syntax(e));
                list.refresh();
                return;
            }
            showCount();
            list.refresh();
        };
        field.textProperty().addListener((o, a, b) -> find.run());
        hex.selectedProperty().addListener((o, a, b) -> find.run());
        charsetChoice.addListener((o, a, b) -> find.run());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                go.accept(e.isShiftDown() ? search.previous() : search.next());
                e.consume();
            }
        });
        previous.setOnAction(e -> go.accept(search.previous()));
        next.setOnAction(e -> go.accept(search.next()));
        row = new HBox(6, hex, previous, next, count);
        row.setAlignment(Pos.CENTER_RIGHT);
        field.setPrefColumnCount(9);
        field.setMinWidth(70);
        row.visibleProperty().bind(field.focusedProperty().or(field.textProperty().isNotEmpty())
                .or(hex.selectedProperty()).or(previous.focusedProperty()).or(next.focusedProperty()));
        row.managedProperty().bind(row.visibleProperty());
        field.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                field.clear();
                hex.setSelected(false);
                list.requestFocus();
            }
        });
    }

    TextField field() {
        return field;
    }

    HBox row() {
        return row;
    }

    void showCount() {
        count.setText(!search.active() ? "" : search.count() == 0 ? t("search.none")
                : search.position() == 0 ? t("search.found", search.count())
                : t("search.count", search.position(), search.count()));
    }
}
