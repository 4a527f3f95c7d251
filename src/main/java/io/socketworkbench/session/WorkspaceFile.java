package io.socketworkbench.session;

import com.google.gson.stream.JsonReader;
import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.Framing;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.TextCodec;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workspace as a file ({@code NAME.swb.json}), written and read through Gson's streaming reader and writer: a
 * {@code "format"} and a {@code "version"} first, then the server, the client tabs and the relay. A file that is
 * broken, not a workspace, or of a newer version is refused with what is wrong and where ({@link BadWorkspace}:
 * the line and the field); fields it does not know are skipped.
 */
public final class WorkspaceFile {
    public static final String FORMAT = "socket-workbench-workspace";

    private WorkspaceFile() {
    }

    /** What can be wrong with a workspace file; the window words each in the user's language. */
    public enum Problem {
        NOT_A_WORKSPACE, NEWER, MISSING, PROTOCOL, NOT_JSON, UNEXPECTED, STRING_EXPECTED, BOOLEAN_EXPECTED,
        NUMBER_EXPECTED, WHOLE_NUMBER_EXPECTED, NOT_A_PORT, NOT_A_FILE_NAME, NOT_A_CHOICE, OUT_OF_RANGE, NOT_A_CHARSET,
        NOT_A_FRAMING, BAD_RULE, TOO_BIG;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What is wrong with a workspace file, and where: its message is {@code line 7, clients[0].port: ...} in
     * English; {@link #line()}, {@link #field()}, {@link #problem()} and {@link #details()} let a window say it in
     * another language.
     */
    public static final class BadWorkspace extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String field;
        private final Problem problem;
        private final transient List<String> details;

        BadWorkspace(JsonReader at, Problem problem, String english, String... details) {
            this(lineOf(at), fieldOf(at), problem, english, details);
        }

        private BadWorkspace(int line, String field, Problem problem, String english, String... details) {
            super(where(line, field) + english);
            this.line = line;
            this.field = field;
            this.problem = problem;
            this.details = List.of(details);
        }

        /** The line (from 1), or -1 when it is not known. */
        public int line() {
            return line;
        }

        /** The field's path ({@code clients[0].port}), or empty at the top. */
        public String field() {
            return field;
        }

        public Problem problem() {
            return problem;
        }

        /** What the problem names: the value found, the version, the field missing, ... */
        public List<String> details() {
            return details;
        }

        /** {@code line N, FIELD: } (either left out where it is not known). */
        private static String where(int line, String field) {
            return (line < 1 ? "" : "line " + line + ", ") + (field.isEmpty() ? "" : field + ": ");
        }

        /** The reader's line, from its own account of where it is, or -1. */
        private static int lineOf(JsonReader reader) {
            String location = reader.toString(); // "JsonReader at line 3 column 15 path $.clients[0].port"
            String line = location.replaceFirst(".* at line (\\d+) .*", "$1");
            return line.equals(location) ? -1 : Integer.parseInt(line);
        }

        /** The field's path, {@code clients[0].port}, or empty at the top. */
        private static String fieldOf(JsonReader reader) {
            return reader.getPath().replaceFirst("^\\$\\.?", "");
        }
    }

    /** Writes {@code workspace} to {@code file} whole (a temporary file beside it, then moved). */
    public static void write(Path file, Workspace workspace) throws IOException {
        WholeFile.write(file, temp -> {
            try (Writer text = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 JsonWriter out = new JsonWriter(text)) {
                json(out, workspace);
            }
            return file;
        });
    }

