package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.TranscriptSearch;

import static io.socketworkbench.ui.i18n.I18n.t;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * One message of a transcript as a chat bubble: received on the left, sent on the right, events centred, with its
 * time, size and peer above the text. A cell restyles only what changed and lays its text out once where it can:
 * a flood scrolls every visible cell to a new message each pulse.
 */
final class BubbleCell extends ListCell<Message> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Function<Message, String> render;
    private final TranscriptSearch search;
    private final BooleanSupplier mono;
    private final Label meta = new Label();
    /** A Text, not a Label: it lays its text out once per text and width, where a wrapped Label lays it out
     *  again for each of its min, preferred and max sizes (the main cost of a flood of binary bytes). */
    private final javafx.scene.text.Text body = new javafx.scene.text.Text();
    private final VBox bubble = new VBox(2, meta, body);
    private final HBox row = new HBox(bubble);

    BubbleCell(ListView<Message> list, Function<Message, String> render, TranscriptSearch search,
               BooleanSupplier mono, CopyMenu copyMenu) {
        this.render = render;
        this.search = search;
        this.mono = mono;
        body.getStyleClass().add("bubble-text");
        meta.getStyleClass().add("bubble-meta");
        bubble.getStyleClass().add("bubble");
        bubble.maxWidthProperty().bind(list.widthProperty().multiply(0.78));
        bubble.maxWidthProperty().addListener((o, a, b) -> fitText());
        body.fontProperty().addListener((o, a, b) -> fitText()); // CSS: the mono format, projector mode
        setGraphic(row);
        setText(null);
        setOnContextMenuRequested(e -> {
            if (getItem() != null) {
                copyMenu.show(this, body.getText(), e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }

    /**
     * Short text keeps its own width (the bubble hugs it); longer text wraps at the bubble's widest. A line
     * too long to fit even in the narrowest glyphs wraps without being laid out unwrapped first: each layout
     * of a long text costs a flood's pulse milliseconds.
     */
    private void fitText() {
        double widest = bubble.getMaxWidth() - 20;
        if (widest > 0 && longestLine(body.getText()) * NARROWEST_GLYPH * body.getFont().getSize() > widest) {
            body.setWrappingWidth(widest);
            return;
        }
        body.setWrappingWidth(0);
        if (widest > 0 && body.getLayoutBounds().getWidth() > widest) {
            body.setWrappingWidth(widest);
        }
    }

    @Override
    protected void updateItem(Message m, boolean empty) {
        super.updateItem(m, empty);
        if (empty || m == null) {
            setGraphic(null);
            return;
        }
        setGraphic(row);
        List<String> bubbleClasses = new java.util.ArrayList<>(4);
        bubbleClasses.add("bubble");
        bubbleClasses.add(m.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (m.status() != Message.Status.DONE) {
            bubbleClasses.add(m.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (search.isHit(m)) {
            bubbleClasses.add(search.isCurrent(m) ? "search-current" : "search-hit");
        }
        classes(bubble.getStyleClass(), bubbleClasses);
        body.setText(render.apply(m));
        fitText();
        boolean data = m.isData();
        meta.setVisible(data);
        meta.setManaged(data);
        if (data) {
            String peer = m.peer() == null ? "" : " · " + (m.kind() == Message.Kind.RECEIVED
                    ? t("transcript.from", m.peer()) : t("transcript.to", m.peer()));
            if (m.peer() != null && m.peer().contains("\u2192")) {
                peer = " \u00b7 " + m.peer(); // a relay's bubble names both ends, in the order the bytes went
            }
            String status = switch (m.status()) {
                case DONE -> "";
                case PENDING -> " · " + t("transcript.pending");
                case REFUSED -> " · " + t("transcript.notSent");
            };
            meta.setText((m.kind() == Message.Kind.RECEIVED ? "⬇ " : "⬆ ") + TIME.format(m.time()) + " · "
                    + t("transcript.bytes", m.size()) + peer + status);
        }
        row.setAlignment(switch (m.kind()) {
            case RECEIVED -> Pos.CENTER_LEFT;
            case SENT -> Pos.CENTER_RIGHT;
            default -> Pos.CENTER;
        });
        classes(body.getStyleClass(), data && mono.getAsBoolean() ? MONO_TEXT : TEXT);
    }

    /** The bubbles' context menu (Copy), one for a whole list, and the text of the bubble it was opened on. */
    static final class CopyMenu {
        private ContextMenu menu;
        private String text = "";

        /** Made on the first right-click: a menu per cell made cells costly, and a flood makes many cells. */
        void show(javafx.scene.Node owner, String bubbleText, double x, double y) {
            text = bubbleText;
            if (menu == null) {
                MenuItem copy = new MenuItem(t("transcript.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(text);
                    Clipboard.getSystemClipboard().setContent(content);
                });
                menu = new ContextMenu(copy);
            }
            menu.show(owner, x, y);
        }
    }

    /** No glyph of the transcripts' fonts is narrower than this share of the font's size (a space, 'i', '.'). */
    private static final double NARROWEST_GLYPH = 0.2;
    private static final List<String> TEXT = List.of("bubble-text");
    private static final List<String> MONO_TEXT = List.of("bubble-text", "mono");

    /** The number of characters in the longest line of {@code text}. */
    static int longestLine(String text) {
        int longest = 0;
        int start = 0;
        for (int i = 0, n = text == null ? 0 : text.length(); i <= n; i++) {
            if (i == n || text.charAt(i) == '\n') {
                longest = Math.max(longest, i - start);
                start = i + 1;
            }
        }
        return longest;
    }

    /** Sets the classes only when they change: each change makes JavaFX style the node and its children again. */
    private static void classes(javafx.collections.ObservableList<String> now, List<String> wanted) {
        if (!now.equals(wanted)) {
            now.setAll(wanted);
        }
    }
}
