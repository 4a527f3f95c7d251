package io.socketworkbench.session;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a {@link Workspace} as {@link WorkspaceFile} describes it. */
final class WorkspaceWriter {
    private WorkspaceWriter() {
    }

    static void json(JsonWriter out, Workspace workspace) throws IOException {
        out.setIndent("  ");
        out.beginObject();
        out.name("format").value(WorkspaceFile.FORMAT);
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
    static String choice(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
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
}
