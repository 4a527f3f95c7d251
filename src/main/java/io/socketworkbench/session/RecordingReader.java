package io.socketworkbench.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.TlsInfo;
import io.socketworkbench.engine.TlsRecord;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads a recording ({@link RecordingWriter}'s JSON Lines) one fact at a time, so that a recording of any size is
 * read in bounded memory. Each line is parsed by Gson; a line that is not what a recording holds is refused with
 * its number and the field that is wrong ({@link BadRecording}). Fields it does not know are skipped, as the format
 * asks; a TLS fact keeps what was agreed and its records (no certificates: a recording holds none).
 */
public final class RecordingReader implements Closeable {
    private final RecordingLines in;
    private int line = 1;

    private RecordingReader(RecordingLines in) {
        this.in = in;
    }

    /** A line of a recording that is not what the format says: its number, the field, what is wrong. */
    public static final class BadRecording extends IOException {
        private static final long serialVersionUID = 1L;
        BadRecording(int line, String problem) {
            super("line " + line + ": " + problem);
        }
    }

    /**
     * Opens {@code file} and reads its first line. Throws what opening it threw ({@code NoSuchFileException}, ...),
     * or {@link BadRecording} when it is not a recording, or one of a newer version.
     */
    public static RecordingReader open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    /**
     * The bytes of {@code channel} from {@code start} to {@code end}, read at their positions (the channel's own
     * position, where a writer may be appending, is not moved); closing the stream closes the channel when
     * {@code owned}.
     */
    public static java.io.InputStream region(java.nio.channels.FileChannel channel, long start, long end,
                                             boolean owned) {
        return new java.io.InputStream() {
            private long at = start;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at >= end) {
                    return -1;
                }
                int n = channel.read(java.nio.ByteBuffer.wrap(b, off, (int) Math.min(len, end - at)), at);
                if (n > 0) {
                    at += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                if (owned) {
                    channel.close();
                }
            }
        };
    }

    /** A recording read from {@code bytes}, its first line checked now (see {@link #open(Path)}). */
    public static RecordingReader open(java.io.InputStream bytes) throws IOException {
        RecordingLines in = new RecordingLines(bytes);
        try {
            String first = in.readLine() ? in.text() : null;
            JsonObject header;
            try {
                header = first == null ? null : object(first, 1);
            } catch (BadRecording notJson) {
                header = null;
            }
            if (header == null || !header.has("format") || !RecordingWriter.FORMAT.equals(text(header, "format", 1))) {
                throw new BadRecording(1, "not a Socket Workbench recording (its first line must be {\"format\": \""
                        + RecordingWriter.FORMAT + "\", \"version\": " + RecordingWriter.VERSION + ", ...})");
            }
            int version = (int) number(header, "version", 1);
            if (version > RecordingWriter.VERSION) {
                throw new BadRecording(1, "field \"version\": " + version + " is newer than this version of Socket "
                        + "Workbench reads (" + RecordingWriter.VERSION + ")");
            }
            return new RecordingReader(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The next fact, or null at the end of the file. Blank lines are skipped. */
    public Fact next() throws IOException {
        do {
            line++;
            if (!in.readLine()) {
                return null;
            }
        } while (in.blank());
        // A chunk's bytes are most of a line (87 KB of base64 for 64 KiB): they are decoded straight from the
        // file's bytes, and only the rest of the line is parsed as JSON. A line written otherwise is parsed whole.
        int[] data = in.base64Value();
        if (data != null) {
            byte[] bytes;
            try {
                bytes = in.decode(data[0], data[1]);
            } catch (IllegalArgumentException e) {
                throw new BadRecording(line, "field \"data\": not base64 (" + e.getMessage() + ")");
            }
            return fact(object(in.textWithout(data[0], data[1]), line), line, bytes);
        }
        return fact(object(in.text(), line), line, null);
    }

    /** Every fact of {@code file}, in order: for a recording known to be small (tests, a window's session). */
    public static List<Fact> readAll(Path file) throws IOException {
        List<Fact> facts = new ArrayList<>();
        try (RecordingReader reader = open(file)) {
            for (Fact fact = reader.next(); fact != null; fact = reader.next()) {
                facts.add(fact);
            }
        }
        return facts;
    }

    private static JsonObject object(String text, int line) throws BadRecording {
        try {
            JsonElement element = JsonParser.parseString(text);
            if (!element.isJsonObject()) {
                throw new BadRecording(line, "not a JSON object");
            }
            return element.getAsJsonObject();
        } catch (JsonParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : String.valueOf(e.getMessage());
            throw new BadRecording(line, "not JSON (" + why.replaceFirst("(?s)\\s*See https?://\\S+", "") + ")");
        }
    }

    /** The fact a line holds; {@code decoded} is its data when that was decoded already, else null. */
    private static Fact fact(JsonObject o, int line, byte[] decoded) throws BadRecording {
        String typeName = text(o, "type", line);
        Fact.Type type;
        try {
            type = Fact.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRecording(line, "field \"type\": \"" + typeName + "\" is none of listen, connect, accept, "
                    + "data, fin, rst, close, datagram, tls, error, join");
        }
        double time = number(o, "t", line);
        long conn = (long) number(o, "conn", line);
        long parent = o.has("parent") && !o.get("parent").isJsonNull() ? (long) number(o, "parent", line) : -1;
        SocketAddress local = address(o, "local", line);
        SocketAddress remote = address(o, "remote", line);
        boolean in = false;
        if (o.has("dir") && !o.get("dir").isJsonNull()) {
            String dir = text(o, "dir", line);
            if (!dir.equals("in") && !dir.equals("out")) {
                throw new BadRecording(line, "field \"dir\": \"" + dir + "\" is neither \"in\" nor \"out\"");
            }
            in = dir.equals("in");
        }
        byte[] data = new byte[0];
        if ((type == Fact.Type.DATA || type == Fact.Type.DATAGRAM) && decoded != null) {
            data = decoded;
        } else if (type == Fact.Type.DATA || type == Fact.Type.DATAGRAM) {
            try {
                data = Base64.getDecoder().decode(text(o, "data", line));
            } catch (IllegalArgumentException e) {
                throw new BadRecording(line, "field \"data\": not base64 (" + e.getMessage() + ")");
            }
        }
        String error = o.has("error") && !o.get("error").isJsonNull() ? text(o, "error", line) : null;
        TlsInfo tls = type == Fact.Type.TLS ? tls(o, line) : null;
        return new Fact(time, type, conn, parent, local, remote, in, data, error, tls);
    }

    private static TlsInfo tls(JsonObject o, int line) throws BadRecording {
        List<TlsRecord> records = new ArrayList<>();
        if (o.has("records") && o.get("records").isJsonArray()) {
            JsonArray array = o.getAsJsonArray("records");
            for (JsonElement element : array) {
                if (!element.isJsonObject()) {
                    throw new BadRecording(line, "field \"records\": an item is not an object");
                }
                JsonObject record = element.getAsJsonObject();
                String message = record.has("message") && !record.get("message").isJsonNull()
                        ? text(record, "message", line) : null;
                records.add(new TlsRecord("out".equals(text(record, "dir", line)), message,
                        (int) number(record, "bytes", line)));
            }
        }
        return new TlsInfo(optional(o, "version", line), optional(o, "cipher", line), optional(o, "alpn", line),
                optional(o, "sni", line), List.of(), List.of(), records);
    }

    private static String optional(JsonObject o, String field, int line) throws BadRecording {
        return o.has(field) && !o.get(field).isJsonNull() ? text(o, field, line) : null;
    }

    private static String text(JsonObject o, String field, int line) throws BadRecording {
        JsonElement value = o.get(field);
        if (value == null) {
            throw new BadRecording(line, "field \"" + field + "\" is missing");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new BadRecording(line, "field \"" + field + "\": " + value + " is not a string");
        }
        return value.getAsString();
    }

    private static double number(JsonObject o, String field, int line) throws BadRecording {
        JsonElement value = o.get(field);
        if (value == null) {
            throw new BadRecording(line, "field \"" + field + "\" is missing");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new BadRecording(line, "field \"" + field + "\": " + value + " is not a number");
        }
        return value.getAsDouble();
    }

    /** {@code "127.0.0.1:37777"}, {@code "[::1]:37777"}, or an AF_UNIX path; null stays null. */
    private static SocketAddress address(JsonObject o, String field, int line) throws BadRecording {
        if (!o.has(field) || o.get(field).isJsonNull()) {
            return null;
        }
        String text = text(o, field, line);
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        String port = colon > 0 ? text.substring(colon + 1) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!port.isEmpty() && port.chars().allMatch(Character::isDigit) && port.length() <= 5
                && (host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            try {
                int number = Integer.parseInt(port);
                if (number <= 65_535) {
                    return new InetSocketAddress(InetAddress.getByName(host), number); // numeric: no lookup
                }
            } catch (java.net.UnknownHostException e) {
                throw new BadRecording(line, "field \"" + field + "\": \"" + text + "\" is not an address");
            }
        }
        return UnixDomainSocketAddress.of(text);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
