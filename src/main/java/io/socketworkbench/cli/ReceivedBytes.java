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
import io.socketworkbench.codec.Framing;
import io.socketworkbench.session.Reassembly;
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
        return open(stdout, saveFile, show, null, null);
    }

    /**
     * With a framing (and {@code --show hex|python}), stdout shows one line per message of each connection
     * rather than per chunk, through the same {@link Reassembly} as the window's transcripts; raw output and the
     * --save file are the bytes as they came. The idle pauses' ends run on {@code timers}' thread.
     */
    static ReceivedBytes open(OutputStream stdout, Path saveFile, Show show, Framing framing,
                              io.socketworkbench.engine.SocketEngine timers) throws CliFailure {
        ReceivedBytes received = open(stdout, saveFile);
        received.show = show == null ? Show.RAW : show;
        if (received.show != Show.RAW && framing != null) {
            received.messages = new Reassembly((millis, task) -> timers.schedule(millis, () -> {
                synchronized (received) {
                    task.run();
                }
            }), new Reassembly.Notes() {
                @Override
                public void message(long connection, byte[] message) {
                    received.line(message);
                }

                @Override
                public void refused(long connection, byte[] held) {
                    received.line(held); // as it came, and this connection's chunks so from here
                }
            });
            received.messages.use(framing);
        }
        return received;
    }

    /** The messages of each connection, when framed; null shows each chunk as it came. */
    private Reassembly messages;

    /** One connection's chunk: framed into messages when a framing is set, else as {@link #write(ByteBuffer)}. */
    synchronized void write(long connection, ByteBuffer data) throws IOException {
        if (messages == null) {
            write(data);
            return;
        }
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        if (save != null) {
            writeFully(save, ByteBuffer.wrap(chunk));
        }
        if (!messages.feed(connection, chunk, 0)) {
            line(chunk);
        }
    }

    /** The end of a connection: what waits for the end of its message is shown now. */
    synchronized void endOf(long connection) {
        if (messages != null) {
            messages.end(connection);
        }
    }

    private void line(byte[] message) {
        if (stdoutBroken) {
            return;
        }
        try {
            writeFully(stdout, ByteBuffer.wrap(show.line(message)));
            stdoutStream.flush();
        } catch (IOException e) {
            stdoutBroken = true;
        }
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
        if (messages != null) {
            messages.endAll();
        }
        flush();
        stdoutStream.flush();
        if (save != null) {
            save.close();
        }
    }
}
