package io.socketworkbench.ui.model;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A pane's continuous log: every event and message, timestamped, one line each, readable (bytes as Python's
 * {@code repr}); and, if chosen, every received byte, byte-exact, to a second file ({@code FILE.raw}). It is fed
 * from the engine's thread, before the window sees anything, so it keeps every byte whatever the view drops. The
 * readable log rotates by size: past {@link #ROTATE_BYTES} it becomes {@code FILE.1} (then {@code .2}, up to
 * {@link #KEEP}) and a new one begins. A view model: no JavaFX.
 */
public final class TrafficLog {
    public static final long ROTATE_BYTES = 10L * 1024 * 1024;
    public static final int KEEP = 5;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final io.socketworkbench.ui.fx.EventPort port;
    private final Value<Boolean> active = new Value<>(false);
    private final Value<String> problem = new Value<>("");
    private Path file;
    /** Read on the engine's thread before any formatting: true while a file is open. */
    private volatile boolean writing;
    private OutputStream text;
    private OutputStream raw;
    private long written;
    private long rotateAt = ROTATE_BYTES;

    public TrafficLog(io.socketworkbench.ui.fx.EventPort port) {
        this.port = port;
    }

    public Value<Boolean> active() {
        return active;
    }

    /** What stopped the log (a full disk, a removed folder), or "" while it writes. */
    public Value<String> problem() {
        return problem;
    }

    /**
     * Starts writing to {@code to} (appending), and every received byte to {@code to.raw} when {@code withRaw}.
     *
     * @throws IOException when the file cannot be opened; nothing is started then
     */
    public synchronized void start(Path to, boolean withRaw) throws IOException {
        stop();
        file = to;
        text = open(to);
        try {
            raw = withRaw ? new BufferedOutputStream(Files.newOutputStream(rawFile(to), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 16) : null;
        } catch (IOException e) {
            text.close();
            text = null;
            throw e;
        }
        written = Files.size(to);
        problem.set("");
        writing = true;
        active.set(true);
    }

    public static Path rawFile(Path log) {
        return log.resolveSibling(log.getFileName() + ".raw");
    }

    /** Sizes past which the log rotates: for tests, which cannot write ten megabytes a time. */
    synchronized void rotateAt(long bytes) {
        rotateAt = bytes;
    }

    public synchronized void stop() {
        if (text == null) {
            return;
        }
        try {
            text.close();
            if (raw != null) {
                raw.close();
            }
        } catch (IOException e) {
            problem.set(e.toString());
        }
        text = null;
        raw = null;
        writing = false;
        active.set(false);
    }

    /** Wraps the listener a session gives the engine: each event is logged first, then passed on. */
    public SocketListener wrap(SocketListener view) {
        return event -> {
            record(event);
            view.onEvent(event);
        };
    }

    /** Bytes the user sent, from the pane's Send. */
    public void userSent(String to, byte[] data) {
        if (!writing) {
            return;
        }
        line("-> " + to + " " + data.length + " B " + repr(data));
    }

    private void record(SocketEvent event) {
        if (!writing) {
            return; // off (the usual case): nothing is formatted on the engine's thread
        }
        if (event instanceof SocketEvent.Received received) {
            line("<- " + Address.format(received.from()) + " " + received.data().length + " B "
                    + repr(received.data()));
            synchronized (this) {
                if (raw != null) {
                    try {
                        raw.write(received.data());
                    } catch (IOException e) {
                        fail(e);
                    }
                }
            }
        } else if (event instanceof SocketEvent.Sent sent && sent.data() != null) {
            // The engine's own writes (greeting, echo); the user's are logged as they are sent.
            line("-> " + Address.format(sent.to()) + " " + sent.bytes() + " B " + repr(sent.data()) + " ("
                    + sent.origin().name().toLowerCase(java.util.Locale.ROOT) + ")");
        } else if (event instanceof SocketEvent.Accepted accepted) {
            line("-- accepted " + Address.format(accepted.remote()));
        } else if (event instanceof SocketEvent.Connected connected) {
            line("-- connected " + Address.format(connected.local()) + " -> " + Address.format(connected.remote()));
        } else if (event instanceof SocketEvent.Closed closed) {
            line("-- closed #" + closed.source() + " (" + closed.reason().name().toLowerCase(java.util.Locale.ROOT)
                    + (closed.error() != null ? ": " + closed.error().pythonText() : "") + ")");
        } else if (event instanceof SocketEvent.Failed failed) {
            line("-- failed " + failed.error().pythonText());
        }
    }

    private static String repr(byte[] data) {
        return PythonBytes.repr(data);
    }

    private synchronized void line(String what) {
        if (text == null) {
            return;
        }
        byte[] bytes = (LocalDateTime.now().format(STAMP) + " " + what + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (written > 0 && written + bytes.length > rotateAt) {
                rotate();
            }
            text.write(bytes);
            text.flush();
            written += bytes.length;
        } catch (IOException e) {
            fail(e);
        }
    }

    private void rotate() throws IOException {
        text.close();
        for (int i = KEEP - 1; i >= 1; i--) {
            Path older = file.resolveSibling(file.getFileName() + "." + i);
            if (Files.exists(older)) {
                Files.move(older, file.resolveSibling(file.getFileName() + "." + (i + 1)),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        text = open(file);
        written = 0;
    }

    private static OutputStream open(Path to) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(to, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 1 << 16);
    }

    /** Any thread (the engine's, mostly): the log stops, and the pane hears why on its own thread. */
    private void fail(IOException e) {
        String why = io.socketworkbench.engine.SocketError.from(e).pythonText();
        try {
            if (text != null) {
                text.close();
            }
        } catch (IOException ignored) {
            // already failing
        }
        text = null;
        raw = null;
        writing = false;
        port.schedule(0, () -> {
            problem.set(why);
            active.set(false);
        });
    }
}
