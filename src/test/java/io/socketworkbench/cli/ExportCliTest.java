package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export}, checked with the tools people use: tshark reassembles our capture's streams byte-exact and finds
 * nothing wrong in it; pytest runs our exported test green against the same server and red, with a readable
 * difference, against a changed one; a bad recording is refused with its line and field.
 */
class ExportCliTest {
    @TempDir
    static Path dir;

    /** A TCP echo session recorded by the server: 300,000 random bytes each way, then both ends closed. */
    private static Path recordEcho(String name, byte[] data) throws Exception {
        Path recording = dir.resolve(name);
        CliRun.Running server = CliRun.start("server", "--port", "0", "--echo", "--once", "--record",
                recording.toString());
        CliRun client = CliRun.run(new ByteArrayInputStream(data), "client", "127.0.0.1",
                String.valueOf(server.port()));
        assertThat(client.exit()).as(client.stderr()).isZero();
        assertThat(client.stdout()).isEqualTo(data);
        assertThat(server.done().get(30, TimeUnit.SECONDS).exit()).isZero();
        return recording;
    }

    private static String run(Path in, String... command) throws Exception {
        // stdout only: tshark says on stderr that it runs as root
        Process p = new ProcessBuilder(command).directory(in.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(out, UTF_8);
    }

    @Test
    void aTcpAndAUdpSessionBecomeACaptureThatTsharkReassemblesByteExact() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Path tcp = recordEcho("tcp.jsonl", data);
        CliRun export = CliRun.run("export", "--to", "pcapng", tcp.toString());
        assertThat(export.exit()).as(export.stderr()).isZero();
        Path capture = dir.resolve("tcp.pcapng");
        assertThat(export.stderr()).startsWith("Wrote " + capture + ": 1 TCP connection(s), 0 datagram(s), ");

        // tshark's own reassembly of the stream, each direction: the bytes that were sent.
        String follow = run(dir, "tshark", "-r", capture.toString(), "-q", "-z", "follow,tcp,raw,0");
        ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        boolean body = false;
        for (String line : follow.split("\n")) {
            if (line.startsWith("Node 1:")) {
                body = true;
            } else if (body && line.matches("\t?[0-9a-f]+")) {
                (line.startsWith("\t") ? toClient : toServer).writeBytes(HexFormat.of().parseHex(line.strip()));
            }
        }
        assertThat(toServer.toByteArray()).as(follow.substring(0, Math.min(400, follow.length()))).isEqualTo(data);
        assertThat(toClient.toByteArray()).isEqualTo(data);
        String expert = run(dir, "tshark", "-r", capture.toString(), "-q", "-z", "expert");
        assertThat(expert).as("tshark's analysis").doesNotContain("Warns").doesNotContain("Errors")
                .contains("Connection establish request (SYN)");
        String packets = run(dir, "tshark", "-r", capture.toString(), "-T", "fields", "-e", "tcp.flags.str",
                "-e", "tcp.len");
        assertThat(packets.lines().findFirst().orElseThrow()).contains("S").endsWith("\t0");
        assertThat(packets).contains("F");
        assertThat(packets.lines().mapToInt(l -> Integer.parseInt(l.substring(l.indexOf('\t') + 1))).max()
                .orElseThrow()).as("the largest segment").isEqualTo(65_495);

        // UDP: each datagram a packet, as it went.
        Path udp = dir.resolve("udp.jsonl");
        try (DatagramSocket echo = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try {
                    for (int i = 0; i < 2; i++) {
                        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
                        echo.receive(p);
                        echo.send(new DatagramPacket(new String(p.getData(), 0, p.getLength(), UTF_8)
                                .toUpperCase().getBytes(UTF_8), p.getLength(), p.getSocketAddress()));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            answering.start();
            CliRun client = CliRun.run(new ByteArrayInputStream("one\n".getBytes(UTF_8)), "client", "--udp",
                    "127.0.0.1", String.valueOf(echo.getLocalPort()), "--record", udp.toString());
            assertThat(client.exit()).as(client.stderr()).isZero();
            answering.join(5000);
        }
        assertThat(CliRun.run("export", "--to", "pcapng", udp.toString(), "-o", dir.resolve("u.pcapng").toString())
                .exit()).isZero();
        String datagrams = run(dir, "tshark", "-r", dir.resolve("u.pcapng").toString(), "-T", "fields", "-e",
                "udp.length", "-e", "data.data");
        assertThat(datagrams.lines().toList()).containsExactly("12\t6f6e650a", "12\t4f4e450a");
    }

    /** A server that answers one client as a Modbus/TCP device would and one as a web server, each then closed. */
    private static final String ANSWERS = String.join("\n",
            "import socket, sys",
            "s = socket.socket()",
            "s.bind(('127.0.0.1', int(sys.argv[1])))",
            "s.listen()",
            "print(s.getsockname()[1], flush=True)",
            "c, _ = s.accept()",
            "if c.recv(1024).startswith(b'GET'):",
            "    c.sendall(b'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 2\\r\\n\\r\\nok')",
            "else:",
            "    c.sendall(bytes.fromhex('000100000007010304000a0014'))  # registers 10 and 20",
            "c.close()", "");

    /** Records one client of {@link #ANSWERS} on {@code port} (0: any) sending {@code args}; returns its capture. */
    private static Path answered(String name, int port, String... args) throws Exception {
        Path script = Files.writeString(dir.resolve("answers.py"), ANSWERS);
        Process server = new ProcessBuilder("python3", script.toString(), String.valueOf(port)).start();
        try {
            String bound = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(), UTF_8))
                    .readLine();
            assertThat(bound).as("the server listening").isNotNull();
            Path recording = dir.resolve(name + ".jsonl");
            List<String> command = new ArrayList<>(List.of("client", "127.0.0.1", bound.strip(), "--record",
                    recording.toString()));
            command.addAll(List.of(args));
            CliRun client = CliRun.run(new ByteArrayInputStream(new byte[0]), command.toArray(String[]::new));
            assertThat(client.exit()).as(client.stderr()).isZero();
            Path capture = dir.resolve(name + ".pcapng");
            assertThat(CliRun.run("export", "--to", "pcapng", recording.toString()).exit()).isZero();
            return capture;
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tsharkDissectsAnHttpExchangeFromOurCapture() throws Exception {
        Path capture = answered("http", 0, "--send", "GET / HTTP/1.0\\r\\n\\r\\n");
        String port = run(dir, "tshark", "-r", capture.toString(), "-T", "fields", "-e", "tcp.dstport").lines()
                .findFirst().orElseThrow();
        String http = run(dir, "tshark", "-r", capture.toString(), "-d", "tcp.port==" + port + ",http", "-Y", "http",
                "-T", "fields", "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.response.code",
                "-e", "http.file_data");
        assertThat(http.lines().toList()).containsExactly("GET\t/\t\t", "\t\t200\tok");
    }

    /** Modbus/TCP on its own port, 502, which needs root to listen on (CI runs as root). */
    @Test
    void tsharkDissectsAModbusExchangeFromOurCapture() throws Exception {
        boolean canListenOn502;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(502, 1, InetAddress.getLoopbackAddress())) {
            canListenOn502 = true;
        } catch (java.io.IOException e) {
            canListenOn502 = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(canListenOn502, "port 502 needs root here");
        Path capture = answered("modbus", 502, "--hex", "000100000006010300000002");
        String modbus = run(dir, "tshark", "-r", capture.toString(), "-Y", "modbus", "-T", "fields", "-e",
                "modbus.func_code", "-e", "modbus.regval_uint16", "-e", "modbus.request_frame");
        assertThat(modbus.lines().toList()).as("read holding registers, and its answer: 10 and 20")
                .containsExactly("3\t\t", "3\t10,20\t4");
        assertThat(run(dir, "tshark", "-r", capture.toString(), "-q", "-z", "expert")).doesNotContain("Warns")
                .doesNotContain("Errors");
    }

    @Test
    void theExportedTestPassesAgainstTheSameServerAndFailsReadablyAgainstAChangedOne() throws Exception {
        byte[] data = "GET / HTTP/1.0\r\n\r\n".getBytes(UTF_8);
        Path recording = recordEcho("echo.jsonl", data);
        CliRun export = CliRun.run("export", "--to", "pytest", recording.toString());
        assertThat(export.exit()).as(export.stderr()).isZero();
        Path test = dir.resolve("test_echo.py");
        assertThat(Files.readString(test)).contains("s.sendall(b'GET / HTTP/1.0\\r\\n\\r\\n')")
                .contains("expect(s, b'GET / HTTP/1.0\\r\\n\\r\\n')");

        CliRun.Running same = CliRun.start("server", "--port", "0", "--echo", "--once");
        String passed = run(dir, "env", "SWB_PORT=" + same.port(), "python3", "-m", "pytest", "-q", "-p",
                "no:cacheprovider", test.toString());
        assertThat(passed).as(() -> same.err().text()).contains("1 passed");
        CliRun.Running changed = CliRun.start("server", "--port", "0", "--greet", "HTTP/1.0 200 OK\\r\\n",
                "--once");
        String failed = run(dir, "env", "SWB_PORT=" + changed.port(), "python3", "-m", "pytest", "-q", "-p",
                "no:cacheprovider", test.toString());
        assertThat(failed).contains("1 failed").contains("the bytes differ from byte 0")
                .contains("expected: b'GET / HTTP/1.0\\r\\n\\r\\n'").contains("got: b'HTTP/1.0 200 OK")
                .contains("expected (hex): 47 45 54 20");
        assertThat(same.done().get(30, TimeUnit.SECONDS).exit()).isZero();
    }

    @Test
    void aRecordingBecomesPythonScriptsThatRun() throws Exception {
        Path recording = recordEcho("py.jsonl", "hello\n".getBytes(UTF_8));
        Path out = dir.resolve("py-scripts");
        CliRun export = CliRun.run("export", "--to", "python", recording.toString(), "-o", out.toString());
        assertThat(export.exit()).as(export.stderr()).isZero();
        assertThat(out.resolve("server.py")).exists();
        assertThat(out.resolve("client.py")).doesNotExist(); // the server's recording has no client socket
        assertThat(Files.readString(out.resolve("server.py"))).contains("s.bind(('127.0.0.1', ");
        String compiled = run(out, "python3", "-m", "py_compile", out.resolve("server.py").toString());
        assertThat(compiled).isEmpty();
    }

    @Test
    void aBadRecordingIsRefusedWithItsLineAndField() throws Exception {
        CliRun missing = CliRun.run("export", "--to", "pcapng", dir.resolve("nothing.jsonl").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr().strip()).isEqualTo("FileNotFoundError: [Errno 2] No such file or directory: '"
                + dir.resolve("nothing.jsonl") + "'");

        Path notOne = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        CliRun refused = CliRun.run("export", "--to", "pytest", notOne.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr()).startsWith("ValueError: " + notOne + ": line 1: not a Socket Workbench "
                + "recording");

        List<String> lines = new ArrayList<>(List.of(
                "{\"format\": \"socket-workbench-recording\", \"version\": 1}",
                "{\"t\": 1.0, \"type\": \"listen\", \"conn\": 1, \"local\": \"127.0.0.1:5000\", \"remote\": null}",
                "{\"t\": 2.0, \"type\": \"data\", \"conn\": 2, \"dir\": \"in\", \"data\": \"%%%\"}"));
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        CliRun badData = CliRun.run("export", "--to", "pcapng", bad.toString());
        assertThat(badData.exit()).isEqualTo(1);
        assertThat(badData.stderr()).startsWith("ValueError: " + bad + ": line 3: field \"data\": not base64");
        assertThat(dir.resolve("bad.pcapng")).as("nothing half-written").doesNotExist();
        lines.set(2, "{\"t\": 2.0, \"type\": \"dance\", \"conn\": 2}");
        Files.write(bad, lines);
        assertThat(CliRun.run("export", "--to", "pcapng", bad.toString()).stderr())
                .contains("line 3: field \"type\": \"dance\" is none of listen, connect");
        Files.write(bad, List.of("{\"format\": \"socket-workbench-recording\", \"version\": 9}"));
        assertThat(CliRun.run("export", "--to", "pcapng", bad.toString()).stderr())
                .contains("line 1: field \"version\": 9 is newer than this version of Socket Workbench reads (1)");

        CliRun unknown = CliRun.run("export", "--to", "wav", bad.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("'wav' is not one of python, pytest, pcapng");
    }
}
