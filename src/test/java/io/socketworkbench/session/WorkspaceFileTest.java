package io.socketworkbench.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                List.of(new Workspace.ClientTab(new Workspace.Endpoint("TLS", "localhost", "4433"),
                                new TlsChoice(Path.of("ca.pem"), "example.org", false, List.of("h2"),
                                        Path.of("me.pem"), Path.of("me-key.pem"), null)),
                        new Workspace.ClientTab(new Workspace.Endpoint("UDP", "::1", "9999"), null),
                        new Workspace.ClientTab(new Workspace.Endpoint("UNIX", "/tmp/app.sock", ""), null)),
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
    }

    private static Workspace read(String text) throws Exception {
        return WorkspaceFile.read(new StringReader(text));
    }
}
