package io.socketworkbench.engine;

import java.net.SocketAddress;
import java.time.Instant;

/**
 * One socket fact, recorded once, where the engine saw it happen: a server listening, a connection made or
 * accepted, bytes in or out, a FIN, a reset, a close, a datagram, an error, a TLS handshake, a multicast group joined (its
 * {@code remote} is the group and the port). The timeline of a window or of a
 * command line run is the sequence of these, in order; a recording (JSON Lines) writes them one a line.
 *
 * @param time seconds since the epoch, fractional
 * @param conn the id of the connection, server or UDP endpoint (the engine's one id space)
 * @param parent what {@code conn} belongs to, or -1: for an accepted connection, the server that accepted it; for
 *     a relay's connection onward, the client connection it forwards
 * @param local this side's address, or null where there is none yet
 * @param remote the peer's address (a datagram's sender or target), or null
 * @param in for data, FIN and datagrams: true when it came from the peer; for a close, true when the peer ended
 *     the connection (its FIN came and was read to the end), false when this side closed it
 * @param data the bytes of data and datagrams (never changed afterwards), else empty
 * @param error for an error, a reset, and a close that an error caused: Python's words for it, else null
 * @param tls for a TLS handshake: what it agreed, else null
 */
public record Fact(double time, Type type, long conn, long parent, SocketAddress local, SocketAddress remote,
                   boolean in, byte[] data, String error, TlsInfo tls) {

    /** What happened; the names are the recording's {@code "type"} values. */
    public enum Type { LISTEN, CONNECT, ACCEPT, DATA, FIN, RST, CLOSE, DATAGRAM, ERROR, JOIN, TLS }

    static final byte[] NONE = new byte[0];

    static Fact of(Type type, long conn, long parent, SocketAddress local, SocketAddress remote, boolean in,
                   byte[] data, SocketError error) {
        return of(type, conn, parent, local, remote, in, data, error, null);
    }

    static Fact of(Type type, long conn, long parent, SocketAddress local, SocketAddress remote, boolean in,
                   byte[] data, SocketError error, TlsInfo tls) {
        Instant now = Instant.now();
        return new Fact(now.getEpochSecond() + now.getNano() / 1e9, type, conn, parent, local, remote, in,
                data == null ? NONE : data, error == null ? null : error.pythonText(), tls);
    }
}
