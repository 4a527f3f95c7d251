package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte path between a connection's queues and its channel: what the application reads and writes, on the
 * engine's thread, without blocking. Plain TCP passes bytes straight through ({@link PlainTransport}); a transport
 * that frames or encrypts (TLS) sits here, so that nothing above a connection knows which one carries it.
 */
interface Transport {

    /** Reads what has arrived into {@code into}: the count of application bytes, 0 for none yet, -1 at the end. */
    int read(ByteBuffer into) throws IOException;

    /** Writes as much of {@code from} as goes now; the count of application bytes taken (0 when none fit). */
    int write(ByteBuffer from) throws IOException;

    /** Python's {@code shutdown(SHUT_WR)}: the peer's recv() returns {@code b''} once what was written is out. */
    void shutdownOutput() throws IOException;
}
