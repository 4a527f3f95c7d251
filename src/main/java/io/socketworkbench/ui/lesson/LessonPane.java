package io.socketworkbench.ui.lesson;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.LessonStep;
import io.socketworkbench.ui.common.Buttons;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The classroom panel: the tutorial's steps lighting up as the panes act, TCP states, the sequence diagram and the
 * Python mirror. Below the panes the three stand side by side; beside them (projector mode) the steps keep the
 * height they need and the diagram and the mirror share the rest.
 */
public final class LessonPane extends StackPane {
    /** Room kept beside a wrapped mirror line for the list's scroll bar, which may appear after the line is sized. */
    private static final double SCROLL_BAR_ROOM = 18;

    private final Lesson lesson;
    private final VBox steps = new VBox(4);
    private final Label states = new Label();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ListView<String> mirror = new ListView<>(lines);
    private final SequenceDiagramView sequence;
    private final VBox stepsCard;
    private final VBox mirrorCard;
    private final SplitPane below = new SplitPane();
    /** Below the panes the steps card may be taller than the panel: it scrolls there rather than cut the states. */
    private final ScrollPane belowSteps = new ScrollPane();
    private final SplitPane beside = new SplitPane();
    private final VBox besideColumn = new VBox();
    private boolean refreshPending;
    /** The lesson changed while the panel was hidden. */
    private boolean stale;
    /** What the step rows show now, so an unchanged lesson does not rebuild them. */
    private String stepsShown;
    private boolean compact;
    private final Label title;
    private final Button copy;

