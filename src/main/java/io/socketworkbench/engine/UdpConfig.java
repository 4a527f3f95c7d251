package io.socketworkbench.engine;

/**
 * How a UDP endpoint binds and whether it answers each datagram: with an echo, or with a fixed reply; and what
 * it does with multicast (a group to join, the interface, TTL and loopback of what it sends to groups).
 * A null {@code bind} leaves binding to the system on the first send, as with a fresh Python socket.
 */
public record UdpConfig(Address bind, SocketOptionsSpec options, boolean echo, byte[] reply, DatagramSink sink,
                        Multicast multicast) {

    public UdpConfig {
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        reply = reply == null ? new byte[0] : reply.clone();
        multicast = multicast == null ? Multicast.NONE : multicast;
    }

    public UdpConfig(Address bind, SocketOptionsSpec options, boolean echo, byte[] reply) {
        this(bind, options, echo, reply, null, null);
    }

    public UdpConfig(Address bind, SocketOptionsSpec options, boolean echo, byte[] reply, DatagramSink sink) {
        this(bind, options, echo, reply, sink, null);
    }

    public static UdpConfig of(Address bind) {
        return new UdpConfig(bind, SocketOptionsSpec.DEFAULTS, false, null);
    }

    public UdpConfig withEcho(boolean on) {
        return new UdpConfig(bind, options, on, reply, sink, multicast);
    }

    public UdpConfig withReply(byte[] bytes) {
        return new UdpConfig(bind, options, echo, bytes, sink, multicast);
    }

    public UdpConfig withOptions(SocketOptionsSpec value) {
        return new UdpConfig(bind, value, echo, reply, sink, multicast);
    }

    /** Received datagrams go to {@code value} instead of as events (see {@link DatagramSink}). */
    public UdpConfig withSink(DatagramSink value) {
        return new UdpConfig(bind, options, echo, reply, value, multicast);
    }

    /**
     * Joins {@code value.group()} (if any) once bound, and sends to groups with its interface, TTL and loopback. To
     * receive a group's datagrams, bind the group's address and port (IPv4) or the wildcard and port (IPv6).
     */
    public UdpConfig withMulticast(Multicast value) {
        return new UdpConfig(bind, options, echo, reply, sink, value);
    }
}
