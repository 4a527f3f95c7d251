package io.socketworkbench.engine;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;

/**
 * A fast path for received datagrams: called on the engine thread with a view of its receive buffer, valid only
 * during the call, instead of a {@link SocketEvent.Received} with a copy. {@link #batchEnd} follows each run of
 * datagrams read in one go, so a sink can buffer its writes and flush them there. For copying a flood to a file.
 * An exception is reported as a failed RECEIVE and the endpoint stops.
 */
public interface DatagramSink {
    void datagram(SocketAddress from, ByteBuffer data) throws IOException;

    /** No more datagrams are waiting for now. */
    default void batchEnd() throws IOException {
    }
}
