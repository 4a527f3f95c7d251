package io.socketworkbench.ui.common;
import io.socketworkbench.ui.model.Protocol;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Interfaces;
import io.socketworkbench.engine.Multicast;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The UDP row of a pane, shown only while UDP is chosen. The server's joins a group ({@code server-join}) on an
 * interface ({@code server-iface}); the client's sends broadcasts ({@code client-broadcast}, SO_BROADCAST) and
 * datagrams to groups with a TTL ({@code client-ttl}) out of an interface ({@code client-iface}). The interface
 * choice lists the machine's interfaces with their addresses and broadcast addresses, read when it is opened.
 */
public final class MulticastRow extends FlowPane {
    private final TextField join = new TextField();
    private final CheckBox broadcast = new CheckBox(t("udp.broadcast"));
    private final Spinner<Integer> ttl = new Spinner<>(0, 255, 1);
    private final ComboBox<Choice> iface = new ComboBox<>();
    private final boolean server;

    /** An interface as the list shows it; {@code address} is what the engine takes (null: the system's choice). */
    private record Choice(String address, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private MulticastRow(String prefix, boolean server, ObservableValue<Protocol> protocol) {
        super(8, 4);
        this.server = server;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("udp-row");
        visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> protocol.getValue() == Protocol.UDP, protocol));
        managedProperty().bind(visibleProperty());
        Choice any = new Choice(null, t("udp.iface.any"));
        iface.getItems().add(any);
        iface.setValue(any);
        iface.setId(prefix + "-iface");
        iface.setOnShowing(e -> fillInterfaces(any));
        iface.setTooltip(new Tooltip(t(server ? "udp.iface.join.tip" : "udp.iface.send.tip")));
        if (server) {
            join.setId(prefix + "-join");
            join.setPromptText(t("udp.join.prompt"));
            join.setTooltip(new Tooltip(t("udp.join.tip")));
            join.setPrefColumnCount(10);
            whenFirstShown(new Label(t("udp.join")), join, new Label(t("udp.iface")), iface);
        } else {
            broadcast.setId(prefix + "-broadcast");
            broadcast.setTooltip(new Tooltip(t("udp.broadcast.tip")));
            ttl.setId(prefix + "-ttl");
            ttl.setEditable(true);
            ttl.setPrefWidth(80);
            ttl.setTooltip(new Tooltip(t("udp.ttl.tip")));
            whenFirstShown(broadcast, new Label(t("udp.ttl")), ttl, new Label(t("udp.iface")), iface);
        }
    }

    /** The controls join the window (styled, laid out) when UDP is first chosen; most sessions are TCP. */
    private void whenFirstShown(javafx.scene.Node... controls) {
        if (isVisible()) {
            getChildren().addAll(controls);
            return;
        }
        visibleProperty().addListener((o, was, shown) -> {
            if (shown && getChildren().isEmpty()) {
                getChildren().addAll(controls);
            }
        });
    }

    /** The server's row: a group to join and where. */
    public static MulticastRow server(String prefix, ObservableValue<Protocol> protocol) {
        return new MulticastRow(prefix, true, protocol);
    }

    /** The client's row: SO_BROADCAST, the TTL and the interface of what it sends to a group. */
    public static MulticastRow client(String prefix, ObservableValue<Protocol> protocol) {
        return new MulticastRow(prefix, false, protocol);
    }

    private void fillInterfaces(Choice any) {
        if (iface.getItems().size() > 1) {
            return;
        }
        for (Interfaces.Info info : Interfaces.list()) {
            if (!info.up()) {
                continue;
            }
            for (Interfaces.Entry entry : info.addresses()) {
                String label = info.name() + " · " + entry.address() + "/" + entry.prefix()
                        + (entry.broadcast() == null ? "" : " · " + t("udp.iface.broadcastAddress", entry.broadcast()))
                        + (info.multicast() ? "" : " · " + t("udp.iface.noMulticast"));
                iface.getItems().add(new Choice(entry.address(), label));
            }
        }
        iface.setValue(any);
    }

    /** The group text as typed, stripped; empty for none. */
    public String groupText() {
        return join.getText() == null ? "" : join.getText().strip();
    }

    /**
     * What the row asks of the engine: the group to join (server), the TTL and interface (client).
     *
     * @throws IllegalArgumentException when the group is not a multicast address (its message says so)
     */
    public Multicast multicast() {
        String address = iface.getValue() == null ? null : iface.getValue().address();
        if (!server) {
            return new Multicast(null, address, ttl.getValue(), null);
        }
        if (groupText().isEmpty()) {
            return Multicast.NONE;
        }
        Multicast.groupAddress(groupText());
        return Multicast.join(groupText(), address);
    }

    /** SO_BROADCAST, as the client's switch says. */
    public boolean broadcast() {
        return broadcast.isSelected();
    }

    /** While the socket is open its setup stays as it was opened. */
    public void lock(boolean locked) {
        join.setDisable(locked);
        broadcast.setDisable(locked);
        ttl.setDisable(locked);
        iface.setDisable(locked);
    }
}
