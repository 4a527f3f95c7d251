package io.socketworkbench.session;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.engine.UdpConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How a client socket is set up, as data: where it connects or sends to (as the user gave it), TCP or UDP, its
 * socket options, the socket lab's choices, where a UDP socket binds (null: the system chooses on the first send),
 * its multicast settings, and its TLS (null: none). A client tab's view model opens from one (taken from the form when Connect is
 * pressed); the lesson and "Export as Python" keep one for each client socket.
 */
public record ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab, Address udpBind,
                          Multicast multicast, TlsChoice tls) {
    public ClientSetup {
        Objects.requireNonNull(target, "target");
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        lab = lab == null ? ClientLab.DEFAULT : lab;
        multicast = multicast == null ? Multicast.NONE : multicast;
    }

    public ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab) {
        this(target, udp, options, lab, null, null, null);
    }

    public ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab, Address udpBind) {
        this(target, udp, options, lab, udpBind, null, null);
    }

    public ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab, Address udpBind,
                       Multicast multicast) {
        this(target, udp, options, lab, udpBind, multicast, null);
    }

    /**
     * The engine's configuration of a TCP (or AF_UNIX) client set up so. settimeout bounds the connect and each
     * recv; receiving by hand, the lab times the recv itself.
     */
    public ClientConfig tcpConfig() {
        Duration limit = lab.timeout() == null ? ClientConfig.DEFAULT_CONNECT_TIMEOUT
                : Duration.ofMillis(Math.max(1, Math.round(lab.timeout() * 1000)));
        Duration idle = lab.timeout() == null || lab.manualReceive() ? null : limit;
        return ClientConfig.of(target).withOptions(options).withTimeouts(limit, idle);
    }

    /** The engine's configuration of a UDP client socket set up so (bound where {@code udpBind} says). */
    public UdpConfig udpConfig() {
        return UdpConfig.of(udpBind).withOptions(options).withMulticast(multicast);
    }
}
