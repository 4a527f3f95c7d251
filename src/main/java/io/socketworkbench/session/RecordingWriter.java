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

    /** Each fact type's name in a line. */
    private static final String[] TYPES = java.util.Arrays.stream(Fact.Type.values())
            .map(type -> type.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    /** Addresses already put in words: a flood of datagrams names the same few thousand at most. */
    private static final int NAMES_KEPT = 4096;

    private final OutputStream out;
    private final long cap;
    /**
     * Reused for every fact, so a flood of datagrams (each a fact, written on the engine's thread while the kernel
     * holds the next ones) costs no new objects a line: the line's text, its bytes, the base64 of its data.
     */
    private final StringBuilder line = new StringBuilder(256);
    private byte[] bytes = new byte[1024];
    private final java.util.Map<SocketAddress, String> names = new java.util.HashMap<>();
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
        writer.line.append("{\"format\": \"").append(FORMAT).append("\", \"version\": ").append(VERSION)
                .append(", \"tool\": ").append(quote(tool)).append("}\n");
        writer.write(0, writer.line.length());
        return writer;
    }

    @Override
    public synchronized void fact(Fact fact) {
        if (closed || failure != null || capped) {
            return;
        }
        line.setLength(0);
        line.append("{\"t\": ");
        seconds(line, fact.time());
        line.append(", \"type\": \"").append(TYPES[fact.type().ordinal()]).append('"')
                .append(", \"conn\": ").append(fact.conn());
        if (fact.parent() >= 0) {
            line.append(", \"parent\": ").append(fact.parent());
        }
        address("local", fact.local());
        address("remote", fact.remote());
        switch (fact.type()) {
            case DATA, FIN, DATAGRAM, RST, CLOSE ->
                    line.append(", \"dir\": \"").append(fact.in() ? "in" : "out").append('"');
            default -> { }
        }
        boolean data = fact.type() == Fact.Type.DATA || fact.type() == Fact.Type.DATAGRAM;
        int headLength = 0;
        if (data) {
            // The bytes are encoded straight after what comes before them: no copy of them as text.
            line.append(", \"data\": \"");
            headLength = line.length();
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
        line.append("}\n");
        long encoded = data ? 4L * ((fact.data().length + 2) / 3) : 0;
        long size = encoded + line.length() * 3L; // UTF-8: 3 bytes a char at most
        if (written + size > cap) {
            capped = true;
            return;
        }
        try {
            if (data) {
                write(0, headLength);
                if (bytes.length < encoded) {
                    bytes = new byte[(int) Math.max(encoded, bytes.length * 2L)];
                }
                int n = Base64.getEncoder().encode(fact.data(), bytes);
                out.write(bytes, 0, n);
                written += n;
            }
            write(headLength, line.length());
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes {@code line}'s characters from {@code start} to {@code end} as UTF-8. */
    private void write(int start, int end) throws IOException {
        int length = end - start;
        if (bytes.length < 3 * length) {
            bytes = new byte[Math.max(3 * length, bytes.length * 2)];
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                byte[] text = line.substring(start, end).getBytes(StandardCharsets.UTF_8);
                out.write(text);
                written += text.length;
                return;
            }
            bytes[n++] = (byte) c;
        }
        out.write(bytes, 0, n);
        written += n;
    }

    /** Seconds since the epoch with six decimals, as {@code %.6f} writes them, without a formatter a line. */
    static void seconds(StringBuilder into, double time) {
        long micros = Math.round(time * 1e6);
        if (micros < 0 || Double.isNaN(time) || Double.isInfinite(time)) {
            into.append(String.format(Locale.ROOT, "%.6f", time));
            return;
        }
        long fraction = micros % 1_000_000;
        into.append(micros / 1_000_000).append('.');
        for (long digit = 100_000; digit > fraction && digit > 1; digit /= 10) {
            into.append('0');
        }
        into.append(fraction);
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

    private void address(String name, SocketAddress address) {
        line.append(", \"").append(name).append("\": ");
        if (address == null) {
            line.append("null");
            return;
        }
        String quoted = names.get(address);
        if (quoted == null) {
            if (names.size() >= NAMES_KEPT) {
                names.clear();
            }
            quoted = quote(Address.format(address));
            names.put(address, quoted);
        }
        line.append(quoted);
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
