package io.socketworkbench.session;

import java.util.List;
import java.util.Objects;

/**
 * A window's setup, as data, as a workspace file keeps it: the server pane (protocol, address, port, reply mode and
 * greeting, TLS), each client tab (protocol, host, port, TLS), and the relay. Passwords are never part of it.
 */
public record Workspace(Endpoint server, ReplyMode reply, String greeting, ServerTlsChoice serverTls,
                        List<ClientTab> clients, RelaySetup relay) {
    /** The file format's version this build writes and reads. */
    public static final int VERSION = 1;

    public Workspace {
        Objects.requireNonNull(server, "server");
        reply = reply == null ? ReplyMode.NONE : reply;
        greeting = greeting == null ? "" : greeting;
        clients = List.copyOf(clients);
    }

    /**
     * Where a pane binds or connects: its protocol by name ({@code TCP}, {@code UDP}, {@code UNIX}, {@code TLS}),
     * its host (or socket path) and its port, as typed.
     */
    public record Endpoint(String protocol, String host, String port) {
        public Endpoint {
            Objects.requireNonNull(protocol, "protocol");
            host = host == null ? "" : host;
            port = port == null ? "" : port;
        }
    }

    /** A client tab: where it connects, and its TLS (null: the defaults). */
    public record ClientTab(Endpoint endpoint, TlsChoice tls) {
        public ClientTab {
            Objects.requireNonNull(endpoint, "endpoint");
        }
    }
}
