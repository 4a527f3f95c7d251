package io.socketworkbench.session;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.SocketOptionsSpec;
import java.util.Objects;

/**
 * How a client socket is set up, as data: where it connects or sends to (as the user gave it), TCP or UDP, its
 * socket options, the socket lab's choices, where a UDP socket binds (null: the system chooses on the first send),
 * and its multicast settings. A client tab's view model opens from one (taken from the form when Connect is
 * pressed); the lesson and "Export as Python" keep one for each client socket.
 */
public record ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab, Address udpBind,
                          Multicast multicast) {
    public ClientSetup {
        Objects.requireNonNull(target, "target");
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        lab = lab == null ? ClientLab.DEFAULT : lab;
        multicast = multicast == null ? Multicast.NONE : multicast;
    }

    public ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab) {
        this(target, udp, options, lab, null, null);
    }

    public ClientSetup(Address target, boolean udp, SocketOptionsSpec options, ClientLab lab, Address udpBind) {
        this(target, udp, options, lab, udpBind, null);
    }
}
