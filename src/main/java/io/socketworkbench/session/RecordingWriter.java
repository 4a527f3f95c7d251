package io.socketworkbench.session;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.FactSink;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * A recording: every socket fact of a session, written as it happens, one JSON object a line. The first line says
 * what the file is ({@code {"format": "socket-workbench-recording", "version": 1, ...}}); each fact then has
 * {@code t} (seconds since the epoch), {@code type}, {@code conn}, {@code local}, {@code remote}, and where they
 * apply {@code parent} (the server that accepted a connection; for a relay's connection onward, the client it
 * forwards), {@code dir} ({@code "in"} or {@code "out"}, seen from the recording side; for a close, {@code "in"}
 * when the peer ended the connection), {@code data} (base64) and {@code error} (Python's words). Every byte is
 * kept. No JavaFX: the command line's {@code --record} writes it.
 */
public final class RecordingWriter implements FactSink, Closeable {
    public static final String FORMAT = "socket-workbench-recording";
    public static final int VERSION = 1;

    private final OutputStream out;
    private final long cap;
    private long written;
    private boolean capped;
    private IOException failure;
    private boolean closed;

    private RecordingWriter(OutputStream out, long cap) {
        this.out = out;
        this.cap = cap;
    }

    /** Creates (or replaces) {@code file} and writes its first line; {@code tool} names what wrote it. */
    public static RecordingWriter create(Path file, String tool) throws IOException {
        return to(Files.newOutputStream(file), tool, Long.MAX_VALUE);
    }

    /**
     * A recording written to {@code out} (buffered here), its first line written now, stopping before a fact would
     * take it past {@code cap} bytes: what it holds then is whole, and {@link #capped()} says that it stopped.
     */
    public static RecordingWriter to(OutputStream out, String tool, long cap) throws IOException {
        RecordingWriter writer = new RecordingWriter(new BufferedOutputStream(out, 1 << 16), cap);
        writer.line("{\"format\": \"" + FORMAT + "\", \"version\": " + VERSION + ", \"tool\": " + quote(tool)
                + "}");
        return writer;
    }

    @Override
    public synchronized void fact(Fact fact) {
        if (closed || failure != null || capped) {
            return;
        }
        StringBuilder line = new StringBuilder(160);
        line.append("{\"t\": ").append(String.format(Locale.ROOT, "%.6f", fact.time()))
                .append(", \"type\": \"").append(fact.type().name().toLowerCase(Locale.ROOT)).append('"')
                .append(", \"conn\": ").append(fact.conn());
        if (fact.parent() >= 0) {
            line.append(", \"parent\": ").append(fact.parent());
        }
        address(line, "local", fact.local());
        address(line, "remote", fact.remote());
        switch (fact.type()) {
            case DATA, FIN, DATAGRAM, RST, CLOSE ->
                    line.append(", \"dir\": \"").append(fact.in() ? "in" : "out").append('"');
            default -> { }
        }
        boolean data = fact.type() == Fact.Type.DATA || fact.type() == Fact.Type.DATAGRAM;
        String head = null;
        if (data) {
            // The bytes are encoded straight into the file, after what comes before them: no copy of them as text.
            line.append(", \"data\": \"");
            head = line.toString();
            line.setLength(0);
            line.append('"');
        }
        if (fact.tls() != null) {
            line.append(", \"version\": ").append(quote(fact.tls().protocol()))
                    .append(", \"cipher\": ").append(quote(fact.tls().cipherSuite()));
            if (fact.tls().alpn() != null) {
                line.append(", \"alpn\": ").append(quote(fact.tls().alpn()));
            }
            if (fact.tls().sni() != null) {
                line.append(", \"sni\": ").append(quote(fact.tls().sni()));
            }
            line.append(", \"records\": [");
            String comma = "";
            for (var record : fact.tls().records()) {
                line.append(comma).append("{\"dir\": \"").append(record.sent() ? "out" : "in")
                        .append("\", \"message\": ").append(record.encrypted() ? "null" : quote(record.message()))
                        .append(", \"bytes\": ").append(record.bytes()).append('}');
                comma = ", ";
            }
            line.append(']');
        }
        if (fact.error() != null) {
            line.append(", \"error\": ").append(quote(fact.error()));
        }
        line.append('}');
        String tail = line.toString();
        long encoded = data ? 4L * ((fact.data().length + 2) / 3) : 0;
        long size = (head == null ? 0 : head.length()) + encoded + tail.length() * 3L + 1; // UTF-8: 3 bytes at most
        if (written + size > cap) {
            capped = true;
            return;
        }
        try {
            if (data) {
                byte[] start = head.getBytes(StandardCharsets.UTF_8);
                out.write(start);
                OutputStream base64 = Base64.getEncoder().wrap(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() {
                        // the recording goes on: only the encoder's last bytes are written
                    }
                });
                base64.write(fact.data());
                base64.close();
                written += start.length + encoded;
            }
            line(tail);
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes out what is buffered; returns the file's length then: every line before it is whole. */
    public synchronized long flush() throws IOException {
        if (!closed) {
            out.flush();
        }
        return written;
    }

    /** True once a fact did not fit under the cap: the recording stopped before it. */
    public synchronized boolean capped() {
        return capped;
    }

    /** The first write that failed (a full disk, say), or null: the session goes on, the recording stops there. */
    public synchronized IOException failure() {
        return failure;
    }

    private static void address(StringBuilder line, String name, SocketAddress address) {
        line.append(", \"").append(name).append("\": ").append(address == null ? "null" : quote(Address.format(address)));
    }

    private void line(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.write('\n');
        written += bytes.length + 1;
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
    }
}
