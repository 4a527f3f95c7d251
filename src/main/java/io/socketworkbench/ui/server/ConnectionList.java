package io.socketworkbench.ui.server;
import io.socketworkbench.ui.model.ServerSession;
import io.socketworkbench.ui.model.Clients;

import static io.socketworkbench.ui.i18n.I18n.t;

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

    /** A row: "all clients", or one client of the session. */
    record Row(long id, Clients.Client client) {}

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private boolean refreshPending;
    /** Clients that came or went since the rows last caught up; identity sets, in order of arrival. */
    private final java.util.Set<Clients.Client> arriving = java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<>());
    private final java.util.Set<Clients.Client> leaving = java.util.Collections.newSetFromMap(
            new java.util.IdentityHashMap<>());
    private boolean catchUpPending;
    /** The cells the list holds (a screenful and a few; weak, so cells it drops go): a refresh redraws them. */
    private final java.util.Set<RowCell> cells = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    ConnectionList(Clients clients, LongConsumer closeClient) {
        setItems(rows);
        setId("server-connections");
        rows.add(new Row(ServerSession.ALL, null));
        getSelectionModel().select(0);
        clients.observe(new Clients.Observer() {
            @Override
            public void added(Clients.Client client) {
                if (!leaving.remove(client)) {
                    arriving.add(client);
                }
                catchUpSoon();
            }

            @Override
            public void removed(Clients.Client client) {
                if (!arriving.remove(client)) {
                    leaving.add(client);
                }
                catchUpSoon();
            }

            @Override
            public void changed() {
                // Counters change with every chunk; the list redraws once a pulse at most.
                refreshPending = true;
                catchUpSoon();
            }
        });
        setCellFactory(view -> {
            RowCell cell = new RowCell(closeClient);
            cells.add(cell);
            return cell;
        });
    }

    /** A row: the client's address, since when, its byte counts, and a close button. */
    private static final class RowCell extends ListCell<Row> {
        private final Label text = new Label();
        private final Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        private final HBox box = new HBox(6, text, close);

        RowCell(LongConsumer closeClient) {
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            box.setAlignment(Pos.CENTER_LEFT);
            close.getStyleClass().addAll("flat", "small");
            close.setTooltip(new Tooltip(t("server.closeClient")));
            close.setOnAction(e -> {
                if (getItem() != null) {
                    closeClient.accept(getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            close.setVisible(row.client() != null);
            showCounters();
            setGraphic(box);
        }

        void showCounters() {
            Row row = getItem();
            if (row == null || isEmpty()) {
                return;
            }
            Clients.Client client = row.client();
            text.setText(client == null ? t("server.allClients")
                    : t("server.conn.row", client.remote() + " (" + client.since() + ")", human(client.bytesIn()),
                            human(client.bytesOut()))
                    + (client.peak() > 0 ? t("server.conn.rate", human(client.rate()), human(client.peak())) : ""));
        }
    }

    /**
     * Clients come and go in storms (ten thousand in a few seconds): the rows catch up once a pulse, with one
     * addition and one pass of removals, not a change (and a scan of every row) per client.
     */
    private void catchUpSoon() {
        if (!catchUpPending) {
            catchUpPending = true;
            io.socketworkbench.ui.common.BeforeLayout.run(this, this::catchUp);
        }
    }

    private void catchUp() {
        catchUpPending = false;
        if (!leaving.isEmpty()) {
            rows.removeIf(row -> row.client() != null && leaving.contains(row.client()));
            leaving.clear();
            if (getSelectionModel().getSelectedItem() == null) {
                getSelectionModel().select(0);
            }
        }
        if (!arriving.isEmpty()) {
            rows.addAll(arriving.stream().map(client -> new Row(client.id(), client)).toList());
            arriving.clear();
        }
        if (refreshPending) {
            refreshPending = false;
            // The counters of the rows on screen, redrawn in place (refresh() would build every cell anew).
            cells.forEach(RowCell::showCounters);
        }
    }

    static String human(long bytes) {
        return io.socketworkbench.ui.model.Sizes.human(bytes);
    }

    /** The selected client, or {@link ServerSession#ALL}. */
    long selected() {
        Row row = getSelectionModel().getSelectedItem();
        return row == null ? ServerSession.ALL : row.id();
    }
}
