package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Plain TCP (or an AF_UNIX stream): the application's bytes are the wire's. */
final class PlainTransport implements Transport {
    /** Largest slice handed to one write call, so a huge message never needs a huge temporary buffer. */
    private static final int WRITE_SLICE = 1024 * 1024;

    private final SocketChannel channel;

    PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        return channel.read(into);
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        int total = 0;
        while (from.hasRemaining()) {
            int length = Math.min(from.remaining(), WRITE_SLICE);
            int written = channel.write(from.slice(from.position(), length));
            from.position(from.position() + written);
            total += written;
            if (written < length) {
                break;
            }
        }
        return total;
    }

    @Override
    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }
}
