package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketError;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One stream connection of the app's side of an exercise: non-blocking, with reads and writes that give up at a
 * deadline, and every byte reported to the trace. The exercise's own thread drives it; nothing here blocks for
 * longer than the deadline it is given.
 */
final class Link {
    final long id;
    final SocketChannel channel;
    private final Selector selector;
    private final Trace trace;
    private boolean closed;

    Link(long id, SocketChannel channel, Trace trace) throws IOException {
        this.id = id;
        this.channel = channel;
        this.trace = trace;
        channel.configureBlocking(false);
        selector = Selector.open();
    }

    /** Opens a stream socket for {@code address}'s family, with a small receive buffer when {@code smallBuffer}. */
    static SocketChannel open(Address address, boolean smallBuffer) throws IOException {
        SocketChannel channel = address instanceof Address.Unix
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        if (smallBuffer && !(address instanceof Address.Unix)) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
        }
        return channel;
    }

    /** Reads what has arrived, waiting until {@code deadline}: the bytes, an empty array at the deadline, null at EOF. */
    byte[] read(int max, long deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max);
        while (true) {
            int n = channel.read(buffer);
            if (n < 0) {
                trace.peerFinished(id);
                return null;
            }
            if (n > 0) {
                byte[] data = Arrays.copyOf(buffer.array(), n);
                trace.received(id, data);
                return data;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !await(SelectionKey.OP_READ, left)) {
                return new byte[0];
            }
        }
    }

    /** Writes all of {@code data} unless the deadline comes first; returns how many bytes went. */
    int write(byte[] data, long deadline) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !await(SelectionKey.OP_WRITE, left)) {
                    break;
                }
            }
        }
        if (buffer.position() > 0) {
            trace.sent(id, Arrays.copyOf(data, buffer.position()));
        }
        return buffer.position();
    }

    private boolean await(int operation, long nanos) throws IOException {
        SelectionKey key = channel.register(selector, operation);
        try {
            return selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos))) > 0;
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }

    void shutdownOutput() {
        try {
            channel.shutdownOutput();
            trace.halfClosed(id);
        } catch (IOException e) {
            // already gone: the close that follows reports it
        }
    }

    /** Closes, telling the trace how it ended: {@code error} for a reset or failure, null for a clean close. */
    void close(SocketError error) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
        trace.closed(id, error);
    }
}