    private static void json(JsonWriter out, Workspace workspace) throws IOException {
        out.setIndent("  ");
        out.beginObject();
        out.name("format").value(FORMAT);
        out.name("version").value(Workspace.VERSION);
        out.name("server").beginObject();
        endpoint(out, workspace.server());
        out.name("reply").value(workspace.reply().name().toLowerCase(Locale.ROOT));
        out.name("greeting").value(workspace.greeting());
        if (workspace.serverTls() != null) {
            ServerTlsChoice tls = workspace.serverTls();
            out.name("tls").beginObject();
            path(out, "certificate", tls.certificate());
            path(out, "key", tls.key());
            out.name("clientAuth").value(tls.clientAuth().name().toLowerCase(Locale.ROOT));
            path(out, "clientCa", tls.clientCa());
            strings(out, "alpn", tls.alpn());
            out.endObject();
        }
        pane(out, workspace.serverPane());
        out.name("rules").beginArray();
        for (ReplyRule rule : workspace.rules()) {
            out.beginObject();
            out.name("match").value(choice(rule.match()));
            if (rule.match() != ReplyRule.Match.ANY) {
                out.name("pattern").value(rule.pattern());
            }
            out.name("reply").value(choice(rule.reply()));
            if (rule.reply() == ReplyRule.Reply.PAYLOAD) {
                out.name("format").value(choice(rule.format()));
                out.name("payload").value(rule.payload());
            }
            out.name("delay").value(rule.delayMillis());
            out.endObject();
        }
        out.endArray();
        out.endObject();
        out.name("clients").beginArray();
        for (Workspace.ClientTab tab : workspace.clients()) {
            out.beginObject();
            endpoint(out, tab.endpoint());
            if (tab.tls() != null) {
                TlsChoice tls = tab.tls();
                out.name("tls").beginObject();
                path(out, "caFile", tls.caFile());
                if (tls.serverName() != null) {
                    out.name("serverName").value(tls.serverName());
                }
                out.name("verify").value(tls.verify());
                strings(out, "alpn", tls.alpn());
                path(out, "certificate", tls.certificate());
                path(out, "key", tls.key());
                out.endObject();
            }
            pane(out, tab.pane());
            out.endObject();
        }
        out.endArray();
        if (workspace.relay() != null) {
            RelaySetup relay = workspace.relay();
            out.name("relay").beginObject();
            out.name("port").value(relay.port());
            out.name("host").value(relay.host());
            out.name("targetPort").value(relay.targetPort());
            out.name("tls").value(relay.tls());
            out.name("toTls").value(relay.toTls());
            out.name("verifyTarget").value(relay.verifyTarget());
            out.endObject();
        }
        out.endObject();
    }

    /** A pane's tools: {@code send}, {@code view}, {@code repeat} and {@code quick}. */
    private static void pane(JsonWriter out, PaneSetup pane) throws IOException {
        out.name("send").beginObject();
        out.name("format").value(choice(pane.sendFormat()));
        out.name("ending").value(choice(pane.ending()));
        out.name("checksum").value(choice(pane.checksum()));
        out.endObject();
        out.name("view").beginObject();
        out.name("format").value(choice(pane.view()));
        out.name("charset").value(pane.charset());
        if (pane.framing() != null) {
            out.name("framing").value(pane.framing());
        }
        out.endObject();
        out.name("repeat").beginObject();
        out.name("interval").value(pane.repeatInterval());
        out.name("count").value(pane.repeatCount());
        out.endObject();
        out.name("quick").beginArray();
        for (QuickItem item : pane.quick()) {
            out.beginObject();
            if (item.isDelay()) {
                out.name("delay").value(item.delayMillis());
            } else {
                out.name("name").value(item.name());
                out.name("format").value(choice(item.format()));
                out.name("payload").value(item.payload());
            }
            out.endObject();
        }
        out.endArray();
    }

