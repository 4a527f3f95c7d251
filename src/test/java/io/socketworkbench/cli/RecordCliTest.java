package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --record FILE}: every socket fact of a run, one JSON object a line, read back by Python's json module as a
 * user's script would read it.
 */
class RecordCliTest {
    /**
     * Prints one line a fact: type, conn, dir, the data decoded, local, remote, error, parent; after checking the
     * first line.
     */
    private static final String READER = """
            import base64, json, sys
            lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
            head = json.loads(lines[0])
            assert head['format'] == 'socket-workbench-recording' and head['version'] == 1, head
            for line in lines[1:]:
                f = json.loads(line)
                assert isinstance(f['t'], float) and f['t'] > 1.7e9, f
                data = base64.b64decode(f['data']) if 'data' in f else b''
                print('\t'.join(str(x) for x in (f['type'], f['conn'], f.get('dir', '-'), data, f['local'],
                                                  f['remote'], f.get('error', ''), f.get('parent', '-'))))
            """;

    private static List<String[]> facts(Path recording) throws Exception {
        Process python = new ProcessBuilder("python3", "-c", READER, recording.toString()).start();
        String out = new String(python.getInputStream().readAllBytes(), UTF_8);
        String err = new String(python.getErrorStream().readAllBytes(), UTF_8);
        assertThat(python.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as("python3 read the recording: %s", err).isZero();
        return out.lines().map(line -> line.split("\t", -1)).toList();
    }

    private static List<String> types(List<String[]> facts) {
        return facts.stream().map(f -> f[0]).toList();
    }

    @Test
    void anEchoServersRecordingHoldsTheConnectionTheBytesBothWaysTheFinAndTheClose(@TempDir Path dir)
            throws Exception {
        Path recording = dir.resolve("server.jsonl");
        CliRun.Running server = CliRun.start("server", "--port", "0", "--echo", "--once", "--record",
                recording.toString());
        int port = server.port();
        String client;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            client = "127.0.0.1:" + socket.getLocalPort();
            socket.getOutputStream().write("hello".getBytes(UTF_8));
            assertThat(socket.getInputStream().readNBytes(5)).isEqualTo("hello".getBytes(UTF_8));
            socket.shutdownOutput();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(server.done().get(10, TimeUnit.SECONDS).exit()).isZero();

        List<String[]> facts = facts(recording);
        assertThat(types(facts)).containsSubsequence("listen", "accept", "data", "data", "fin", "close");
        String[] listen = facts.get(0);
        assertThat(listen[4]).isEqualTo("127.0.0.1:" + port);
        String[] in = facts.stream().filter(f -> f[0].equals("data") && f[2].equals("in")).findFirst().orElseThrow();
        String[] out = facts.stream().filter(f -> f[0].equals("data") && f[2].equals("out")).findFirst().orElseThrow();
        assertThat(in[3]).isEqualTo("b'hello'");
        assertThat(out[3]).isEqualTo("b'hello'");
        // One connection, both addresses on every fact of it, seen from the server.
        assertThat(in[1]).isEqualTo(out[1]).isNotEqualTo(listen[1]);
        assertThat(in[4]).isEqualTo("127.0.0.1:" + port);
        assertThat(in[5]).isEqualTo(client);
        assertThat(facts.stream().filter(f -> f[0].equals("fin")).findFirst().orElseThrow()[2]).isEqualTo("in");
        // The accepted connection names the server that accepted it.
        String[] accept = facts.stream().filter(f -> f[0].equals("accept")).findFirst().orElseThrow();
        assertThat(accept[1]).isEqualTo(in[1]);
        assertThat(accept[7]).isEqualTo(listen[1]);
        assertThat(listen[7]).isEqualTo("-");
    }

    @Test
    void theHomeworkClientsRecordingHoldsWhatTheServerSentAndThatItClosed(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("client.jsonl");
        try (ServerSocket homework = new ServerSocket(0)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket con = homework.accept(); OutputStream out = con.getOutputStream()) {
                    out.write("This is socket!".getBytes(UTF_8));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, task -> new Thread(task).start());
            CliRun run = CliRun.run("client", "127.0.0.1", String.valueOf(homework.getLocalPort()), "--record",
                    recording.toString());
            served.get(10, TimeUnit.SECONDS);
            assertThat(run.exit()).isZero();
            assertThat(new String(run.stdout(), UTF_8)).isEqualTo("This is socket!");
        }
        List<String[]> facts = facts(recording);
        assertThat(types(facts)).containsSubsequence("connect", "data", "fin", "close");
        assertThat(facts.stream().filter(f -> f[0].equals("data")).findFirst().orElseThrow()[3])
                .isEqualTo("b'This is socket!'");
    }

    @Test
    void aRecordingThatCannotBeWrittenIsSaidAsPythonsOpenSaysIt() {
        CliRun run = CliRun.run("client", "127.0.0.1", "1", "--record", "/nonexistent/dir/r.jsonl");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("FileNotFoundError: [Errno 2] No such file or directory: "
                + "'/nonexistent/dir/r.jsonl'");
    }
}
