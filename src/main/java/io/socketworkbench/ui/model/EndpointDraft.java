package io.socketworkbench.ui.model;


/**
 * What the user has typed into an endpoint form, held by the pane's view model: the protocol, the host (or, for
 * AF_UNIX, the path) and the port as text. The form binds to it both ways; settings read and restore it. No JavaFX.
 */
public final class EndpointDraft {
    private final Value<Protocol> protocol = new Value<>(Protocol.TCP);
    private final Value<String> host;
    private final Value<String> port;

    public EndpointDraft(String host, String port) {
        this.host = new Value<>(host);
        this.port = new Value<>(port);
    }

    public Value<Protocol> protocol() {
        return protocol;
    }

    public Value<String> host() {
        return host;
    }

    public Value<String> port() {
        return port;
    }
}