    public LessonPane(Lesson lesson) {
        this.lesson = lesson;
        getStyleClass().addAll("lesson");
        sequence = new SequenceDiagramView(lesson.sequence());
        title = new Label(t("lesson.title"));
        title.getStyleClass().addAll("title-4", "pane-title");
        steps.setId("lesson-steps");
        states.setId("lesson-states");
        states.getStyleClass().add("state-line");
        states.setWrapText(true);
        states.setMinHeight(Region.USE_PREF_SIZE);
        stepsCard = new VBox(6, title, steps, states);
        stepsCard.getStyleClass().add("pane-card");
        sequence.getStyleClass().add("pane-card");

        mirror.setId("python-mirror");
        mirror.getStyleClass().add("python-mirror");
        mirror.setCellFactory(v -> new MirrorCell());
        VBox.setVgrow(mirror, Priority.ALWAYS);
        Label mirrorTitle = new Label(t("lesson.mirror"));
        mirrorTitle.getStyleClass().add("section-title");
        copy = Buttons.withIcon(t("lesson.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("python-mirror-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", lines) + "\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox mirrorBar = new HBox(8, mirrorTitle, spring, copy);
        mirrorBar.setAlignment(Pos.CENTER_LEFT);
        mirrorCard = new VBox(4, mirrorBar, mirror);
        mirrorCard.getStyleClass().add("pane-card");

        belowSteps.setFitToWidth(true);
        belowSteps.setFitToHeight(true);
        belowSteps.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        belowSteps.getStyleClass().add("plain-scroll");
        beside.setOrientation(Orientation.VERTICAL);
        VBox.setVgrow(beside, Priority.ALWAYS);
        dock(false);
        lesson.onChange(this::refreshSoon);
        // Shown again (the menu, projector mode): catch up with what happened meanwhile.
        javafx.beans.InvalidationListener shownAgain = o -> {
            if (stale && showing()) {
                refreshSoon();
            }
        };
        visibleProperty().addListener(shownAgain);
        sceneProperty().addListener(shownAgain);
        parentProperty().addListener(shownAgain);
        refresh();
    }

    /** Below the panes the three parts stand side by side; beside them (projector mode) they stack. */
    public void dock(boolean besidePanes) {
        compact = besidePanes;
        if (besidePanes) {
            below.getItems().clear();
            belowSteps.setContent(null);
            beside.getItems().setAll(sequence, mirrorCard);
            beside.setDividerPositions(0.5);
            besideColumn.getChildren().setAll(stepsCard, beside);
            getChildren().setAll(besideColumn);
        } else {
            beside.getItems().clear();
            besideColumn.getChildren().clear();
            belowSteps.setContent(stepsCard);
            below.getItems().setAll(belowSteps, sequence, mirrorCard);
            below.setDividerPositions(0.3, 0.62);
            getChildren().setAll(below);
        }
        title.setVisible(!besidePanes);
        title.setManaged(!besidePanes);
        copy.setContentDisplay(besidePanes ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
        sequence.compact(besidePanes);
        refresh();
    }

    public SequenceDiagramView sequence() {
        return sequence;
    }

    /** A burst of changes (a thousand clients connecting) redraws once, on the next pulse. */
    private void refreshSoon() {
        if (!refreshPending) {
            refreshPending = true;
            io.socketworkbench.ui.fx.FxThread.later(() -> {
                refreshPending = false;
                refresh();
            });
        }
    }

    /** True when this panel and all its ancestors are visible in a scene. */
    private boolean showing() {
        if (getScene() == null) {
            return false;
        }
        for (javafx.scene.Node node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void refresh() {
        if (!showing()) {
            stale = true; // a storm of clients while the panel is hidden costs nothing; it catches up when shown
            return;
        }
        stale = false;
        List<LessonStep> shown = lesson.udp() ? lesson.group() ? LessonStep.GROUP : LessonStep.UDP
                : lesson.tls() ? LessonStep.TLS : LessonStep.TCP;
        var done = lesson.done();
        String stepsKey = shown + "|" + done + "|" + compact + "|" + io.socketworkbench.ui.i18n.I18n.locale();
        if (!stepsKey.equals(stepsShown)) {
            stepsShown = stepsKey;
            rebuildSteps(shown, done);
        }
        states.setText(lesson.udp() ? t("lesson.udpStates")
                : t(compact ? "lesson.statesShort" : "lesson.states", lesson.serverState(), lesson.clientState()));
        List<String> mirrored = lesson.mirror();
        if (mirrored.size() != lines.size() || (!mirrored.isEmpty()
                && !mirrored.get(mirrored.size() - 1).equals(lines.get(lines.size() - 1)))
                || (!mirrored.isEmpty() && !mirrored.get(0).equals(lines.get(0)))) {
            lines.setAll(mirrored);
        }
        sequence.refresh();
        // A plain scroll, not ScrollToNewest: a second scroll after the layout places wrapping rows by stale heights and
        // leaves the newest call off screen (ClassroomTest's mirror test shows it).
        if (!lines.isEmpty()) {
            mirror.scrollTo(lines.size() - 1);
        }
    }

    /** The step rows, rebuilt only when what they show changed (which steps are done, the layout, the protocol). */
    private void rebuildSteps(List<LessonStep> shown, java.util.Set<LessonStep> done) {
        steps.getChildren().clear();
        int number = 1;
        for (LessonStep step : shown) {
            boolean lit = done.contains(step);
            FontIcon icon = new FontIcon(lit ? MaterialDesignC.CHECK_CIRCLE : MaterialDesignC.CIRCLE_OUTLINE);
            icon.getStyleClass().add(lit ? "step-done" : "step-todo");
            String longText = t("lesson.step." + step.key());
            Label row = new Label(number++ + ". " + (compact ? t("lesson.short." + step.key()) : longText), icon);
            row.setTooltip(new Tooltip(longText));
            row.setWrapText(true);
            row.setMinHeight(Region.USE_PREF_SIZE);
            row.getStyleClass().addAll("lesson-step", lit ? "done" : "todo");
            row.setUserData(step);
            steps.getChildren().add(row);
        }
    }

    /**
     * A mirror line as wide as the list, wrapping instead of running off the side, as tall as its lines. The
     * theme gives list cells a fixed height (-fx-cell-size), which would leave gaps under short calls and cut long
     * ones to "…", so the cell measures its own text. It measures as if the scroll bar were already there: the
     * list sizes a cell before it knows it will need one.
     */
    private static final class MirrorCell extends ListCell<String> {
        MirrorCell() {
            // A zero preferred width lets the cell take the list's width and wrap there, never wider.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }

        @Override
        protected double computePrefHeight(double width) {
            Text text = new Text(getText() == null || getText().isEmpty() ? " " : getText());
            text.setFont(getFont());
            double room = width - snappedLeftInset() - snappedRightInset() - SCROLL_BAR_ROOM;
            if (room > 0) {
                text.setWrappingWidth(room);
            }
            return Math.ceil(text.getLayoutBounds().getHeight()) + snappedTopInset() + snappedBottomInset();
        }
    }
}
