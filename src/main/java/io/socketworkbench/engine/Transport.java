package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The byte path between a connection's queues and its channel: what the application reads and writes, on the
 * engine's thread, without blocking. Plain TCP passes bytes straight through ({@link PlainTransport}); TLS
 * ({@link TlsTransport}) encrypts, and has bytes of its own to send (its handshake, its close_notify) and bytes
 * taken off the wire that wait to be read. Nothing above a connection knows which one carries it.
 */
interface Transport {

    /**
     * Reads what has arrived into {@code into}: the count of application bytes, 0 for none yet, -1 at the end.
     * Bytes it took off the wire beyond what {@code into} holds wait in it: see {@link #buffered()}.
     */
    int read(ByteBuffer into) throws IOException;

    /** Writes as much of {@code from} as goes now; the count of application bytes taken (0 when none fit). */
    int write(ByteBuffer from) throws IOException;

    /** Python's {@code shutdown(SHUT_WR)}: the peer's recv() returns {@code b''} once what was written is out. */
    void shutdownOutput() throws IOException;

    /** Starts what the transport does before any application byte (a TLS client's hello). */
    default void start() throws IOException {
    }

    /** Whether application bytes may flow yet (false while a TLS handshake runs). */
    default boolean ready() {
        return true;
    }

    /** Application bytes taken off the wire that wait for {@link #read}: the selector will not say so. */
    default boolean buffered() {
        return false;
    }

    /** Writes the transport's own bytes that wait (a handshake message, a close_notify); true when none waits. */
    default boolean flushWire() throws IOException {
        return true;
    }

    /** The last moment before the channel closes: a TLS transport says close_notify, if the socket takes it. */
    default void closing() {
    }

    /** What a TLS handshake agreed, once it has finished; null for a transport without one. */
    default TlsInfo tlsInfo() {
        return null;
    }

    /** Bytes read off the socket so far, TLS's records and all; -1 when they are the plaintext itself. */
    default long wireRead() {
        return -1;
    }

    /** Bytes written to the socket so far; -1 when they are the plaintext itself. */
    default long wireWritten() {
        return -1;
    }

    /**
     * The byte path for {@code channel}: plain, or TLS as {@code tls} says, for a peer known as {@code host} (the
     * name a client connected to, checked against the certificate), {@code port}.
     */
    static Transport over(SocketChannel channel, TlsSettings tls, String host, int port) {
        return tls == null ? new PlainTransport(channel) : new TlsTransport(channel, tls.newEngine(host, port));
    }
}
