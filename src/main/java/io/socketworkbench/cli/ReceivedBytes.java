package io.socketworkbench.cli;

import io.socketworkbench.engine.SocketError;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where received bytes go: stdout as they are, and every byte appended to the --save file. Writes go through
 * channels so that the engine's direct read buffer reaches the file descriptor without another copy.
 */
final class ReceivedBytes implements AutoCloseable {
    private final OutputStream stdoutStream;
    private final WritableByteChannel stdout;
    private final FileChannel save;
    private boolean stdoutBroken;
    /** How stdout shows the bytes; the --save file always gets them as they are. */
    private Show show = Show.RAW;

    private ReceivedBytes(OutputStream stdoutStream, FileChannel save) {
        this.stdoutStream = stdoutStream;
        this.stdout = stdoutStream instanceof FileOutputStream file ? file.getChannel()
                : Channels.newChannel(stdoutStream);
        this.save = save;
    }

    /** Opens the save file for appending; failure is reported as Python would report open(). */
    static ReceivedBytes open(OutputStream stdout, Path saveFile) throws CliFailure {
        if (saveFile == null) {
            return new ReceivedBytes(stdout, null);
        }
        try {
            return new ReceivedBytes(stdout, FileChannel.open(saveFile,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new CliFailure(SocketError.from(e).pythonText() + ": '" + saveFile + "'");
        }
    }

    /** Opens as {@link #open(OutputStream, Path)}, with stdout showing each chunk as {@code show} says. */
    static ReceivedBytes open(OutputStream stdout, Path saveFile, Show show) throws CliFailure {
        ReceivedBytes received = open(stdout, saveFile);
        received.show = show == null ? Show.RAW : show;
        return received;
    }

    void write(byte[] data) throws IOException {
        write(ByteBuffer.wrap(data));
    }

    /**
     * Writes one chunk to the capture, then to stdout. A closed stdout (as with {@code | head}) stops the copy
     * but not the capture; a failing capture is an error.
     */
    synchronized void write(ByteBuffer data) throws IOException {
        if (save != null) {
            writeFully(save, data.duplicate());
        }
        if (!stdoutBroken) {
            try {
                if (show != Show.RAW) {
                    byte[] chunk = new byte[data.remaining()];
                    data.get(chunk);
                    data = ByteBuffer.wrap(show.line(chunk));
                }
                writeFully(stdout, data);
                stdoutStream.flush();
            } catch (IOException e) {
                stdoutBroken = true;
            }
        }
    }

    /** Bytes gathered by {@link #append}, written by {@link #flush}: one write for many small datagrams. */
    private ByteBuffer gathered;

    /** Like {@link #write(ByteBuffer)}, but held until {@link #flush} (or until 1 MiB is held). */
    synchronized void append(ByteBuffer data) throws IOException {
        if (show != Show.RAW) {
            write(data); // one line per datagram
            return;
        }
        if (gathered == null) {
            gathered = ByteBuffer.allocateDirect(1 << 20);
        }
        if (data.remaining() > gathered.remaining()) {
            flush();
        }
        if (data.remaining() > gathered.capacity()) {
            write(data);
        } else {
            gathered.put(data);
        }
    }

    /** Writes what {@link #append} gathered. */
    synchronized void flush() throws IOException {
        if (gathered != null && gathered.position() > 0) {
            gathered.flip();
            write(gathered);
            gathered.clear();
        }
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    synchronized boolean stdoutBroken() {
        return stdoutBroken;
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        stdoutStream.flush();
        if (save != null) {
            save.close();
        }
    }
}
