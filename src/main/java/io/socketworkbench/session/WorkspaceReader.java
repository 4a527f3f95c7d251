package io.socketworkbench.session;

import static io.socketworkbench.session.WorkspaceFile.FORMAT;
import static io.socketworkbench.session.WorkspaceValues.bool;
import static io.socketworkbench.session.WorkspaceValues.charset;
import static io.socketworkbench.session.WorkspaceValues.enumValue;
import static io.socketworkbench.session.WorkspaceValues.framing;
import static io.socketworkbench.session.WorkspaceValues.integer;
import static io.socketworkbench.session.WorkspaceValues.number;
import static io.socketworkbench.session.WorkspaceValues.path;
import static io.socketworkbench.session.WorkspaceValues.port;
import static io.socketworkbench.session.WorkspaceValues.string;
import static io.socketworkbench.session.WorkspaceValues.strings;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.session.WorkspaceFile.BadWorkspace;
import io.socketworkbench.session.WorkspaceFile.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link Workspace} as {@link WorkspaceFile} describes it: the defaults where the file says nothing, fields
 * it does not know skipped, and a {@link BadWorkspace} that says what is wrong and where.
 */
final class WorkspaceReader {
    private WorkspaceReader() {
    }

    static Workspace workspace(JsonReader in) throws IOException {
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
            String key = WorkspaceWriter.choice(flaw);
            throw new BadWorkspace(in, Problem.BAD_RULE, "the rule's " + key.replace('-', ' ')
                    + " does not parse", key);
        }
        in.endObject();
        return rule;
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
}
