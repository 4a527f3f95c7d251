package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A fast path for received bytes: called on the engine thread with a view of its read buffer, valid only during
 * the call, instead of a {@link SocketEvent.Received} with a copy. For copying a stream to a file or stdout.
 * An exception closes the connection with that error.
 */
@FunctionalInterface
public interface ReceiveSink {
    void accept(long connection, ByteBuffer data) throws IOException;
}
