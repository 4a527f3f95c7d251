package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.FramingModel;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.codec.Framing;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The transcript's framing choice ({@code <prefix>-frame}) and its parameter ({@code <prefix>-frame-param}: the
 * delimiter's hex, the prefix's size, the pause in ms). It only tells the view model's {@link FramingModel}; the
 * transcript shows what the framer makes of the bytes.
 */
public final class FramingPicker extends HBox {

    /** The choices, in the order the menu shows them, with the parameter each starts with. */
    public enum Choice {
        AS_RECEIVED(""), LINE(""), DELIMITER("0d0a"), LENGTH("2"), IDLE("100");

        final String start;

        Choice(String start) {
            this.start = start;
        }

        /** The name's key in the bundles: {@code frame.<key>}, and {@code frame.param.<key>} for a parameter. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** True when the choice takes a parameter (a delimiter, a prefix size, a pause). */
        public boolean takesParameter() {
            return !start.isEmpty();
        }

        String spec(String param) {
            return switch (this) {
                case AS_RECEIVED -> null;
                case LINE -> "line";
                case DELIMITER -> "delim:" + param.replace(" ", "");
                case LENGTH -> "length:" + param.strip();
                case IDLE -> "idle:" + param.strip();
            };
        }
    }

    private final ComboBox<Choice> choice = new ComboBox<>();
    private final TextField param = new TextField();
    private final FramingModel framer;
    /** The spec of the framing in use (null: as received): a parameter being typed does not change it yet. */
    private String inUse;

    public FramingPicker(String prefix, FramingModel framer) {
        super(4);
        this.framer = framer;
        choice.setId(prefix + "-frame");
        param.setId(prefix + "-frame-param");
        choice.getItems().setAll(Choice.values());
        choice.setValue(Choice.AS_RECEIVED);
        choice.setConverter(Shown.as(c -> t("frame." + c.key())));
        choice.setTooltip(new Tooltip(t("frame.tooltip")));
        choice.setPrefWidth(140);
        choice.setMinWidth(96);
        param.setPrefColumnCount(5);
        param.setVisible(false);
        param.managedProperty().bind(param.visibleProperty());
        choice.valueProperty().addListener((o, a, c) -> {
            param.setVisible(c.takesParameter());
            param.setText(c.start);
            apply();
        });
        param.textProperty().addListener((o, a, text) -> apply());
        getChildren().addAll(choice, param);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /** The framing in use as {@code --frame} writes it ({@code line}, {@code delim:0d0a}, ...), or null. */
    public String spec() {
        return inUse;
    }

    /** Shows and uses {@code spec} (null: bytes as they arrived), as {@link #spec()} gives it. */
    public void show(String spec) {
        String kind = spec == null ? "" : spec.replaceFirst(":.*", "");
        Choice c = switch (kind) {
            case "line" -> Choice.LINE;
            case "delim" -> Choice.DELIMITER;
            case "length" -> Choice.LENGTH;
            case "idle" -> Choice.IDLE;
            default -> Choice.AS_RECEIVED;
        };
        choice.setValue(c);
        if (c.takesParameter()) {
            param.setText(spec.substring(spec.indexOf(':') + 1));
        }
    }

    private void apply() {
        Choice c = choice.getValue();
        String spec = c.spec(param.getText());
        param.getStyleClass().remove("invalid");
        if (spec == null) {
            framer.use(null);
            inUse = null;
            return;
        }
        if (c.takesParameter()) {
            param.setTooltip(new Tooltip(t("frame.param." + c.key())));
        }
        try {
            framer.use(Framing.parse(spec));
            inUse = spec;
        } catch (IllegalArgumentException wrong) {
            // The last good framing stays in use until this one reads right; the tooltip says what it takes.
            param.getStyleClass().add("invalid");
        }
    }
}
