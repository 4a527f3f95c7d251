package io.socketworkbench.session;

import java.util.List;
import java.util.Objects;

/**
 * A window's setup, as data, as a workspace file keeps it: the server pane (protocol, address, port, reply mode and
 * greeting, TLS, its tools and its auto-reply rules), each client tab (protocol, host, port, TLS, its tools), and the
 * relay. Passwords are never part of it.
 */
public record Workspace(Endpoint server, ReplyMode reply, String greeting, ServerTlsChoice serverTls,
                        PaneSetup serverPane, List<ReplyRule> rules, List<ClientTab> clients, RelaySetup relay) {
    /** The file format's version this build writes and reads. */
    public static final int VERSION = 1;

    public Workspace {
        Objects.requireNonNull(server, "server");
        reply = reply == null ? ReplyMode.NONE : reply;
        greeting = greeting == null ? "" : greeting;
        serverPane = serverPane == null ? PaneSetup.DEFAULT : serverPane;
        rules = rules == null ? List.of() : List.copyOf(rules);
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

    /** A client tab: where it connects, its TLS (null: the defaults), and its tools. */
    public record ClientTab(Endpoint endpoint, TlsChoice tls, PaneSetup pane) {
        public ClientTab {
            Objects.requireNonNull(endpoint, "endpoint");
            pane = pane == null ? PaneSetup.DEFAULT : pane;
        }
    }
}
