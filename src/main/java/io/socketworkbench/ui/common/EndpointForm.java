package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.Protocol;
import io.socketworkbench.ui.model.EndpointDraft;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Protocol, host (or socket file) and port, validated as the user types. */
public final class EndpointForm extends HBox {

    private final ComboBox<Protocol> protocol = new ComboBox<>(FXCollections.observableArrayList(Protocol.values()));
    private final ComboBox<String> host = new ComboBox<>();
    private final TextField port = new TextField();
    private final Label portLabel = new Label();
    private final Label problem = new Label();
    private final Label hostLabel = new Label();
    private final BooleanBinding valid;

    /**
     * A form bound both ways to {@code draft}, which the pane's view model owns: what is typed goes there, and
     * what is set there (restored settings, an example) shows here.
     */
    public EndpointForm(EndpointDraft draft, String prefix, String hostKey, String pathKey, List<String> hosts) {
        this(prefix, hostKey, pathKey, hosts, draft.port().get());
        bind(draft);
    }

    private void bind(EndpointDraft draft) {
        if (draft.host().get() != null && !draft.host().get().isEmpty()) {
            host.setValue(draft.host().get());
            host.getEditor().setText(draft.host().get());
        }
        protocol.setValue(draft.protocol().get());
        host.getEditor().textProperty().addListener((o, a, text) -> draft.host().set(text));
        port.textProperty().addListener((o, a, text) -> draft.port().set(text));
        protocol.valueProperty().addListener((o, a, p) -> draft.protocol().set(p));
        draft.host().observe(text -> {
            if (text != null && !text.equals(host.getEditor().getText())) {
                host.getEditor().setText(text);
                host.setValue(text);
            }
        });
        draft.port().observe(text -> {
            if (text != null && !text.equals(port.getText())) {
                port.setText(text);
            }
        });
        draft.protocol().observe(p -> {
            if (p != null && p != protocol.getValue()) {
                protocol.setValue(p);
            }
        });
        draft.host().set(hostText());
    }

    private EndpointForm(String prefix, String hostKey, String pathKey, List<String> hosts, String defaultPort) {
        protocol.setId(prefix + "-protocol");
        host.setId(prefix + "-host");
        port.setId(prefix + "-port");
        protocol.setValue(Protocol.TCP);
        protocol.setConverter(Shown.as(p -> t("protocol." + p.name().toLowerCase(Locale.ROOT))));
        host.setEditable(true);
        host.getItems().setAll(hosts);
        host.setValue(hosts.get(0));
        // The editor copies the value only once the combo has a skin; a tab used before its first layout (a new
        // client tab, an example) must not read an empty host.
        host.getEditor().setText(hosts.get(0));
        // Sizes in em (workbench.css), so that they grow with zoom and projector type; the port's is set below.
        host.getStyleClass().add("host-field");
        protocol.getStyleClass().add("protocol-field");
        hostLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        portLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(host, Priority.ALWAYS);
        port.setText(defaultPort);
        // Five digits and the field's padding at the current type size. Padding does not grow with zoom, so a
        // width in em that fits at 1x is far too wide at 2x and pushes the Connect button off a projector.
        port.fontProperty().addListener((o, a, f) -> fitFiveDigits());
        port.insetsProperty().addListener((o, a, i) -> fitFiveDigits());
        fitFiveDigits();
        port.setTooltip(new Tooltip(t("port.any")));
        hostLabel.setText(t(hostKey));
        portLabel.setText(t(prefix.startsWith("server") ? "server.port" : "client.port"));
        protocol.valueProperty().addListener((o, a, p) -> {
            boolean unix = p == Protocol.UNIX;
            hostLabel.setText(t(unix ? pathKey : hostKey));
            port.setDisable(unix);
            if (unix && !host.getEditor().getText().startsWith("/")) {
                host.getEditor().setText("/tmp/socket-workbench.sock");
            } else if (!unix && host.getEditor().getText().startsWith("/")) {
                host.getEditor().setText(hosts.get(0));
            }
        });
        valid = Bindings.createBooleanBinding(() -> protocol.getValue() == Protocol.UNIX || port().isPresent(),
                port.textProperty(), protocol.valueProperty());
        problem.setId(prefix + "-port-problem");
        problem.getStyleClass().add("input-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        valid.addListener((o, a, ok) -> showValidity(ok));
        port.textProperty().addListener((o, a, text) -> showValidity(valid.get()));
        setSpacing(5);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(protocol, hostLabel, host, portLabel, port);
    }

    /** The port's problem in words, under the form, where it is seen without hovering. */
    private void showValidity(boolean ok) {
        port.getStyleClass().remove("invalid");
        port.setTooltip(new Tooltip(ok ? t("port.any") : t("port.invalid")));
        problem.setVisible(!ok);
        if (!ok) {
            port.getStyleClass().add("invalid");
            String text = port.getText().strip();
            problem.setText(text.isEmpty() ? t("port.missing") : t("port.invalid.value", text));
        }
    }

    /** The line that says what is wrong with the port, hidden while it is right; the pane places it. */
    public Label problem() {
        return problem;
    }

    private void fitFiveDigits() {
        javafx.scene.text.Text widest = new javafx.scene.text.Text("65535");
        widest.setFont(port.getFont());
        double width = Math.ceil(widest.getLayoutBounds().getWidth() + port.getInsets().getLeft()
                + port.getInsets().getRight()) + 4;
        port.setMinWidth(width);
        port.setPrefWidth(width + port.getFont().getSize());
    }

    /** The loopback address the host names (127.0.0.1 for localhost), or null for any other host. */
    public String loopback() {
        return switch (hostText().strip()) {
            case "127.0.0.1", "localhost" -> "127.0.0.1";
            case "::1", "[::1]" -> "::1";
            default -> null;
        };
    }

    /** The form's address as ip:port ({@code [::1]:37777} for IPv6), as the sequence diagram labels it. */
    public String ipPort() {
        String ip = loopback() == null ? hostText().strip() : loopback();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port().orElse(0);
    }

    /** Bind choices: loopback first (the safe default), all interfaces, IPv6 loopback, then this machine's own. */
    public static List<String> bindChoices() {
        List<String> choices = new java.util.ArrayList<>(List.of("127.0.0.1", "0.0.0.0", "::1"));
        try {
            for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (var ip : java.util.Collections.list(nic.getInetAddresses())) {
                    if (!ip.isLinkLocalAddress()) {
                        choices.add(ip.getHostAddress());
                    }
                }
            }
        } catch (java.net.SocketException ignored) {
            // the three above still work
        }
        return choices;
    }

