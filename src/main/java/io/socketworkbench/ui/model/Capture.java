package io.socketworkbench.ui.model;

import io.socketworkbench.engine.SocketEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A capture to file: every byte received, written on the engine thread before the view trims anything, so the
 * file keeps what the bounded transcript cannot.
 */
public final class Capture implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private long bytes;
    private IOException failure;

    private Capture(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    public static Capture open(Path file) throws IOException {
        return new Capture(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Engine thread: keeps the bytes of a received event; other events are ignored. */
    public void record(SocketEvent event) {
        if (event instanceof SocketEvent.Received received) {
            write(received.data());
        }
    }

    private synchronized void write(byte[] data) {
        if (failure != null || !channel.isOpen()) {
            return;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            bytes += data.length;
        } catch (IOException e) {
            failure = e;
        }
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** The write error that stopped the capture, if any. */
    public synchronized IOException failure() {
        return failure;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
