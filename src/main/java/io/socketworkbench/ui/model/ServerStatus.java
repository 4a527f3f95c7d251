package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.ui.fx.EventPort;

/**
 * The server's state line: stopped, starting, listening (with the count of its clients, or of the datagrams it
 * received), or why it stopped; and why the last start failed. It follows the counts once a pulse: a storm of ten thousand accepts formats it a
 * few times, not ten thousand (a count in a choice pattern parses a new format each time).
 */
final class ServerStatus {
    private final Value<String> line = new Value<>(t("server.state.stopped"));
    private final EventPort port;
    private final Clients clients;
    /** The session's: true from Start until Stop or a failed start. */
    private final Value<Boolean> running;
    private boolean udp;
    private String local = "";
    private long datagrams;
    private boolean due;
    /** Why the last start failed (null after one that listened), and where it could not bind. */
    private SocketError startFailure;
    private Address failedAt;

    ServerStatus(EventPort port, Clients clients, Value<Boolean> running) {
        this.port = port;
        this.clients = clients;
        this.running = running;
    }

    Value<String> line() {
        return line;
    }

    void starting() {
        startFailure = null;
        local = "";
        datagrams = 0;
        line.set(t("server.state.starting"));
    }

    /** Listening at {@code where}; a UDP server counts datagrams rather than clients. */
    void listening(String where, boolean datagram) {
        local = where;
        udp = datagram;
        showNow();
    }

    void datagrams(long more) {
        datagrams += more;
        changed();
    }

    /** The clients or the datagrams changed: the line follows at the next pulse. */
    void changed() {
        if (!due) {
            due = true;
            port.schedule(0, () -> {
                due = false;
                if (running.get() && !local.isEmpty()) {
                    showNow();
                }
            });
        }
    }

    /** The start failed: the server stops with why, which an example may ask for. */
    void failed(SocketError error, Address at) {
        startFailure = error;
        failedAt = at;
    }

    SocketError startFailure() {
        return startFailure;
    }

    /** Where the last start found its address already in use, or null. */
    Address inUse() {
        return startFailure != null && startFailure.kind() == ErrorKind.ADDRESS_IN_USE ? failedAt : null;
    }

    void stopped(String why) {
        line.set(why);
    }

    private void showNow() {
        if (udp && datagrams > 0) {
            line.set(t("server.state.listeningDatagrams", local, datagrams));
            return;
        }
        line.set(clients.count() == 0 ? t("server.state.listening", local)
                : t("server.state.listeningClients", local, clients.count()));
    }
}