    public Protocol protocol() {
        return protocol.getValue();
    }

    public ComboBox<Protocol> protocolBox() {
        return protocol;
    }

    public ComboBox<String> hostBox() {
        return host;
    }

    public TextField portField() {
        return port;
    }

    /** Projector mode: the fields' contents say what they are, so their names go. */
    public void projector(boolean on) {
        Projector.hide(on, hostLabel, portLabel);
    }

    /** True while the port (or, for AF_UNIX, nothing) is acceptable. */
    public BooleanBinding validProperty() {
        return valid;
    }

    public String hostText() {
        String text = host.getEditor().getText();
        return text == null ? "" : text.strip();
    }

    /** The typed port if it is a number from 0 to 65535. */
    public Optional<Integer> port() {
        try {
            int value = Integer.parseInt(port.getText().strip());
            return value >= 0 && value <= 65535 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The address to bind or connect to, or empty when the form is not valid. */
    public Optional<Address> address() {
        if (protocol() == Protocol.UNIX) {
            return hostText().isEmpty() ? Optional.empty() : Optional.of(Address.unix(Path.of(hostText())));
        }
        if (hostText().isEmpty()) {
            return Optional.empty();
        }
        return port().map(p -> Address.inet(hostText(), p));
    }

    /** Fills the form, as the homework example does. */
    public void set(Protocol kind, String hostOrPath, int portNumber) {
        protocol.setValue(kind);
        host.getEditor().setText(hostOrPath);
        host.setValue(hostOrPath);
        port.setText(String.valueOf(portNumber));
    }

    /** The same with the port as typed (a workspace keeps what the field said). */
    public void set(Protocol kind, String hostOrPath, String portText) {
        protocol.setValue(kind);
        host.getEditor().setText(hostOrPath);
        host.setValue(hostOrPath);
        port.setText(portText);
    }

    public void lock(boolean locked) {
        protocol.setDisable(locked);
        host.setDisable(locked);
        port.setDisable(locked || protocol() == Protocol.UNIX);
    }

    /** Remembers a host the user connected to, most recent first. */
    public void remember(String value) {
        host.getItems().remove(value);
        host.getItems().add(0, value);
        if (host.getItems().size() > 10) {
            host.getItems().remove(10, host.getItems().size());
        }
        host.getEditor().setText(value);
    }
}
