package io.socketworkbench.ui.common;

import io.socketworkbench.session.QuickItem;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.model.QuickList;
import io.socketworkbench.ui.model.SequenceRunner;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** A row: ▶ (sends it), its number for Ctrl+1…9, its name and a glimpse of the payload; or a delay. */
final class QuickItemCell extends ListCell<QuickItem> {
    private final QuickList list;
    private final SequenceRunner sequence;
    private final Button go = new Button(null, new FontIcon(MaterialDesignP.PLAY));
    private final FontIcon wait = new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignT.TIMER_OUTLINE);
    private final Label text = new Label();
    private final HBox box = new HBox(6, go, wait, text);

    QuickItemCell(QuickList list, SequenceRunner sequence, Consumer<QuickItem> send) {
        this.list = list;
        this.sequence = sequence;
        go.getStyleClass().addAll("flat", "small");
        go.setTooltip(new Tooltip(t("quick.send")));
        go.setOnAction(e -> {
            QuickItem item = getItem();
            if (item != null && !item.isDelay()) {
                send.accept(item);
            }
        });
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(QuickItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        go.setVisible(!item.isDelay());
        go.setManaged(!item.isDelay());
        wait.setVisible(item.isDelay());
        wait.setManaged(item.isDelay());
        int number = -1;
        int seen = 0;
        for (QuickItem other : list.items().get()) {
            if (other == item) {
                number = item.isDelay() ? -1 : seen + 1;
                break;
            }
            if (!other.isDelay()) {
                seen++;
            }
        }
        String now = sequence.step().get() == getIndex() ? "▸ " : "";
        text.setText(now + (item.isDelay() ? t("quick.delay", item.delayMillis())
                : (number >= 1 && number <= 9 ? "Ctrl+" + number + "  " : "") + item.name() + "  ·  "
                + t("input.format." + item.format().name().toLowerCase(Locale.ROOT))));
        setGraphic(box);
    }
}
