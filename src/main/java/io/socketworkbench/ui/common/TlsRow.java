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
import javafx.scene.Node;
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
 * it checks the certificate ({@code client-tls-verify}; off, a red line says so for as long as it is off), and,
 * folded under "More TLS options" ({@code client-tls-more}), the ALPN protocols it offers ({@code client-tls-alpn})
 * and the certificate it shows a server that asks ({@code client-tls-cert}, {@code client-tls-key}, and for a
 * PKCS#12 file its password, {@code client-tls-password}). A server's,
 * folded under "TLS settings" ({@code server-tls-more}): its certificate and key ({@code server-tls-cert},
 * {@code server-tls-key}, {@code server-tls-password}; empty: this machine's self-signed one), whether it asks clients for a certificate
 * ({@code server-tls-clientcert}) and the CA it checks them against ({@code server-tls-clientca}), and the ALPN
 * protocols it accepts ({@code server-tls-alpn}). Both panes: the TLS line ({@code client-tls-info},
 * {@code server-tls-info}), which shows what the engine reported (the certificate, what a handshake agreed),
 * never what the controls say.
 */
public final class TlsRow extends VBox {
    private final TextField caFile = new TextField();
    private final TextField serverName = new TextField();
    private final CheckBox verify = new CheckBox(t("tls.verify"));
    private final TextField alpn = new TextField();
    private final TextField certificate = new TextField();
    private final TextField key = new TextField();
    private final javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
    private final TextField clientCa = new TextField();
    private final javafx.scene.control.ComboBox<io.socketworkbench.session.ServerTlsChoice.ClientAuth> clientAuth =
            new javafx.scene.control.ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                    io.socketworkbench.session.ServerTlsChoice.ClientAuth.values()));
    private final Label info = new Label();
    private final List<Node> locked = new java.util.ArrayList<>();

    private TlsRow(String prefix, ObservableValue<Protocol> protocol, Value<String> shown, Value<Boolean> unchecked,
                   boolean client) {
        List<Node> parts;
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
        alpn.setId(prefix + "-tls-alpn");
        alpn.setPromptText(t("tls.alpn.prompt"));
        alpn.setPrefColumnCount(9);
        alpn.setTooltip(new Tooltip(t(client ? "tls.alpn.tip" : "tls.alpn.server.tip")));
        Node certificateField = fileField(prefix + "-tls-cert", certificate,
                t(client ? "tls.cert.client.prompt" : "tls.cert.prompt"), t("tls.cert.tip"), t("tls.cert.choose"), true);
        Node keyField = fileField(prefix + "-tls-key", key, t("tls.key.prompt"), t("tls.key.tip"), t("tls.key.choose"),
                false);
        Node passwordGroup = passwordField(prefix);
        locked.addAll(List.of(alpn, certificate, key));
        if (client) {
            Node caField = fileField(prefix + "-tls-cafile", caFile, t("tls.caFile.prompt"), t("tls.caFile.tip"),
                    t("tls.caFile.choose"), false);
            serverName.setId(prefix + "-tls-servername");
            serverName.setPromptText(t("tls.serverName.prompt"));
            serverName.setPrefColumnCount(10);
            serverName.setTooltip(new Tooltip(t("tls.serverName.tip")));
            verify.setId(prefix + "-tls-verify");
            verify.setSelected(true);
            verify.setTooltip(new Tooltip(t("tls.verify.tip")));
            // Each label stays with its field when the row wraps (a narrow window, Chinese, projector type).
            FlowPane controls = new FlowPane(12, 4, group(new Label(t("tls.caFile")), caField),
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
            locked.addAll(List.of(caFile, serverName, verify));
            parts = List.of(controls, folded(prefix, t("tls.more"), group(new Label(t("tls.alpn.label")), alpn),
                    group(new Label(t("tls.cert.client")), certificateField),
                    group(new Label(t("tls.key")), keyField), passwordGroup), warning);
        } else {
            clientAuth.setId(prefix + "-tls-clientcert");
            clientAuth.setValue(io.socketworkbench.session.ServerTlsChoice.ClientAuth.NONE);
            clientAuth.setTooltip(new Tooltip(t("tls.clientAuth.tip")));
            clientAuth.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(io.socketworkbench.session.ServerTlsChoice.ClientAuth mode) {
                    return mode == null ? "" : t("tls.clientAuth." + mode.name().toLowerCase(java.util.Locale.ROOT));
                }

                @Override
                public io.socketworkbench.session.ServerTlsChoice.ClientAuth fromString(String text) {
                    return null;
                }
            });
            Node clientCaField = fileField(prefix + "-tls-clientca", clientCa, t("tls.caFile.prompt"),
                    t("tls.clientCa.tip"), t("tls.caFile.choose"), false);
            locked.addAll(List.of(clientAuth, clientCa));
            parts = List.of(folded(prefix, t("tls.settings"), group(new Label(t("tls.cert")), certificateField),
                    group(new Label(t("tls.key")), keyField), passwordGroup,
                    group(new Label(t("tls.clientAuth")), clientAuth),
                    group(new Label(t("tls.clientCa")), clientCaField), group(new Label(t("tls.alpn.label")), alpn)));
        }
        // The TLS line is always there (contract 3); the controls join the scene when TLS is first chosen, so that
        // a first frame without TLS does not style and lay them out.
        getChildren().add(info);
        if (isVisible()) {
            getChildren().addAll(0, parts);
        } else {
            visibleProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> seen, Boolean was,
                                    Boolean now) {
                    if (now) {
                        getChildren().addAll(0, parts);
                        visibleProperty().removeListener(this);
                    }
                }
            });
        }
    }

    /** The PKCS#12 file's password, shown while the certificate field names one ({@code .p12}, {@code .pfx}). */
    private Node passwordField(String prefix) {
        password.setId(prefix + "-tls-password");
        password.setPromptText(t("tls.password.prompt"));
        password.setPrefColumnCount(8);
        password.setTooltip(new Tooltip(t("tls.password.tip", io.socketworkbench.tls.Certificates.PKCS12_PASSWORD)));
        javafx.scene.layout.HBox group = group(new Label(t("tls.password")), password);
        group.managedProperty().bind(group.visibleProperty());
        group.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            Path file = path(certificate);
            return file != null && io.socketworkbench.tls.Certificates.isPkcs12(file);
        }, certificate.textProperty()));
        locked.add(password);
        return group;
    }

    /** A file's path field with its "…" button, which opens a file chooser. */
    private Node fileField(String id, TextField field, String prompt, String tip, String chooseTitle,
                           boolean keyStores) {
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(14);
        field.setTooltip(new Tooltip(tip));
        Button choose = new Button("…");
        choose.setId(id + "-choose");
        choose.setTooltip(new Tooltip(chooseTitle));
        choose.setOnAction(e -> choose(field, chooseTitle, keyStores));
        locked.add(choose);
        return group(field, choose);
    }

    /** Settings used less often, folded until opened. */
    private static javafx.scene.control.TitledPane folded(String prefix, String title, Node... groups) {
        FlowPane flow = new FlowPane(12, 4, groups);
        flow.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane(title, flow);
        pane.setId(prefix + "-tls-more");
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getStyleClass().add("tls-more");
        return pane;
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
        return new TlsChoice(path(caFile), serverName.getText(), verify.isSelected(), protocols(), path(certificate),
                path(key), io.socketworkbench.tls.Password.typed(password.getText()));
    }

    /** What a server's controls say now, for the next start. */
    public io.socketworkbench.session.ServerTlsChoice serverChoice() {
        return new io.socketworkbench.session.ServerTlsChoice(path(certificate), path(key), clientAuth.getValue(),
                path(clientCa), protocols(), io.socketworkbench.tls.Password.typed(password.getText()));
    }

    /** Shows {@code choice} (a client's) in the controls: a workspace opened. The password stays as typed. */
    public void show(TlsChoice choice) {
        TlsChoice c = choice == null ? TlsChoice.DEFAULT : choice;
        caFile.setText(c.caFile() == null ? "" : c.caFile().toString());
        serverName.setText(c.serverName() == null ? "" : c.serverName());
        verify.setSelected(c.verify());
        alpn.setText(String.join(", ", c.alpn()));
        certificate.setText(c.certificate() == null ? "" : c.certificate().toString());
        key.setText(c.key() == null ? "" : c.key().toString());
    }

    /** Shows {@code choice} (a server's) in the controls. */
    public void show(io.socketworkbench.session.ServerTlsChoice choice) {
        var c = choice == null ? io.socketworkbench.session.ServerTlsChoice.SELF_SIGNED : choice;
        certificate.setText(c.certificate() == null ? "" : c.certificate().toString());
        key.setText(c.key() == null ? "" : c.key().toString());
        clientAuth.setValue(c.clientAuth());
        clientCa.setText(c.clientCa() == null ? "" : c.clientCa().toString());
        alpn.setText(String.join(", ", c.alpn()));
    }

    /** What the controls say, without the password: what a workspace keeps. */
    public TlsChoice choiceToKeep() {
        TlsChoice c = choice();
        return new TlsChoice(c.caFile(), c.serverName(), c.verify(), c.alpn(), c.certificate(), c.key(), null);
    }

    /** What a server's controls say, without the password. */
    public io.socketworkbench.session.ServerTlsChoice serverChoiceToKeep() {
        var c = serverChoice();
        return new io.socketworkbench.session.ServerTlsChoice(c.certificate(), c.key(), c.clientAuth(), c.clientCa(),
                c.alpn(), null);
    }

    private static Path path(TextField field) {
        String text = field.getText() == null ? "" : field.getText().strip();
        return text.isEmpty() ? null : Path.of(text);
    }

    /** The ALPN list as typed: names split at commas or spaces, in order. */
    private List<String> protocols() {
        String text = alpn.getText() == null ? "" : alpn.getText();
        return java.util.Arrays.stream(text.split("[,\\s]+")).filter(name -> !name.isEmpty()).toList();
    }

    /** Locked while connected (or the server runs), as the form is. */
    public void lock(boolean on) {
        locked.forEach(node -> node.setDisable(on));
    }

    private void choose(TextField field, String title, boolean keyStores) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("tls.caFile.pem"), "*.pem", "*.crt",
                "*.cer", "*.key"));
        if (keyStores) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("tls.cert.pkcs12"), "*.p12", "*.pfx"));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("tls.caFile.all"), "*"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            field.setText(file.getPath());
        }
    }
}
