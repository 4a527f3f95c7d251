package io.socketworkbench.engine;

import java.net.SocketAddress;

/**
 * Everything the engine reports. Events are delivered on an engine thread; byte arrays in them are never
 * touched again by the engine, and listeners must not change them. The engine updates its own state (futures,
 * connection counts) before it delivers the event that reports the change.
 */
public sealed interface SocketEvent {

    /** The id of the server, client or UDP endpoint (or accepted connection) the event is about. */
    long source();

    /** A server or UDP endpoint is bound (and, for TCP, listening) at {@code local}. */
    record Listening(long source, SocketAddress local) implements SocketEvent {}

    /** A UDP endpoint joined a multicast group ({@code group}: its address and the endpoint's port) on {@code iface}. */
    record Joined(long source, SocketAddress group, String iface) implements SocketEvent {}

    /** The server with id {@code source} accepted connection {@code connection}. */
    record Accepted(long source, long connection, SocketAddress remote, SocketAddress local) implements SocketEvent {}

    /** A client connected; {@code source} is the client's id and also its connection's id. */
    record Connected(long source, SocketAddress local, SocketAddress remote) implements SocketEvent {}

    /** Bytes arrived on a connection, or a datagram arrived on a UDP endpoint from {@code from}. */
    record Received(long source, SocketAddress from, byte[] data) implements SocketEvent {}

    /**
     * Who wrote the bytes of a {@link Sent}: the user, the engine by itself (a server's greeting or echo), or a
     * relay passing on what it received on its other side.
     */
    enum Origin { USER, GREETING, ECHO, RELAY }

    /**
     * Bytes were handed to the operating system in full. For the engine's own writes ({@code origin} GREETING or
     * ECHO) {@code data} holds the bytes really written, so a view shows what was sent, not what it meant to send;
     * for the user's sends it is null (the caller has them, and the send's future tells when they went), and for a
     * relay's (the {@link Received} on its other side carried them).
     */
    record Sent(long source, SocketAddress to, int bytes, Origin origin, byte[] data) implements SocketEvent {
        public Sent(long source, SocketAddress to, int bytes) {
            this(source, to, bytes, Origin.USER, null);
        }
    }

    /**
     * The peer sent its FIN on a connection that stays open for writing (a relay's): it will send nothing more,
     * and its recv() would return {@code b''} once it has read what is still on its way to it.
     */
    record PeerFinished(long source) implements SocketEvent {}

    /** A TLS handshake has finished: application bytes flow from now on, encrypted. */
    record Secured(long source, TlsInfo info) implements SocketEvent {}

    /**
     * A TLS connection's bytes on the wire so far, records, handshake and alerts all (the other events count the
     * plaintext): at most twice a second while bytes flow, and once more as it closes.
     */
    record Wire(long source, long read, long written) implements SocketEvent {}

    /**
     * Relay {@code source} forwards the client it accepted as connection {@code client} through its own connection
     * {@code upstream} to the target, which it starts to open now; the upstream's events follow under its id.
     */
    record Forwarding(long source, long client, long upstream) implements SocketEvent {}

    /** A connection ended; {@code error} is set for {@link CloseReason#RESET} and {@link CloseReason#ERROR}. */
    record Closed(long source, CloseReason reason, SocketError error) implements SocketEvent {}

    /** An operation failed without a connection to close (bind, connect, a refused send, ...). */
    record Failed(long source, Operation operation, SocketError error) implements SocketEvent {}

    /** A send was refused because the connection's outbound queue already holds {@code queued} of {@code cap} bytes. */
    record SendRejected(long source, int bytes, long queued, long cap) implements SocketEvent {}

    /** A server refused a client because it already holds {@code limit} clients. */
    record AcceptRefused(long source, SocketAddress remote, int limit) implements SocketEvent {}

    /** A server or UDP endpoint stopped; its port is free again. */
    record Stopped(long source) implements SocketEvent {}
}
