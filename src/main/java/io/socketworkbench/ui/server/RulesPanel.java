package io.socketworkbench.ui.server;
import io.socketworkbench.session.ReplyRule;
import io.socketworkbench.ui.model.ReplyRules;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.common.Shown;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.i18n.I18n;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The auto-reply rules ({@code server-rules}): the ordered list ({@code server-rules-list}) and a form for a new
 * rule, when ({@code server-rule-match}, {@code server-rule-pattern}) and what ({@code server-rule-reply},
 * {@code server-rule-format}, {@code server-rule-payload}, {@code server-rule-delay}), added with
 * {@code server-rule-add}. It edits {@link ReplyRules}; the transcript shows each reply as the engine sent it.
 */
final class RulesPanel extends TitledPane {
    private final ReplyRules rules;
    private final Supplier<Charset> charset;
    private final ListView<ReplyRules.Rule> list = new ListView<>();
    private final ComboBox<ReplyRule.Match> match = new ComboBox<>(
            FXCollections.observableArrayList(ReplyRule.Match.values()));
    private final TextField pattern = new TextField();
    private final ComboBox<ReplyRule.Reply> reply = new ComboBox<>(
            FXCollections.observableArrayList(ReplyRule.Reply.values()));
    private final ComboBox<PayloadFormat> format = new ComboBox<>(
            FXCollections.observableArrayList(PayloadFormat.values()));
    private final TextField payload = new TextField();
    private final TextField delay = new TextField("0");
    private final Label problem = new Label();

    RulesPanel(ReplyRules rules, Supplier<Charset> charset) {
        this.rules = rules;
        this.charset = charset;
        setId("server-rules");
        setExpanded(false);
        setAnimated(false);
        list.setId("server-rules-list");
        list.setPrefHeight(72);
        list.setMinHeight(48);
        list.setPlaceholder(new Label(t("rules.none")));
        list.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ReplyRules.Rule rule, boolean empty) {
                super.updateItem(rule, empty);
                setText(empty || rule == null ? null : (getIndex() + 1) + ". " + describe(rule));
            }
        });
        rules.rules().observe(all -> {
            list.getItems().setAll(all);
            setText(t("rules.title.count", all.size()));
        });

        match.setId("server-rule-match");
        match.setValue(ReplyRule.Match.CONTAINS);
        match.setConverter(named("rules.match."));
        pattern.setId("server-rule-pattern");
        pattern.setPromptText(t("rules.pattern"));
        pattern.disableProperty().bind(match.valueProperty().isEqualTo(ReplyRule.Match.ANY));
        HBox.setHgrow(pattern, Priority.ALWAYS);
        reply.setId("server-rule-reply");
        reply.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        match.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reply.setValue(ReplyRule.Reply.PAYLOAD);
        reply.setConverter(named("rules.reply."));
        format.setId("server-rule-format");
        format.setValue(PayloadFormat.TEXT);
        format.setConverter(named("input.format."));
        format.disableProperty().bind(reply.valueProperty().isEqualTo(ReplyRule.Reply.ECHO));
        payload.setId("server-rule-payload");
        payload.setPromptText(t("rules.payload"));
        payload.disableProperty().bind(reply.valueProperty().isEqualTo(ReplyRule.Reply.ECHO));
        HBox.setHgrow(payload, Priority.ALWAYS);
        delay.setId("server-rule-delay");
        delay.setPrefColumnCount(5);
        problem.setId("server-rule-problem");
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);

        Button add = Buttons.withIcon(t("rules.add"), new FontIcon(MaterialDesignP.PLUS));
        add.setId("server-rule-add");
        add.setOnAction(e -> addRule());
        Button remove = Buttons.withIcon(t("rules.remove"), new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setId("server-rule-remove");
        remove.setOnAction(e -> rules.remove(list.getSelectionModel().getSelectedIndex()));
        Button up = Buttons.iconOnly(new FontIcon(MaterialDesignA.ARROW_UP), t("rules.up"));
        up.setId("server-rule-up");
        up.setOnAction(e -> select(rules.move(list.getSelectionModel().getSelectedIndex(), -1)));
        Button down = Buttons.iconOnly(new FontIcon(MaterialDesignA.ARROW_DOWN), t("rules.down"));
        down.setId("server-rule-down");
        down.setOnAction(e -> select(rules.move(list.getSelectionModel().getSelectedIndex(), 1)));

        HBox when = row(new Label(t("rules.when")), match, pattern);
        HBox then = row(new Label(t("rules.then")), reply, format, payload, new Label(t("rules.after")), delay,
                new Label(t("rules.ms")));
        HBox actions = row(add, remove, up, down, problem);
        // How rules are checked, on the title: the panel is short of height in a crowded pane.
        setTooltip(new javafx.scene.control.Tooltip(t("rules.note")));
        getTooltip().setWrapText(true);
        getTooltip().setMaxWidth(420);
        VBox content = new VBox(6, when, then, actions, list);
        io.socketworkbench.ui.common.Deferred.content(this, content);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node node : nodes) {
            if (node instanceof Label label) {
                label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        return row;
    }

    private void select(int index) {
        list.getSelectionModel().select(index);
    }

    private void addRule() {
        problem.setVisible(false);
        long ms;
        try {
            ms = Long.parseLong(delay.getText().strip());
        } catch (NumberFormatException e) {
            ms = -1;
        }
        try {
            rules.add(ReplyRules.Rule.of(match.getValue(), pattern.getText(), reply.getValue(), format.getValue(),
                    payload.getText(), ms, charset.get()));
            list.getSelectionModel().selectLast();
        } catch (PayloadSyntaxException e) {
            show(I18n.syntax(e));
        } catch (PatternSyntaxException e) {
            show(t("rules.badRegex", e.getDescription()));
        } catch (IllegalArgumentException e) {
            show(t("rules.badDelay"));
        }
    }

    private void show(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    private static String describe(ReplyRules.Rule rule) {
        String when = switch (rule.match()) {
            case ANY -> t("rules.describe.any");
            case CONTAINS -> t("rules.describe.contains", rule.pattern());
            case REGEX -> t("rules.describe.regex", rule.pattern());
            case HEX_PREFIX -> t("rules.describe.hex", rule.pattern());
        };
        String then = rule.reply() == ReplyRule.Reply.ECHO ? t("rules.describe.echo")
                : t("rules.describe.payload", rule.payload(),
                        t("input.format." + rule.format().name().toLowerCase(Locale.ROOT)));
        return when + " \u2192 " + then + (rule.delayMillis() > 0 ? t("rules.describe.after", rule.delayMillis()) : "");
    }

    private static <E extends Enum<E>> StringConverter<E> named(String prefix) {
        return Shown.as(value -> t(prefix + value.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }
}
