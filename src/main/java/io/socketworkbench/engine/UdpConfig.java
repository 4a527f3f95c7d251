package io.socketworkbench.engine;

/**
 * How a UDP endpoint binds and whether it answers each datagram: with an echo, or with a fixed reply.
 * A null {@code bind} leaves binding to the system on the first send, as with a fresh Python socket.
 */
public record UdpConfig(Address bind, SocketOptionsSpec options, boolean echo, byte[] reply, DatagramSink sink) {

    public UdpConfig {
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        reply = reply == null ? new byte[0] : reply.clone();
    }

    public UdpConfig(Address bind, SocketOptionsSpec options, boolean echo, byte[] reply) {
        this(bind, options, echo, reply, null);
    }

    public static UdpConfig of(Address bind) {
        return new UdpConfig(bind, SocketOptionsSpec.DEFAULTS, false, null);
    }

    public UdpConfig withEcho(boolean on) {
        return new UdpConfig(bind, options, on, reply, sink);
    }

    public UdpConfig withReply(byte[] bytes) {
        return new UdpConfig(bind, options, echo, bytes, sink);
    }

    public UdpConfig withOptions(SocketOptionsSpec value) {
        return new UdpConfig(bind, value, echo, reply, sink);
    }

    /** Received datagrams go to {@code value} instead of as events (see {@link DatagramSink}). */
    public UdpConfig withSink(DatagramSink value) {
        return new UdpConfig(bind, options, echo, reply, value);
    }
}
