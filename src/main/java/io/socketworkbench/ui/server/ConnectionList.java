package io.socketworkbench.ui.server;

import static io.socketworkbench.ui.i18n.I18n.t;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The server's clients: "all clients" first, then each connection with its byte counts and a close button. */
final class ConnectionList extends ListView<ConnectionList.Row> {
    static final long ALL = -1;

    /** One client. Counters change as data flows; the list is refreshed once per pulse at most. */
    static final class Row {
        final long id;
        final String remote;
        final java.time.LocalTime since = java.time.LocalTime.now().withNano(0);
        long bytesIn;
        long bytesOut;

        Row(long id, String remote) {
            this.id = id;
            this.remote = remote;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final Map<Long, Row> byId = new HashMap<>();

    ConnectionList(LongConsumer closeClient) {
        setItems(rows);
        setId("server-connections");
        rows.add(new Row(ALL, null));
        getSelectionModel().select(0);
        setCellFactory(view -> new ListCell<>() {
            private final Label text = new Label();
            private final Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
            private final HBox box = new HBox(6, text, close);

            {
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                box.setAlignment(Pos.CENTER_LEFT);
                close.getStyleClass().addAll("flat", "small");
                close.setTooltip(new Tooltip(t("server.closeClient")));
            }

            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                close.setVisible(row.id != ALL);
                close.setOnAction(e -> closeClient.accept(row.id));
                text.setText(row.id == ALL ? t("server.allClients")
                        : t("server.conn.row", row.remote + " (" + row.since + ")", human(row.bytesIn),
                                human(row.bytesOut)));
                setGraphic(box);
            }
        });
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    void added(long id, String remote) {
        Row row = new Row(id, remote);
        byId.put(id, row);
        rows.add(row);
    }

    Row row(long id) {
        return byId.get(id);
    }

    void removed(long id) {
        Row row = byId.remove(id);
        if (row != null) {
            rows.remove(row);
        }
    }

    void clearClients() {
        byId.clear();
        rows.remove(1, rows.size());
        getSelectionModel().select(0);
    }

    /** The ids of the connected clients, oldest first. */
    java.util.List<Long> ids() {
        return rows.stream().filter(r -> r.id != ALL).map(r -> r.id).toList();
    }

    int clientCount() {
        return byId.size();
    }

    /** The selected client, or {@link #ALL}. */
    long selected() {
        Row row = getSelectionModel().getSelectedItem();
        return row == null ? ALL : row.id;
    }

    String remoteOf(long id) {
        Row row = byId.get(id);
        return row == null ? null : row.remote;
    }
}
