package io.socketworkbench.ui.model;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.export.PcapngExport;
import io.socketworkbench.export.PytestExport;
import io.socketworkbench.session.RecordingReader;
import io.socketworkbench.session.RecordingWriter;
import io.socketworkbench.session.WholeFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The window's timeline, kept: every socket fact of the session (each byte both ways, each connect, FIN, reset,
 * datagram, TLS handshake, error), written as a recording to a file of its own from the window's start, so that
 * memory stays bounded however much crosses. The file is opened with {@code DELETE_ON_CLOSE}, which on Linux and
 * macOS unlinks it at once: it is never seen in the temporary folder, and its space returns when the window's
 * process ends, however it ends. It stops at {@link #CAP} (the window says so when it is saved). Saved
 * as it is (File → Save recording…), or exported as a pytest file or a pcapng capture. No JavaFX: call the slow
 * parts off the UI thread.
 */
public final class SessionRecording {
    /** The most a session keeps on disk. */
    public static final long CAP = 2L << 30;

    private final FileChannel file;
    private final RecordingWriter writer;
    private final IOException failure;

    private SessionRecording(FileChannel file, RecordingWriter writer, IOException failure) {
        this.file = file;
        this.writer = writer;
        this.failure = failure;
    }

    /** Starts recording every fact of {@code engine} into a temporary file, deleted when the session ends. */
    public static SessionRecording start(SocketEngine engine) {
        try {
            Path path = Path.of(System.getProperty("java.io.tmpdir"), "socket-workbench-session-"
                    + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsonl");
            FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
            RecordingWriter writer = RecordingWriter.to(Channels.newOutputStream(file), "socket-workbench "
                    + SocketEngine.version() + " (window)", CAP);
            engine.recordTo(writer);
            return new SessionRecording(file, writer, null);
        } catch (IOException e) {
            return new SessionRecording(null, null, e);
        }
    }

    /** True when the session's facts stopped being kept at {@link #CAP}. */
    public boolean capped() {
        return writer != null && writer.capped();
    }

    /** Copies what is recorded so far (whole lines) to {@code target}. */
    public void saveTo(Path target) throws IOException {
        long length = flushed();
        WholeFile.write(target, temp -> {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                for (long at = 0; at < length; ) {
                    long n = file.transferTo(at, length - at, out); // at its position: the writer's is not moved
                    if (n <= 0) {
                        break;
                    }
                    at += n;
                }
            }
            return length;
        });
    }

    /** Writes the session so far as a pcapng capture to {@code target}. */
    public PcapngExport.Summary exportPcapng(Path target) throws IOException {
        long length = flushed();
        try (RecordingReader reader = RecordingReader.open(RecordingReader.region(file, 0, length, false));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            return PcapngExport.write(reader, out, "socket-workbench " + SocketEngine.version());
        }
    }

    /** Writes the session so far as a pytest file to {@code target}; nothing when it has no conversation. */
    public PytestExport.Summary exportPytest(Path target) throws IOException {
        long length = flushed();
        PytestExport.Summary summary;
        try (RecordingReader reader = RecordingReader.open(RecordingReader.region(file, 0, length, false))) {
            summary = PytestExport.of(reader, "of the window's session");
        }
        if (summary.tests() > 0) {
            Files.writeString(target, summary.text(), StandardCharsets.UTF_8);
        }
        return summary;
    }

    /** Stops recording and deletes the file. */
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close(); // and the channel under it: the file goes with it
            file.close();
        } catch (IOException ignored) {
            // nothing more to keep
        }
    }

    private long flushed() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (writer.failure() != null) {
            throw writer.failure();
        }
        return writer.flush();
    }
}