    /** An enum's value as the file writes it: {@code crc16-modbus}. */
    private static String choice(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A workspace is a few kilobytes: a file past this is something else, and is not read on the UI thread. */
    public static final long MAX_BYTES = 16L << 20;

    /** Reads {@code file}; nothing of the window changes when this throws. */
    public static Workspace read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new BadWorkspace(-1, "", Problem.TOO_BIG, "at " + (size >> 20) + " MiB it is too big to be a "
                    + "workspace (at most " + (MAX_BYTES >> 20) + " MiB)", String.valueOf(size >> 20),
                    String.valueOf(MAX_BYTES >> 20));
        }
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader in = new JsonReader(text)) {
            return workspace(in);
        }
    }

    /** Reads a workspace from {@code text}. */
    public static Workspace read(Reader text) throws IOException {
        return workspace(new JsonReader(text));
    }

    private static Workspace workspace(JsonReader in) throws IOException {
        try {
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                throw new BadWorkspace(in, Problem.NOT_A_WORKSPACE, "not a Socket Workbench workspace (it must be a "
                        + "JSON object with "
                        + "\"format\": \"" + FORMAT + "\")");
            }
            in.beginObject();
            String format = null;
            Integer version = null;
            Workspace.Endpoint server = null;
            ReplyMode reply = ReplyMode.NONE;
            String greeting = "";
            ServerTlsChoice serverTls = null;
            PaneFields serverPane = new PaneFields();
            List<ReplyRule> rules = new ArrayList<>();
            List<Workspace.ClientTab> clients = new ArrayList<>();
            RelaySetup relay = null;
            while (in.hasNext()) {
                String name = in.nextName();
                if (!name.equals("format") && !name.equals("version") && (format == null || version == null)) {
                    throw new BadWorkspace(in, Problem.NOT_A_WORKSPACE, "\"format\" and \"version\" must come first: "
                            + "this is not a Socket "
                            + "Workbench workspace");
                }
                switch (name) {
                    case "format" -> {
                        format = string(in);
                        if (!format.equals(FORMAT)) {
                            throw new BadWorkspace(in, Problem.NOT_A_WORKSPACE, "\"" + format
                                    + "\" is not a Socket Workbench workspace (\""
                                    + FORMAT + "\")");
                        }
                    }
                    case "version" -> {
                        version = integer(in);
                        if (version > Workspace.VERSION) {
                            throw new BadWorkspace(in, Problem.NEWER, "version " + version
                                    + " is newer than this version of "
                                    + "Socket Workbench reads (" + Workspace.VERSION + "): update the app to open it",
                                    String.valueOf(version), String.valueOf(Workspace.VERSION));
                        }
                    }
                    case "server" -> {
                        in.beginObject();
                        String[] endpoint = new String[3];
                        while (in.hasNext()) {
                            String field = in.nextName();
                            switch (field) {
                                case "protocol", "host", "port" -> endpoint[index(field)] = string(in);
                                case "reply" -> reply = enumValue(in, ReplyMode.class);
                                case "greeting" -> greeting = string(in);
                                case "tls" -> serverTls = serverTls(in);
                                case "rules" -> {
                                    in.beginArray();
                                    while (in.hasNext()) {
                                        rules.add(rule(in));
                                    }
                                    in.endArray();
                                }
                                default -> serverPane.read(in, field);
                            }
                        }
                        in.endObject();
                        server = endpoint(in, endpoint);
                    }
                    case "clients" -> {
                        in.beginArray();
                        while (in.hasNext()) {
                            clients.add(client(in));
                        }
                        in.endArray();
                    }
                    case "relay" -> relay = relay(in);
                    default -> in.skipValue();
                }
            }
            in.endObject();
            if (server == null) {
                throw new BadWorkspace(in, Problem.MISSING, "\"server\" is missing", "server");
            }
            return new Workspace(server, reply, greeting, serverTls, serverPane.setup(), rules, clients, relay);
        } catch (MalformedJsonException | java.io.EOFException e) {
            throw new BadWorkspace(in, Problem.NOT_JSON, "not JSON (" + String.valueOf(e.getMessage())
                    .replaceFirst("(?s)\\s*See https?://\\S+", "") + ")");
        } catch (IllegalStateException e) {
            throw new BadWorkspace(in, Problem.UNEXPECTED, "unexpected "
                    + String.valueOf(e.getMessage()).replaceFirst(" at line.*", "")
                    .replaceFirst("^Expected ", "(expected ") + (e.getMessage() != null
                    && e.getMessage().startsWith("Expected") ? ")" : ""));
        }
    }

    private static Workspace.ClientTab client(JsonReader in) throws IOException {
        in.beginObject();
        String[] endpoint = new String[3];
        TlsChoice tls = null;
        PaneFields pane = new PaneFields();
        while (in.hasNext()) {
            String field = in.nextName();
            switch (field) {
                case "protocol", "host", "port" -> endpoint[index(field)] = string(in);
                case "tls" -> {
                    in.beginObject();
                    Path caFile = null;
                    String serverName = null;
                    boolean verify = true;
                    List<String> alpn = List.of();
                    Path certificate = null;
                    Path key = null;
                    while (in.hasNext()) {
                        switch (in.nextName()) {
                            case "caFile" -> caFile = path(in);
                            case "serverName" -> serverName = string(in);
                            case "verify" -> verify = bool(in);
                            case "alpn" -> alpn = strings(in);
                            case "certificate" -> certificate = path(in);
                            case "key" -> key = path(in);
                            default -> in.skipValue();
                        }
                    }
                    in.endObject();
                    tls = new TlsChoice(caFile, serverName, verify, alpn, certificate, key, null);
                }
                default -> pane.read(in, field);
            }
        }
        in.endObject();
        return new Workspace.ClientTab(endpoint(in, endpoint), tls, pane.setup());
    }

    /** A pane's tools as the file has them so far (the defaults where it says nothing); unknown fields skipped. */
    private static final class PaneFields {
        private PayloadFormat sendFormat = PaneSetup.DEFAULT.sendFormat();
        private PaneSetup.Ending ending = PaneSetup.DEFAULT.ending();
        private Checksum checksum = PaneSetup.DEFAULT.checksum();
        private PayloadFormat view = PaneSetup.DEFAULT.view();
        private String charset = PaneSetup.DEFAULT.charset();
        private String framing;
        private long interval = PaneSetup.DEFAULT.repeatInterval();
        private long count = PaneSetup.DEFAULT.repeatCount();
        private final List<QuickItem> quick = new ArrayList<>();

        void read(JsonReader in, String field) throws IOException {
            switch (field) {
                case "send" -> {
                    in.beginObject();
                    while (in.hasNext()) {
                        switch (in.nextName()) {
                            case "format" -> sendFormat = enumValue(in, PayloadFormat.class);
                            case "ending" -> ending = enumValue(in, PaneSetup.Ending.class);
                            case "checksum" -> checksum = enumValue(in, Checksum.class);
                            default -> in.skipValue();
                        }
                    }
                    in.endObject();
                }
                case "view" -> {
                    in.beginObject();
                    while (in.hasNext()) {
                        switch (in.nextName()) {
                            case "format" -> view = enumValue(in, PayloadFormat.class);
                            case "charset" -> charset = charset(in);
                            case "framing" -> framing = framing(in);
                            default -> in.skipValue();
                        }
                    }
                    in.endObject();
                }
                case "repeat" -> {
                    in.beginObject();
                    while (in.hasNext()) {
                        switch (in.nextName()) {
                            case "interval" -> interval = number(in, 1, MAX_MILLIS);
                            case "count" -> count = number(in, 0, Long.MAX_VALUE);
                            default -> in.skipValue();
                        }
                    }
                    in.endObject();
                }
                case "quick" -> {
                    in.beginArray();
                    while (in.hasNext()) {
                        quick.add(quick(in));
                    }
                    in.endArray();
                }
                default -> in.skipValue();
            }
        }

        PaneSetup setup() {
            return new PaneSetup(sendFormat, ending, checksum, view, charset, framing, interval, count, quick);
        }
    }

    /** The longest delay or interval a file may give: a day. */
    private static final long MAX_MILLIS = 86_400_000L;

    private static QuickItem quick(JsonReader in) throws IOException {
        in.beginObject();
        String name = "";
        PayloadFormat format = null;
        String payload = "";
        Long delay = null;
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "name" -> name = string(in);
                case "format" -> format = enumValue(in, PayloadFormat.class);
                case "payload" -> payload = string(in);
                case "delay" -> delay = number(in, 0, MAX_MILLIS);
                default -> in.skipValue();
            }
        }
        in.endObject();
        if (delay != null) {
            return QuickItem.delay(delay);
        }
        return QuickItem.message(name, format == null ? PayloadFormat.TEXT : format, payload);
    }

    private static ReplyRule rule(JsonReader in) throws IOException {
        in.beginObject();
        ReplyRule.Match match = null;
        String pattern = "";
        ReplyRule.Reply reply = null;
        PayloadFormat format = PayloadFormat.TEXT;
        String payload = "";
        long delay = 0;
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "match" -> match = enumValue(in, ReplyRule.Match.class);
                case "pattern" -> pattern = string(in);
                case "reply" -> reply = enumValue(in, ReplyRule.Reply.class);
                case "format" -> format = enumValue(in, PayloadFormat.class);
                case "payload" -> payload = string(in);
                case "delay" -> delay = number(in, 0, ReplyRule.MAX_DELAY_MILLIS);
                default -> in.skipValue();
            }
        }
        if (match == null || reply == null) {
            String missing = match == null ? "match" : "reply";
            throw new BadWorkspace(in, Problem.MISSING, "\"" + missing + "\" is missing", missing);
        }
        ReplyRule rule = new ReplyRule(match, pattern, reply, format, payload, delay);
        ReplyRule.Flaw flaw = rule.flaw(StandardCharsets.UTF_8);
        if (flaw != null) {
            String key = choice(flaw);
            throw new BadWorkspace(in, Problem.BAD_RULE, "the rule's " + key.replace('-', ' ')
                    + " does not parse", key);
        }
        in.endObject();
        return rule;
    }

    private static String charset(JsonReader in) throws IOException {
        String name = string(in);
        if (TextCodec.charset(name).isEmpty()) {
            throw new BadWorkspace(in, Problem.NOT_A_CHARSET, "\"" + name + "\" is not a character set this "
                    + "system knows", name);
        }
        return name;
    }

    private static String framing(JsonReader in) throws IOException {
        String spec = string(in);
        try {
            Framing.parse(spec);
            return spec;
        } catch (IllegalArgumentException e) {
            throw new BadWorkspace(in, Problem.NOT_A_FRAMING, "\"" + spec + "\" is not a framing (line, "
                    + "delim:HEX, length:1|2|4, idle:MS)", spec);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    private static long number(JsonReader in, long min, long max) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new BadWorkspace(in, Problem.NUMBER_EXPECTED, "a number was expected, not " + describe(in),
                    kind(in));
        }
        long value;
        try {
            value = in.nextLong();
        } catch (NumberFormatException e) {
            throw new BadWorkspace(in, Problem.WHOLE_NUMBER_EXPECTED, "a whole number was expected");
        }
        if (value < min || value > max) {
            throw new BadWorkspace(in, Problem.OUT_OF_RANGE, value + " is not from " + min + " to " + max,
                    String.valueOf(value), String.valueOf(min), String.valueOf(max));
        }
        return value;
    }

    private static ServerTlsChoice serverTls(JsonReader in) throws IOException {
        in.beginObject();
        Path certificate = null;
        Path key = null;
        ServerTlsChoice.ClientAuth auth = ServerTlsChoice.ClientAuth.NONE;
        Path clientCa = null;
        List<String> alpn = List.of();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "certificate" -> certificate = path(in);
                case "key" -> key = path(in);
                case "clientAuth" -> auth = enumValue(in, ServerTlsChoice.ClientAuth.class);
                case "clientCa" -> clientCa = path(in);
                case "alpn" -> alpn = strings(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        return new ServerTlsChoice(certificate, key, auth, clientCa, alpn, null);
    }

    private static RelaySetup relay(JsonReader in) throws IOException {
        in.beginObject();
        int port = 37778;
        String host = "127.0.0.1";
        int targetPort = 37777;
        boolean tls = false;
        boolean toTls = false;
        boolean verify = true;
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "port" -> port = port(in);
                case "host" -> host = string(in);
                case "targetPort" -> targetPort = port(in);
                case "tls" -> tls = bool(in);
                case "toTls" -> toTls = bool(in);
                case "verifyTarget" -> verify = bool(in);
                default -> in.skipValue();
            }
        }
        in.endObject();
        return new RelaySetup(port, host, targetPort, tls, toTls, verify);
    }

    private static int index(String field) {
        return switch (field) {
            case "protocol" -> 0;
            case "host" -> 1;
            default -> 2;
        };
    }

    private static Workspace.Endpoint endpoint(JsonReader in, String[] fields) throws BadWorkspace {
        if (fields[0] == null) {
            throw new BadWorkspace(in, Problem.MISSING, "\"protocol\" is missing", "protocol");
        }
        String protocol = fields[0].toUpperCase(Locale.ROOT);
        if (!List.of("TCP", "UDP", "UNIX", "TLS").contains(protocol)) {
            throw new BadWorkspace(in, Problem.PROTOCOL, "protocol \"" + fields[0]
                    + "\" is none of tcp, udp, unix, tls",
                    fields[0]);
        }
        return new Workspace.Endpoint(protocol, fields[1], fields[2]);
    }

    private static void endpoint(JsonWriter out, Workspace.Endpoint endpoint) throws IOException {
        out.name("protocol").value(endpoint.protocol().toLowerCase(Locale.ROOT));
        out.name("host").value(endpoint.host());
        out.name("port").value(endpoint.port());
    }

    private static void path(JsonWriter out, String name, Path value) throws IOException {
        if (value != null) {
            out.name(name).value(value.toString());
        }
    }

    private static void strings(JsonWriter out, String name, List<String> values) throws IOException {
        out.name(name).beginArray();
        for (String value : values) {
            out.value(value);
        }
        out.endArray();
    }

    private static String string(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.STRING) {
            throw new BadWorkspace(in, Problem.STRING_EXPECTED, "a string was expected, not " + describe(in),
                    kind(in));
        }
        return in.nextString();
    }

    private static Path path(JsonReader in) throws IOException {
        String text = string(in);
        try {
            return text.isBlank() ? null : Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadWorkspace(in, Problem.NOT_A_FILE_NAME, "\"" + text + "\" is not a file name", text);
        }
    }

    private static boolean bool(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.BOOLEAN) {
            throw new BadWorkspace(in, Problem.BOOLEAN_EXPECTED, "true or false was expected, not " + describe(in),
                    kind(in));
        }
        return in.nextBoolean();
    }

    private static int integer(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new BadWorkspace(in, Problem.NUMBER_EXPECTED, "a number was expected, not " + describe(in),
                    kind(in));
        }
        try {
            return in.nextInt();
        } catch (NumberFormatException e) {
            throw new BadWorkspace(in, Problem.WHOLE_NUMBER_EXPECTED, "a whole number was expected");
        }
    }

    private static int port(JsonReader in) throws IOException {
        int port = integer(in);
        if (port < 0 || port > 65_535) {
            throw new BadWorkspace(in, Problem.NOT_A_PORT, port + " is not a port (0 to 65535)",
                    String.valueOf(port));
        }
        return port;
    }

    private static List<String> strings(JsonReader in) throws IOException {
        List<String> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            values.add(string(in));
        }
        in.endArray();
        return values;
    }

    private static <E extends Enum<E>> E enumValue(JsonReader in, Class<E> type) throws IOException {
        String text = string(in);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name().toLowerCase(Locale.ROOT));
            }
            throw new BadWorkspace(in, Problem.NOT_A_CHOICE, "\"" + text + "\" is none of " + String.join(", ", names),
                    text, String.join(", ", names));
        }
    }

    /** What the reader is at, as a word the window words: string, number, boolean, null, list, object. */
    private static String kind(JsonReader in) throws IOException {
        return switch (in.peek()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case BEGIN_ARRAY -> "list";
            case BEGIN_OBJECT -> "object";
            default -> "other";
        };
    }

    private static String describe(JsonReader in) throws IOException {
        return switch (in.peek()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case BEGIN_ARRAY -> "a list";
            case BEGIN_OBJECT -> "an object";
            default -> in.peek().name().toLowerCase(Locale.ROOT);
        };
    }
}
