package io.socketworkbench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.PayloadFormat;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace file: every setting round-trips; a broken, foreign or newer file is refused with the line and field. */
public class WorkspaceFileTest {
    /** A workspace with every kind of setting a workspace keeps. */
    public static Workspace everything() {
        return new Workspace(new Workspace.Endpoint("TLS", "0.0.0.0", "4433"), ReplyMode.GREET_CLOSE, "hi\\r\\n",
                new ServerTlsChoice(Path.of("server.pem"), Path.of("server-key.pem"),
                        ServerTlsChoice.ClientAuth.REQUIRE, Path.of("clients.pem"), List.of("h2", "http/1.1"), null),
                new PaneSetup(PayloadFormat.HEX, PaneSetup.Ending.CRLF, Checksum.CRC16_MODBUS, PayloadFormat.HEX,
                        "GBK", "length:2", 250, 40, List.of(QuickItem.message("读线圈", PayloadFormat.HEX,
                        "01 01 00 00 00 08"), QuickItem.delay(500), QuickItem.message("tab\tand\nline",
                        PayloadFormat.ESCAPES, "a\\tb\\r\\n"))),
                List.of(new ReplyRule(ReplyRule.Match.CONTAINS, "PING", ReplyRule.Reply.PAYLOAD,
                                PayloadFormat.ESCAPES, "PONG {{counter}}\\n", 0),
                        new ReplyRule(ReplyRule.Match.REGEX, "^GET /(\\w+)", ReplyRule.Reply.PAYLOAD,
                                PayloadFormat.TEXT, "HTTP/1.0 200 OK", 1500),
                        new ReplyRule(ReplyRule.Match.HEX_PREFIX, "01 03", ReplyRule.Reply.PAYLOAD,
                                PayloadFormat.HEX, "01 03 02 00 2a", 0),
                        new ReplyRule(ReplyRule.Match.ANY, "", ReplyRule.Reply.ECHO, PayloadFormat.TEXT, "", 20)),
                List.of(new Workspace.ClientTab(new Workspace.Endpoint("TLS", "localhost", "4433"),
                                new TlsChoice(Path.of("ca.pem"), "example.org", false, List.of("h2"),
                                        Path.of("me.pem"), Path.of("me-key.pem"), null),
                                new PaneSetup(PayloadFormat.PYTHON, PaneSetup.Ending.LF, Checksum.NONE,
                                        PayloadFormat.ESCAPES, "UTF-8", "delim:0d0a", 1000, 0,
                                        List.of(QuickItem.message("hello", PayloadFormat.TEXT, "hello")))),
                        new Workspace.ClientTab(new Workspace.Endpoint("UDP", "::1", "9999"), null,
                                new PaneSetup(PayloadFormat.TEXT, PaneSetup.Ending.NONE, Checksum.XOR8,
                                        PayloadFormat.PYTHON, "GB18030", "idle:100", 1, 3, List.of())),
                        new Workspace.ClientTab(new Workspace.Endpoint("UNIX", "/tmp/app.sock", ""), null,
                                new PaneSetup(PayloadFormat.TEXT, PaneSetup.Ending.NONE, Checksum.NONE,
                                        PayloadFormat.TEXT, "UTF-8", "line", 1000, 0, List.of()))),
                new RelaySetup(37800, "10.0.0.5", 8080, true, true, false));
    }

