package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.Sizes;
import io.socketworkbench.ui.model.TrafficStats;

import static io.socketworkbench.ui.i18n.I18n.t;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/**
 * A pane's statistics, shown with its toggle ({@code <prefix>-stats-toggle}, in the pane's title row):
 * {@code <prefix>-stats} (the counts and rates) and {@code <prefix>-rate-chart} (in and out per second over the
 * last two minutes). Both are built when first shown (the chart is the heaviest control a pane has, and most
 * sessions never open it) and follow {@link TrafficStats} once a second while shown; hidden, they take no room
 * from the transcript and cost nothing, and they are brought up to date the moment they show again.
 */
public final class StatsPanel extends HBox {
    private final TrafficStats stats;
    private final Label summary = new Label();
    private final XYChart.Series<Number, Number> in = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> out = new XYChart.Series<>();
    private final ToggleButton toggle = new ToggleButton();

    private final String prefix;
    private boolean built;

    public StatsPanel(String prefix, TrafficStats stats) {
        this.stats = stats;
        this.prefix = prefix;
        setId(prefix + "-stats-panel");
        getStyleClass().add("stats-panel");
        setVisible(false);
        managedProperty().bind(visibleProperty());
        toggle.setId(prefix + "-stats-toggle");
        toggle.setTooltip(new javafx.scene.control.Tooltip(t("stats.title")));
        toggle.setAccessibleText(t("stats.title"));
        toggle.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(
                org.kordamp.ikonli.materialdesign2.MaterialDesignC.CHART_LINE));
        toggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        visibleProperty().bindBidirectional(toggle.selectedProperty());
        visibleProperty().addListener((o, was, shown) -> {
            if (shown) {
                build();
                redraw();
            }
        });
        stats.changed().observe(tick -> {
            if (isVisible()) {
                redraw();
            }
        });
    }

    private void build() {
        if (built) {
            return;
        }
        built = true;
        summary.setId(prefix + "-stats");
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        NumberAxis time = new NumberAxis(-TrafficStats.SECONDS, 0, 20);
        // Seconds ago, as the tooltip says: the label would take a line of height from a crowded pane.
        javafx.scene.control.Tooltip.install(time, new javafx.scene.control.Tooltip(t("stats.axis.time")));
        NumberAxis rate = new NumberAxis();
        rate.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rate.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Sizes.human(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(time, rate);
        chart.setId(prefix + "-rate-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(118);
        chart.setMinHeight(110);
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        in.setName(t("stats.in"));
        out.setName(t("stats.out"));
        chart.getData().add(in);
        chart.getData().add(out);
        // Side by side: a pane open on the statistics still has room for its transcript and its input.
        summary.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox.setHgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        setSpacing(8);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(summary, chart);
    }

    private void redraw() {
        summary.setText(t("stats.summary.in", stats.messagesIn(), Sizes.human(stats.bytesIn()),
                Sizes.human(stats.inRate(0)), Sizes.human(stats.peakIn())) + "\n"
                + t("stats.summary.out", stats.messagesOut(), Sizes.human(stats.bytesOut()),
                Sizes.human(stats.outRate(0)), Sizes.human(stats.peakOut()))
                + (stats.wireIn() < 0 ? "" : "\n" + t("stats.wire", Sizes.human(stats.wireIn()),
                        Sizes.human(stats.wireOut()))));
        List<XYChart.Data<Number, Number>> ins = new ArrayList<>(TrafficStats.SECONDS);
        List<XYChart.Data<Number, Number>> outs = new ArrayList<>(TrafficStats.SECONDS);
        for (int ago = TrafficStats.SECONDS - 1; ago >= 0; ago--) {
            ins.add(new XYChart.Data<>(-ago, stats.inRate(ago)));
            outs.add(new XYChart.Data<>(-ago, stats.outRate(ago)));
        }
        in.getData().setAll(ins);
        out.getData().setAll(outs);
    }

    /** The switch that shows the statistics; the pane puts it in its title row. */
    public ToggleButton toggle() {
        return toggle;
    }
}
