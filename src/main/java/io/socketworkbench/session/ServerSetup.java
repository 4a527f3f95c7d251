package io.socketworkbench.session;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.engine.UdpConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server is set up, as data: where it binds, TCP or UDP, how it replies (the greeting for the GREET modes),
 * its listen backlog, its socket options, the multicast group it joins, its limits, and its TLS (null: none). The server pane's view model
 * starts from one (taken from the form when Start is pressed and fixed until Stop); the lesson and "Export as
 * Python" keep one, with the real address once it listens (port 0 becomes the port the system gave).
 */
public record ServerSetup(Address address, boolean udp, ReplyMode reply, byte[] greeting, int backlog,
                          SocketOptionsSpec options, Multicast multicast, ServerLimits limits, ServerTlsChoice tls) {
    public ServerSetup {
        Objects.requireNonNull(address, "address");
        reply = reply == null ? ReplyMode.NONE : reply;
        greeting = greeting == null ? new byte[0] : greeting.clone();
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        multicast = multicast == null ? Multicast.NONE : multicast;
        limits = limits == null ? ServerLimits.NONE : limits;
    }

    public ServerSetup(Address address, boolean udp, ReplyMode reply, byte[] greeting, int backlog,
                       SocketOptionsSpec options) {
        this(address, udp, reply, greeting, backlog, options, null, null, null);
    }

    public ServerSetup(Address address, boolean udp, ReplyMode reply, byte[] greeting, int backlog,
                       SocketOptionsSpec options, Multicast multicast, ServerLimits limits) {
        this(address, udp, reply, greeting, backlog, options, multicast, limits, null);
    }

    /** The same setup where the server really is. */
    public ServerSetup at(Address actual) {
        return new ServerSetup(actual, udp, reply, greeting, backlog, options, multicast, limits, tls);
    }

    /** The setup an exported script keeps: rules answer in the window only, so that server answers nothing. */
    public ServerSetup exported() {
        return reply != ReplyMode.RULES ? this
                : new ServerSetup(address, udp, ReplyMode.NONE, greeting, backlog, options, multicast, limits, tls);
    }

    /** True when each new client is greeted (and, for GREET_CLOSE, closed after). */
    public boolean greets() {
        return reply == ReplyMode.GREET || reply == ReplyMode.GREET_CLOSE;
    }

    /** The engine's configuration of a TCP (or AF_UNIX) server set up so: the engine echoes and greets. */
    public ServerConfig tcpConfig() {
        return ServerConfig.of(address).withEcho(reply == ReplyMode.ECHO)
                .withGreeting(greets() ? greeting() : null, reply == ReplyMode.GREET_CLOSE)
                .withBacklog(backlog).withOptions(options)
                .withMaxClients(limits.maxClients())
                .withBusyMessage(limits.busy().length == 0 ? null : limits.busy())
                .withIdleTimeout(seconds(limits.idleSeconds()))
                .withStallTimeout(seconds(limits.stallSeconds()));
    }

    /** The engine's configuration of a UDP server set up so. */
    public UdpConfig udpConfig() {
        return new UdpConfig(address, options, reply == ReplyMode.ECHO, greets() ? greeting() : null)
                .withMulticast(multicast);
    }

    private static Duration seconds(Integer value) {
        return value == null ? null : Duration.ofSeconds(value);
    }

    @Override
    public byte[] greeting() {
        return greeting.clone();
    }
}