    @Test
    void everySettingRoundTripsThroughTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab.swb.json");
        WorkspaceFile.write(file, everything());
        assertThat(Files.readString(file)).startsWith("{\n  \"format\": \"socket-workbench-workspace\",\n"
                + "  \"version\": 1,");
        assertThat(WorkspaceFile.read(file)).isEqualTo(everything());
    }

    @Test
    void aBrokenForeignOrNewerFileIsRefusedWithWhereAndWhat() {
        assertThatThrownBy(() -> read("{\"format\": \"socket-workbench-workspace\", \"version\": 2, \"server\": {}}"))
                .hasMessage("line 1, version: version 2 is newer than this version of Socket Workbench reads (1): "
                        + "update the app to open it");
        assertThatThrownBy(() -> read("{\"format\": \"something-else\", \"version\": 1}"))
                .hasMessageContaining("format: \"something-else\" is not a Socket Workbench workspace");
        assertThatThrownBy(() -> read("{\"format\": \"socket-workbench-workspace\", \"version\": 1,\n"
                + "\"server\": {\"protocol\": \"tcp\", \"host\": \"127.0.0.1\", \"port\": \"1\"},\n"
                + "\"clients\": [{\"protocol\": \"tcp\", \"host\": \"h\",\n \"port\": 80}]}"))
                .hasMessage("line 4, clients[0].port: a string was expected, not a number");
        assertThatThrownBy(() -> read("{\"format\": \"socket-workbench-workspace\", \"version\": 1,\n"
                + "\"server\": {\"protocol\": \"sctp\"}}"))
                .hasMessageContaining("protocol \"sctp\" is none of tcp, udp, unix, tls");
        assertThatThrownBy(() -> read("{\"format\": \"socket-workbench-workspace\", \"version\": 1,\n"
                + "\"relay\": {\"port\": 70000}}"))
                .hasMessage("line 2, relay.port: 70000 is not a port (0 to 65535)");
        assertThatThrownBy(() -> read("{\"format\": \"socket-workbench-workspace\",\n \"version\": 1, \"server\": {"))
                .isInstanceOf(WorkspaceFile.BadWorkspace.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessageContaining("not a Socket Workbench workspace");
        // The tools of a pane and the server's rules are checked as the window checks what is typed.
        String head = "{\"format\": \"socket-workbench-workspace\", \"version\": 1,\n\"server\": {\"protocol\": \"tcp\",\n";
        assertThatThrownBy(() -> read(head + "\"view\": {\"charset\": \"KLINGON-8\"}}}"))
                .hasMessage("line 3, server.view.charset: \"KLINGON-8\" is not a character set this system knows");
        assertThatThrownBy(() -> read(head + "\"view\": {\"framing\": \"length:3\"}}}"))
                .hasMessageContaining("server.view.framing: \"length:3\" is not a framing");
        assertThatThrownBy(() -> read(head + "\"send\": {\"checksum\": \"md5\"}}}"))
                .hasMessageContaining("server.send.checksum: \"md5\" is none of none, sum8, xor8");
        assertThatThrownBy(() -> read(head + "\"repeat\": {\"interval\": 0}}}"))
                .hasMessage("line 3, server.repeat.interval: 0 is not from 1 to 86400000");
        assertThatThrownBy(() -> read(head + "\"rules\": [{\"match\": \"regex\", \"pattern\": \"(\",\n"
                + "\"reply\": \"echo\"}]}}"))
                .isInstanceOfSatisfying(WorkspaceFile.BadWorkspace.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.problem()).isEqualTo(WorkspaceFile.Problem.BAD_RULE);
                    assertThat(e.details()).containsExactly("regex");
                });
        assertThatThrownBy(() -> read(head + "\"rules\": [{\"match\": \"any\", \"reply\": \"payload\",\n"
                + "\"format\": \"hex\", \"payload\": \"zz\"}]}}"))
                .hasMessageContaining("the rule's payload does not parse");
        assertThatThrownBy(() -> read(head + "\"quick\": [{\"delay\": -1}]}}"))
                .hasMessage("line 3, server.quick[0].delay: -1 is not from 0 to 86400000");
    }

    @Test
    void aFileTooBigToBeAWorkspaceIsNotRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.swb.json");
        try (var out = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            out.setLength(WorkspaceFile.MAX_BYTES + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> WorkspaceFile.read(big)).isInstanceOfSatisfying(WorkspaceFile.BadWorkspace.class,
                e -> {
                    assertThat(e.problem()).isEqualTo(WorkspaceFile.Problem.TOO_BIG);
                    assertThat(e.line()).isEqualTo(-1);
                    assertThat(e.getMessage()).isEqualTo("at 16 MiB it is too big to be a workspace (at most 16 MiB)");
                });
    }

    private static Workspace read(String text) throws Exception {
        return WorkspaceFile.read(new StringReader(text));
    }
}
