package io.socketworkbench.engine;

import java.util.Objects;

/**
 * How a relay listens ({@code listen}: its bind address, backlog, client limit) and how it reaches its target on
 * each client's behalf ({@code upstream}: connect timeout, options).
 */
public record RelayConfig(ServerConfig listen, Address target, ClientConfig upstream) {
    /** As many clients as a busy listen queue holds before any waits for a SYN retry. */
    public static final int DEFAULT_BACKLOG = 1024;
    /**
     * Clients relayed at once, each with its connection to the target: a bound on what one relay holds (a loop
     * through another relay, a flood of clients), far above what a class or a debugging session needs.
     */
    public static final int DEFAULT_MAX_CLIENTS = 10_000;

    public RelayConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(target, "target");
        upstream = upstream == null ? ClientConfig.of(target) : upstream;
    }

    public static RelayConfig of(Address bind, Address target) {
        return new RelayConfig(ServerConfig.of(bind).withBacklog(DEFAULT_BACKLOG).withMaxClients(DEFAULT_MAX_CLIENTS),
                target, null);
    }
}
