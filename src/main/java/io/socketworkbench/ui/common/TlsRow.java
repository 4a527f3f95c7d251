package io.socketworkbench.ui.common;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.session.TlsChoice;
import io.socketworkbench.ui.model.Protocol;
import io.socketworkbench.ui.model.Value;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The TLS rows of a pane, shown only while TLS is chosen. A client's: the CA file it trusts besides the system's
 * store ({@code client-tls-cafile}), the server name it sends and checks ({@code client-tls-servername}), whether
 * it checks the certificate ({@code client-tls-verify}; off, a red line says so for as long as it is off). Both
 * panes: the TLS line ({@code client-tls-info}, {@code server-tls-info}), which shows what the engine reported
 * (the certificate, what a handshake agreed), never what the controls say.
 */
public final class TlsRow extends VBox {
    private final TextField caFile = new TextField();
    private final TextField serverName = new TextField();
    private final CheckBox verify = new CheckBox(t("tls.verify"));
    private final Label info = new Label();

    private TlsRow(String prefix, ObservableValue<Protocol> protocol, Value<String> shown, Value<Boolean> unchecked,
                   boolean client) {
        setSpacing(4);
        getStyleClass().add("tls-row");
        visibleProperty().bind(Bindings.createBooleanBinding(() -> protocol.getValue() == Protocol.TLS, protocol));
        managedProperty().bind(visibleProperty());
        info.setId(prefix + "-tls-info");
        info.getStyleClass().add("tls-info");
        info.setWrapText(true);
        info.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line of it, never cut to "..."

        info.managedProperty().bind(info.visibleProperty());
        shown.observe(text -> {
            info.setText(text == null ? "" : text);
            info.setVisible(text != null);
        });
        if (client) {
            caFile.setId(prefix + "-tls-cafile");
            caFile.setPromptText(t("tls.caFile.prompt"));
            caFile.setPrefColumnCount(16);
            caFile.setTooltip(new Tooltip(t("tls.caFile.tip")));
            Button choose = new Button("…");
            choose.setId(prefix + "-tls-cafile-choose");
            choose.setTooltip(new Tooltip(t("tls.caFile.choose")));
            choose.setOnAction(e -> chooseCaFile());
            serverName.setId(prefix + "-tls-servername");
            serverName.setPromptText(t("tls.serverName.prompt"));
            serverName.setPrefColumnCount(10);
            serverName.setTooltip(new Tooltip(t("tls.serverName.tip")));
            verify.setId(prefix + "-tls-verify");
            verify.setSelected(true);
            verify.setTooltip(new Tooltip(t("tls.verify.tip")));
            // Each label stays with its field when the row wraps (a narrow window, Chinese, projector type).
            FlowPane controls = new FlowPane(12, 4, group(new Label(t("tls.caFile")), caFile, choose),
                    group(new Label(t("tls.serverName")), serverName), verify);
            controls.setAlignment(Pos.CENTER_LEFT);
            Label warning = new Label(t("tls.unchecked"));
            warning.setId(prefix + "-tls-warning");
            warning.getStyleClass().add("input-problem");
            warning.setWrapText(true);
            warning.managedProperty().bind(warning.visibleProperty());
            // Red while the form says "do not verify", and while a connection made so is open.
            warning.setVisible(false);
            Runnable show = () -> warning.setVisible(!verify.isSelected() || Boolean.TRUE.equals(unchecked.get()));
            verify.selectedProperty().addListener((o, a, b) -> show.run());
            unchecked.observe(on -> show.run());
            getChildren().addAll(controls, warning);
        }
        getChildren().add(info);
    }

    private static javafx.scene.layout.HBox group(javafx.scene.Node... nodes) {
        javafx.scene.layout.HBox group = new javafx.scene.layout.HBox(6, nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }

    /** A client's TLS row: its choices and its TLS line. */
    public static TlsRow client(String prefix, ObservableValue<Protocol> protocol, Value<String> info,
                                Value<Boolean> unchecked) {
        return new TlsRow(prefix, protocol, info, unchecked, true);
    }

    /** A server's TLS line: its certificate, then what the last client's handshake agreed. */
    public static TlsRow server(String prefix, ObservableValue<Protocol> protocol, Value<String> info) {
        return new TlsRow(prefix, protocol, info, new Value<>(false), false);
    }

    /** What the controls say now, for the next connect. */
    public TlsChoice choice() {
        String path = caFile.getText() == null ? "" : caFile.getText().strip();
        return new TlsChoice(path.isEmpty() ? null : Path.of(path), serverName.getText(), verify.isSelected(),
                List.of());
    }

    /** Locked while connected, as the form is. */
    public void lock(boolean locked) {
        caFile.setDisable(locked);
        serverName.setDisable(locked);
        verify.setDisable(locked);
    }

    private void chooseCaFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(t("tls.caFile.choose"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(t("tls.caFile.pem"), "*.pem", "*.crt",
                "*.cer"), new FileChooser.ExtensionFilter(t("tls.caFile.all"), "*"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            caFile.setText(file.getPath());
        }
    }
}
