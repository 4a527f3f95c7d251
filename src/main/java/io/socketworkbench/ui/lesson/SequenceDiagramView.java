package io.socketworkbench.ui.lesson;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.SequenceDiagram;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.ScrollToNewest;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The live sequence diagram: a lifeline per endpoint (ip:port), time flowing down, one row per arrow. Rows are
 * list cells, so hundreds of them scroll without cost; runs of the same arrow are already collapsed by the model.
 */
public final class SequenceDiagramView extends VBox {
    private final SequenceDiagram model;
    private final HBox header = new HBox();
    private final ObservableList<SequenceDiagram.Arrow> rows = FXCollections.observableArrayList();
    private final ListView<SequenceDiagram.Arrow> list = new ListView<>(rows);
    private final Label dropped = new Label();
    private List<SequenceDiagram.Lifeline> lifelines = List.of();
    private final Button export;
    private final HBox bar;
    private boolean compact;

    public SequenceDiagramView(SequenceDiagram model) {
        this.model = model;
        setId("sequence-diagram");
        getStyleClass().add("sequence");
        setSpacing(4);
        header.getStyleClass().add("seq-header");
        list.getStyleClass().add("seq-rows");
        list.setCellFactory(v -> new ArrowCell());
        Label empty = new Label(t("seq.empty"));
        empty.setWrapText(true);
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        empty.setPadding(new javafx.geometry.Insets(0, 12, 0, 12));
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label(t("seq.title"));
        title.getStyleClass().add("section-title");
        export = Buttons.withIcon(t("seq.export"), new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
        export.setId("sequence-export");
        export.setOnAction(e -> exportWithChooser());
        dropped.getStyleClass().add("dropped-note");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        bar = new HBox(8, title, dropped, spring, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.managedProperty().bind(bar.visibleProperty());
        getChildren().addAll(bar, header, list);
        refresh();
    }

    /**
     * Beside the panes (projector mode) every row counts: the title bar goes, unless it has a note to show, and
     * the PNG export stays in the File menu.
     */
    public void compact(boolean on) {
        compact = on;
        showBar();
    }

    private void showBar() {
        bar.setVisible(!compact || !dropped.getText().isEmpty());
    }

    /** Redraws from the model; the lesson pane calls it at most once a pulse. */
    public void refresh() {
        lifelines = model.lifelines();
        header.getChildren().setAll(headerCells(lifelines));
        rows.setAll(model.arrows());
        dropped.setText(model.dropped() == 0 ? "" : t("seq.dropped", model.dropped()));
        showBar();
        ScrollToNewest.show(list);
    }

    private static List<VBox> headerCells(List<SequenceDiagram.Lifeline> lines) {
        return lines.stream().map(line -> {
            Label role = new Label(t("seq.role." + line.role().name().toLowerCase(java.util.Locale.ROOT)));
            role.getStyleClass().add("seq-lifeline-label");
            Label address = new Label(line.role() == SequenceDiagram.Role.OTHERS ? "" : line.address());
            address.getStyleClass().add("seq-address");
            address.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            VBox cell = new VBox(role, address);
            cell.setAlignment(Pos.CENTER);
            cell.setMinWidth(0);
            cell.setPrefWidth(1);
            cell.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(cell, Priority.ALWAYS);
            return cell;
        }).toList();
    }

    /** What an arrow says, in the user's language. */
    public static String text(SequenceDiagram.Arrow arrow) {
        String base = switch (arrow.kind()) {
            case CONNECT -> t("seq.connect");
            case DATA, DATAGRAM -> arrow.preview();
            case FIN -> t("seq.fin");
            case HALF_CLOSE -> t("seq.halfClose");
            case RST -> t("seq.rst", arrow.preview());
            case REFUSED -> t("seq.refused", arrow.preview());
            case TLS -> arrow.preview().isEmpty() ? t("seq.tls.encrypted") : arrow.preview();
        };
        if (arrow.kind() == SequenceDiagram.Kind.TLS) {
            base = arrow.count() > 1 ? t("seq.times", base, arrow.count()) + " · " + t("seq.size", arrow.bytes())
                    : t("seq.bytes", base, arrow.bytes());
        } else if (arrow.kind() == SequenceDiagram.Kind.DATA || arrow.kind() == SequenceDiagram.Kind.DATAGRAM) {
            base = arrow.count() > 1 ? t("seq.run", arrow.count(), arrow.bytes(), base)
                    : t("seq.bytes", base, arrow.bytes());
        } else if (arrow.count() > 1) {
            base = t("seq.times", base, arrow.count());
        }
        return base;
    }

    /** One row: every lifeline as a vertical line, and this row's arrow between two of them. */
    static final class ArrowRow extends Region {
        /** Room between a label and its arrow, so that the shaft never underlines the text. */
        private static final double LABEL_GAP = 3;
        private final int lanes;
        private final SequenceDiagram.Arrow arrow;
        private final Label label = new Label();
        private final Line shaft = new Line();
        private final Polygon head = new Polygon();
        private final List<Line> lifelines;

        ArrowRow(int lanes, SequenceDiagram.Arrow arrow) {
            this.lanes = Math.max(1, lanes);
            this.arrow = arrow;
            getStyleClass().add("seq-row");
            lifelines = java.util.stream.IntStream.range(0, this.lanes).mapToObj(i -> {
                Line line = new Line();
                line.getStyleClass().add("seq-lifeline");
                return line;
            }).toList();
            getChildren().addAll(lifelines);
            String kind = "seq-" + arrow.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            shaft.getStyleClass().addAll("seq-arrow", kind);
            head.getStyleClass().addAll("seq-head", kind);
            label.setText(text(arrow));
            label.getStyleClass().addAll("seq-label", kind);
            getChildren().addAll(shaft, head, label);
        }

        @Override
        protected double computePrefHeight(double width) {
            return label.prefHeight(-1) + label.getFont().getSize() * 0.6 + LABEL_GAP;
        }

        @Override
        protected double computePrefWidth(double height) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            double lane = w / lanes;
            for (int i = 0; i < lanes; i++) {
                Line line = lifelines.get(i);
                double x = Math.round(lane * (i + 0.5)) + 0.5;
                line.setStartX(x);
                line.setEndX(x);
                line.setStartY(0);
                line.setEndY(h);
            }
            double x1 = lane * (arrow.from() + 0.5);
            double x2 = lane * (arrow.to() + 0.5);
            double y = Math.round(h - label.getFont().getSize() * 0.3) + 0.5;
            double size = Math.max(5, label.getFont().getSize() * 0.5);
            double dir = Math.signum(x2 - x1);
            shaft.setStartX(x1);
            shaft.setEndX(x2 - dir * size * 0.8);
            shaft.setStartY(y);
            shaft.setEndY(y);
            head.getPoints().setAll(x2, y, x2 - dir * size, y - size * 0.55, x2 - dir * size, y + size * 0.55);
            head.setVisible(dir != 0);
            // A label may run past its arrow's ends, up to the whole row: previews matter more than symmetry.
            double labelWidth = Math.min(label.prefWidth(-1), w - 4);
            double left = Math.max(2, Math.min(w - labelWidth - 2, (x1 + x2) / 2 - labelWidth / 2));
            label.resizeRelocate(left, y - label.prefHeight(-1) - LABEL_GAP, labelWidth, label.prefHeight(-1));
        }
    }

    private final class ArrowCell extends ListCell<SequenceDiagram.Arrow> {
        @Override
        protected void updateItem(SequenceDiagram.Arrow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            ArrowRow row = new ArrowRow(lifelines.size(), item);
            row.prefWidthProperty().bind(list.widthProperty().subtract(24));
            setGraphic(row);
        }

        /** As tall as its row: the theme's fixed cell height would leave a gap under every arrow. */
        @Override
        protected double computePrefHeight(double width) {
            return getGraphic() == null ? super.computePrefHeight(width)
                    : getGraphic().prefHeight(-1) + snappedTopInset() + snappedBottomInset();
        }
    }

    /** Asks where, then writes the whole diagram as a PNG; a failure is said where the dropped-rows note goes. */
    public void exportWithChooser() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("sequence.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            exportPng(file.toPath(), Math.max(640, getWidth())).whenComplete((height, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    io.socketworkbench.ui.fx.FxThread.later(() -> {
                        dropped.setText(io.socketworkbench.ui.i18n.I18n.error(
                                io.socketworkbench.engine.SocketError.from(cause)));
                        showBar();
                    });
                }
            });
        }
    }

    /** Rows drawn per snapshot: a JavaFX texture has a size limit, a PNG has none. */
    private static final int ROWS_PER_STRIP = 120;

    /**
     * Writes the whole diagram (every kept row, not just the visible ones) as a PNG {@code width} pixels wide,
     * in the window's current theme. FX thread: the rows are pictured here; the encoding and the file's writing
     * happen on a background thread. The future completes with the image's height once the file is written.
     */
    public java.util.concurrent.CompletableFuture<Integer> exportPng(Path file, double width) {
        List<SequenceDiagram.Arrow> all = model.arrows();
        List<SequenceDiagram.Lifeline> lines = model.lifelines();
        java.util.List<WritableImage> strips = new java.util.ArrayList<>();
        for (int start = 0; start == 0 || start < all.size(); start += ROWS_PER_STRIP) {
            VBox strip = new VBox();
            strip.getStyleClass().add("seq-export");
            if (start == 0) {
                HBox head = new HBox();
                head.getStyleClass().add("seq-header");
                head.getChildren().setAll(headerCells(lines));
                strip.getChildren().add(head);
            }
            for (SequenceDiagram.Arrow arrow : all.subList(start, Math.min(all.size(), start + ROWS_PER_STRIP))) {
                ArrowRow row = new ArrowRow(lines.size(), arrow);
                row.setPadding(new javafx.geometry.Insets(0, 6, 0, 6));
                strip.getChildren().add(row);
            }
            strips.add(snapshot(strip, width));
        }
        int w = (int) Math.ceil(strips.get(0).getWidth());
        int h = strips.stream().mapToInt(s -> (int) Math.ceil(s.getHeight())).sum();
        record Pixels(int width, int height, int[] argb) {}
        List<Pixels> read = new java.util.ArrayList<>();
        for (WritableImage strip : strips) {
            int sw = (int) strip.getWidth();
            int sh = (int) strip.getHeight();
            int[] pixels = new int[sw * sh];
            strip.getPixelReader().getPixels(0, 0, sw, sh, PixelFormat.getIntArgbInstance(),
                    IntBuffer.wrap(pixels), sw);
            read.add(new Pixels(sw, sh, pixels));
        }
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            int y = 0;
            for (Pixels strip : read) {
                image.setRGB(0, y, Math.min(strip.width(), w), strip.height(), strip.argb(), 0, strip.width());
                y += strip.height();
            }
            try {
                if (!javax.imageio.ImageIO.write(image, "png", file.toFile())) {
                    throw new IOException("no PNG writer");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return h;
        }, PNG_WRITER);
    }

    /** A background thread for PNG encoding, which can take a second for a long diagram. */
    private static final java.util.concurrent.Executor PNG_WRITER =
            io.socketworkbench.ui.fx.Background.executor("png-export");

    /** Lays out {@code content} off screen with the window's style sheets and theme, and takes its picture. */
    private WritableImage snapshot(VBox content, double width) {
        content.setPrefWidth(width);
        content.setMinWidth(width);
        content.setMaxWidth(width);
        Parent root = new VBox(content);
        root.getStyleClass().addAll(getScene() == null ? List.of() : getScene().getRoot().getStyleClass());
        if (getScene() != null) {
            root.setStyle(getScene().getRoot().getStyle());
        }
        Scene scene = new Scene(root);
        if (getScene() != null) {
            scene.getStylesheets().setAll(getScene().getStylesheets());
        }
        root.applyCss();
        root.layout();
        return root.snapshot(new SnapshotParameters(), null);
    }
}
