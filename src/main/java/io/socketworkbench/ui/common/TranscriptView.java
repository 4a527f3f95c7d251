package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.TranscriptSearch;
import io.socketworkbench.ui.model.Transcript;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.TextCodec;
import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * A chat-style transcript: received bytes on the left, sent on the right, events centred. It keeps at most
 * {@link #maxMessages} messages, says how many older ones it dropped, and shows only the start of huge messages.
 */
public final class TranscriptView extends VBox {
    /** Bytes of one message rendered in its bubble; the rest is counted, not drawn. */
    static final int PREVIEW_BYTES = 512;
    /** Bytes shown of a message that looks binary, in the text format. */
    static final int BINARY_PREVIEW_BYTES = 128;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<Message> shown = new javafx.collections.transformation.FilteredList<>(messages);
    private final ListView<Message> list = new ListView<>(shown);
    private final ComboBox<PayloadFormat> mode = new ComboBox<>(FXCollections.observableArrayList(
            PayloadFormat.TEXT, PayloadFormat.ESCAPES, PayloadFormat.HEX, PayloadFormat.PYTHON));
    private final ComboBox<String> charset = new ComboBox<>(FXCollections.observableArrayList(
            TextCodec.COMMON_CHARSETS));
    private final Label dropped = new Label();
    private final Transcript model;
    /** Messages the model added, and how many of the oldest it dropped, since the list last caught up. */
    private final List<Message> arriving = new java.util.ArrayList<>();
    private int dropping;
    private boolean flushPending;
    private ScrollBar verticalBar;
    /** New messages scroll into sight until the user scrolls up; scrolling back to the bottom follows again. */
    private boolean following = true;
    /** Format, charset, clear and save: projector mode hides them. */
    private final HBox bar;

    /** A view of {@code model}, which a view model fills; the view only mirrors it. */
    public TranscriptView(String id, Transcript model) {
        this.model = model;
        list.setId(id);
        list.getStyleClass().add("transcript");
        BubbleCell.CopyMenu copyMenu = new BubbleCell.CopyMenu();
        list.setCellFactory(view -> new BubbleCell(list, this::render, search,
                () -> mode.getValue() != PayloadFormat.TEXT, copyMenu));
        list.setPlaceholder(new Label(""));
        list.setMinHeight(0); // it gives way first when a panel opens above it
        VBox.setVgrow(list, Priority.ALWAYS);

        mode.setValue(PayloadFormat.TEXT);
        mode.setConverter(Shown.as(format -> t("transcript.mode."
                + format.name().toLowerCase(java.util.Locale.ROOT))));
        mode.setId(id + "-mode");
        charset.setValue("UTF-8");
        charset.setEditable(true);
        charset.setPrefWidth(110);
        charset.setId(id + "-charset");
        // Where bytes become text: the tutorial's note on Python 3's encode/decode belongs here.
        charset.setTooltip(new javafx.scene.control.Tooltip(t("lab.python3")));
        mode.valueProperty().addListener((o, a, b) -> list.refresh());
        charset.valueProperty().addListener((o, a, b) -> list.refresh());
        dropped.getStyleClass().add("dropped-note");
        // The note gives way (its tooltip keeps all of it) before the choices do.
        dropped.setMinWidth(0);
        // One tooltip, following the text: a new one each time the count changed cost a popup window a pulse.
        javafx.scene.control.Tooltip droppedTip = new javafx.scene.control.Tooltip();
        droppedTip.textProperty().bind(dropped.textProperty());
        dropped.setTooltip(droppedTip);
        mode.setMinWidth(90);
        charset.setMinWidth(86);
        dropped.setVisible(false);
        dropped.managedProperty().bind(dropped.visibleProperty());

        Button clear = Buttons.withIcon(t("transcript.clear"), new FontIcon(MaterialDesignD.DELETE_SWEEP_OUTLINE));
        clear.setOnAction(e -> clear());
        Button save = Buttons.withIcon(t("transcript.save"), new FontIcon(MaterialDesignF.FILE_DOWNLOAD_OUTLINE));
        save.setOnAction(e -> saveAs());
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        bar = new HBox(6, mode, charset, spring, dropped, clear, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("transcript-bar");
        searchBar = new TranscriptSearchBar(id.replace("-transcript", ""), search, charset.valueProperty(),
                this::charset, list, this::go);
        HBox searchRow = searchBar.row();
        bar.getChildren().add(bar.getChildren().indexOf(dropped), searchBar.field());
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.F) {
                searchBar.field().requestFocus();
                e.consume();
            }
        });
        Buttons.textWhileRoom(bar, clear, save);
        getChildren().addAll(bar, searchRow, list);
        setSpacing(4);
        // The user scrolls with the wheel, the keyboard or the bar; afterwards, at the bottom means follow again.
        list.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> afterUserScroll());
        list.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> afterUserScroll());
        list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> afterUserScroll());
        model.observe(new Transcript.Observer() {
            @Override
            public void added(Message message) {
                arriving.add(message);
                flushSoon();
            }

            @Override
            public void replaced(Message old, Message now) {
                for (int i = arriving.size() - 1; i >= 0; i--) {
                    if (arriving.get(i) == old) {
                        arriving.set(i, now);
                        return;
                    }
                }
                for (int i = messages.size() - 1; i >= 0; i--) {
                    if (messages.get(i) == old) {
                        messages.set(i, now);
                        return;
                    }
                }
            }

            @Override
            public void dropped(int count) {
                dropping += count;
                flushSoon();
            }

            @Override
            public void cleared() {
                arriving.clear();
                dropping = 0;
                messages.clear();
                following = true;
                dropped.setVisible(false);
            }
        });
        model.messages().forEach(messages::add);
    }

    /**
     * The model's changes reach the list once a pulse, together, before that pulse's layout: a flood of a thousand
     * messages is one change to the list, one look at the scroll bar and one scroll, not a thousand.
     */
    private void flushSoon() {
        if (!flushPending) {
            flushPending = true;
            BeforeLayout.run(list, this::flush);
        }
    }

    private void flush() {
        flushPending = false;
        // Follows unless the user has scrolled up to read: what the user did decides, not where the scroll bar
        // happens to be (rows of their own height are measured late, so the bar can lag behind the last row).
        boolean follow = following;
        if (dropping > 0) {
            dropped.setText(t("transcript.dropped", model.droppedCount()));
            dropped.setVisible(true);
        }
        // One message at a time, as the model changed: the list's cells follow small changes cheaply, where one
        // big change makes them all be built and measured again.
        for (Message message : arriving) {
            messages.add(message);
            search.consider(message);
            if (dropping > 0 && messages.size() > 1) {
                int now = Math.min(dropping, messages.size() - 1);
                messages.remove(0, now);
                dropping -= now;
            }
        }
        arriving.clear();
        if (dropping > 0) {
            messages.remove(0, Math.min(dropping, messages.size()));
            dropping = 0;
        }
        if (search.active()) {
            searchBar.showCount();
        }
        if (follow) {
            ScrollToNewest.show(list);
        }
    }

    private final TranscriptSearch search = new TranscriptSearch(() -> messages);
    private TranscriptSearchBar searchBar;

    private void go(Message match) {
        searchBar.showCount();
        list.refresh();
        if (match == null) {
            return;
        }
        int at = shown.indexOf(match);
        if (at >= 0) {
            // The user is reading a match: new messages must not scroll it away.
            following = false;
            list.scrollTo(Math.max(0, at - 1));
        }
    }

    /** For tests and the view: the transcript's search. */
    public TranscriptSearch search() {
        return search;
    }

    /** Puts {@code control} in the bar after the format and charset choices (the framing choice). */
    public void addToBar(javafx.scene.Node control) {
        bar.getChildren().add(2, control);
    }

    /** For local notes that are not engine events (a capture started, a file saved). */
    public void add(Message message) {
        model.add(message);
    }

    /** Projector mode: only the conversation shows. */
    public void projector(boolean on) {
        Projector.hide(on, bar);
        if (on) {
            searchBar.field().clear(); // the field is in the bar, hidden now
        }
    }

    public Transcript model() {
        return model;
    }


    /** Shows only the messages that pass, such as one client's conversation; null shows all. */
    public void filter(java.util.function.Predicate<Message> which) {
        shown.setPredicate(which);
        ScrollToNewest.show(list);
    }

    public void clear() {
        model.clear();
    }

    public List<Message> messages() {
        return model.messages();
    }

    public long keptBytes() {
        return model.keptBytes();
    }

    public long droppedCount() {
        return model.droppedCount();
    }

    public ListView<Message> listView() {
        return list;
    }

    /** After the user's scroll has been laid out, at the bottom means follow; anywhere else, stay put. */
    private void afterUserScroll() {
        javafx.scene.Scene scene = list.getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            following = atBottom();
        };
        io.socketworkbench.ui.fx.FxThread.later(() -> {
            scene.addPostLayoutPulseListener(once[0]);
            io.socketworkbench.ui.fx.FxThread.requestPulse();
        });
    }

    /** True unless the user has scrolled up to read older messages. */
    public boolean following() {
        return following;
    }

    /** Follows new messages unless the user has scrolled up to read older ones. */
    private boolean atBottom() {
        if (verticalBar == null || verticalBar.getScene() != list.getScene()) {
            verticalBar = (ScrollBar) list.lookup(".scroll-bar:vertical"); // a CSS lookup: once, not per flush
        }
        ScrollBar bar = verticalBar;
        return bar == null || !bar.isVisible() || bar.getValue() >= bar.getMax() - 0.01;
    }

    /** The format data shows in ({@code -mode}). */
    public PayloadFormat mode() {
        return mode.getValue();
    }

    /** Shows data in {@code format}, decoding text in {@code charsetName} (a workspace's view). */
    public void show(PayloadFormat format, String charsetName) {
        mode.setValue(format);
        charset.setValue(charsetName);
    }

    public Charset charset() {
        return TextCodec.charset(charset.getValue() == null ? "" : charset.getValue()).orElse(StandardCharsets.UTF_8);
    }

    /** What a bubble shows: the message in the chosen format, cut at {@link #PREVIEW_BYTES}. */
    public String render(Message message) {
        if (!message.isData()) {
            return message.text();
        }
        if (message.status() == Message.Status.REFUSED) {
            return t("transcript.refused", message.text());
        }
        byte[] data = message.data();
        // Binary bytes read as text are a jumble of symbols from many fonts, slow to lay out and of little use:
        // a short start, and a hint to the formats that show them well.
        boolean binary = mode.getValue() == PayloadFormat.TEXT && looksBinary(data);
        int limit = binary ? BINARY_PREVIEW_BYTES : PREVIEW_BYTES;
        byte[] shown = data.length > limit ? java.util.Arrays.copyOf(data, limit) : data;
        String text = mode.getValue().format(shown, charset());
        long hidden = message.size() - shown.length;
        return hidden > 0 ? text + "\n" + t(binary ? "transcript.moreBinary" : "transcript.more", hidden) : text;
    }

    /** More than one in twenty of the first bytes are control codes other than tab and line breaks. */
    static boolean looksBinary(byte[] data) {
        int look = Math.min(data.length, PREVIEW_BYTES);
        int control = 0;
        for (int i = 0; i < look; i++) {
            int b = data[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                control++;
            }
        }
        return look > 0 && control * 20 > look;
    }

    public void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("transcript.txt");
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            save(file.toPath());
        }
    }

    /**
     * Writes what the transcript holds to {@code file} on a background thread (up to 32 MiB of bytes become text
     * there, never on the FX thread); the transcript says when it is done, or why it failed.
     */
    public void save(java.nio.file.Path file) {
        List<Message> held = model.messages();
        io.socketworkbench.ui.fx.Background.run("transcript-save", () -> {
            Message outcome;
            try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Message m : held) {
                    out.append(TIME.format(m.time())).append(' ').append(m.kind().name()).append(' ');
                    if (m.peer() != null) {
                        out.append(m.peer()).append(' ');
                    }
                    out.append(m.isData() ? io.socketworkbench.codec.PythonBytes.repr(m.data()) : m.text())
                            .append('\n');
                }
                outcome = Message.event(t("transcript.saved", held.size(), file));
            } catch (IOException | RuntimeException e) {
                outcome = Message.error(I18n.error(io.socketworkbench.engine.SocketError.from(e)));
            }
            Message result = outcome;
            io.socketworkbench.ui.fx.FxThread.later(() -> model.add(result));
        });
    }
}
