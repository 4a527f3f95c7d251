package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.session.Outgoing;
import io.socketworkbench.ui.model.Repeater;
import io.socketworkbench.ui.model.Sizes;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * Repeat ({@code <prefix>-repeat}) every {@code -repeat-interval} ms, {@code -repeat-count} times (0: until
 * stopped): the message box's message, built anew for each send when it has placeholders. The count sent so far
 * shows in {@link #status()}, which stands under the input.
 */
final class RepeatRow extends HBox {
    private final ToggleButton repeat = new ToggleButton();
    private final TextField interval = new TextField("1000");
    private final TextField count = new TextField("0");
    private final Label status = new Label();
    private final Repeater repeater;
    private final Consumer<String> problem;
    private final Supplier<Outgoing> message;
    private final Function<byte[], String> onSend;

    /**
     * {@code message} is what the box says (null when it is not valid, the problem shown already); {@code onSend}
     * hands each message's bytes to the session and returns a problem, or null.
     */
    RepeatRow(String prefix, Repeater repeater, Consumer<String> problem, Supplier<Outgoing> message,
              Function<byte[], String> onSend) {
        super(6);
        this.repeater = repeater;
        this.problem = problem;
        this.message = message;
        this.onSend = onSend;
        repeat.setId(prefix + "-repeat");
        repeat.setText(t("input.repeat"));
        repeat.setGraphic(new FontIcon(MaterialDesignR.REPEAT));
        repeat.setTooltip(new javafx.scene.control.Tooltip(t("input.repeat.tip")));
        repeat.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        interval.setId(prefix + "-repeat-interval");
        interval.setPrefColumnCount(5);
        interval.setTooltip(new javafx.scene.control.Tooltip(t("input.repeat.intervalTip")));
        count.setId(prefix + "-repeat-count");
        count.setPrefColumnCount(4);
        count.setTooltip(new javafx.scene.control.Tooltip(t("input.repeat.countTip")));
        status.getStyleClass().add("repeat-status");
        status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label every = new Label(t("input.repeat.every"));
        Label ms = new Label(t("input.repeat.ms"));
        Label times = new Label(t("input.repeat.times"));
        for (Label l : new Label[] {every, ms, times}) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(repeat, every, interval, ms, count, times);
        setAlignment(Pos.CENTER_LEFT);
        repeat.setOnAction(e -> {
            if (repeat.isSelected()) {
                start();
            } else {
                repeater.stop();
            }
        });
        repeater.running().observe(on -> {
            repeat.setSelected(on);
            repeat.setText(t(on ? "input.repeat.stop" : "input.repeat"));
            interval.setDisable(on);
            count.setDisable(on);
        });
        repeater.sentMessages().observe(n -> showCount());
        repeater.stoppedBecause().observe(why -> {
            if (why != null) {
                problem.accept(why);
            }
        });
    }

    /** How many messages and bytes the repeat has sent, for the line under the input. */
    Label status() {
        return status;
    }

    /** The interval and count as typed, or the defaults (1000 ms, 0) where what is typed is not a setting. */
    long[] setting() {
        long every = number(interval.getText(), 1000);
        long times = number(count.getText(), 0);
        return new long[] {every >= 1 && every <= 86_400_000L ? every : 1000, Math.max(0, times)};
    }

    /** Shows a workspace's interval and count. */
    void show(long every, long times) {
        interval.setText(Long.toString(every));
        count.setText(Long.toString(times));
    }

    private static long number(String text, long otherwise) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    Repeater repeater() {
        return repeater;
    }

    private void start() {
        long every;
        long times;
        try {
            every = Long.parseLong(interval.getText().trim());
            times = Long.parseLong(count.getText().trim());
        } catch (NumberFormatException e) {
            every = -1;
            times = -1;
        }
        if (every < 1 || every > 86_400_000L || times < 0) {
            repeat.setSelected(false);
            problem.accept(t("input.repeat.bad"));
            return;
        }
        Outgoing outgoing = message.get();
        if (outgoing == null) {
            repeat.setSelected(false);
            return;
        }
        if (!outgoing.varies()) {
            byte[] same = outgoing.wire(1);
            repeater.start(every, times, n -> same, onSend);
        } else {
            repeater.start(every, times, outgoing::wire, onSend);
        }
    }

    private void showCount() {
        long n = repeater.sentMessages().get();
        status.setText(n == 0 && !repeater.running().get() ? ""
                : t("input.repeat.sent", n, Sizes.human(repeater.sentBytes().get())));
    }
}
