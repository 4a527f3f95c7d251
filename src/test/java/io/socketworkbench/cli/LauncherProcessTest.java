package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The real entry point in its own process: signals, stdin and stdout as a shell would see them. */
class LauncherProcessTest {

    static ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String modulePath = System.getProperty("jdk.module.path");
        command.add("--module-path");
        command.add(modulePath);
        command.add("-m");
        command.add("io.socketworkbench/io.socketworkbench.app.Launcher");
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static int awaitPort(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), UTF_8));
        String line = err.readLine();
        Matcher m = Pattern.compile("^Listening on .*:(\\d+)$").matcher(line == null ? "" : line);
        assertThat(m.matches()).as("first stderr line: %s", line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void sigtermClosesTheServerCleanlyAndExitsZero() throws Exception {
        Process server = launcher("server", "--port", "0", "--echo").start();
        try {
            int port = awaitPort(server);
            try (Socket client = new Socket("127.0.0.1", port)) {
                server.destroy(); // SIGTERM
                assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(server.exitValue()).isZero();
                assertThat(client.getInputStream().read()).as("the client sees the close").isEqualTo(-1);
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void pipedStdinGoesOutAndEchoComesBackRawOnStdout() throws Exception {
        // The server copies what it receives to its stdout; nobody reads that here.
        Process server = launcher("server", "--port", "0", "--echo")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = awaitPort(server);
            Process client = launcher("client", "127.0.0.1", String.valueOf(port)).start();
            byte[] payload = new byte[1 << 20];
            new java.util.Random(11).nextBytes(payload);
            Thread feeder = new Thread(() -> {
                try (OutputStream in = client.getOutputStream()) {
                    in.write(payload);
                } catch (IOException ignored) {
                    // the assertion on stdout reports it
                }
            });
            feeder.start();
            byte[] out = client.getInputStream().readAllBytes();
            assertThat(client.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.exitValue()).isZero();
            assertThat(out).isEqualTo(payload);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void errorsGoToStderrAsOneLineWithExitOne() throws Exception {
        Process client = launcher("client", "no-such-host.invalid", "80").start();
        String err = new String(client.getErrorStream().readAllBytes(), UTF_8);
        assertThat(client.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).isEqualTo(1);
        assertThat(err).isEqualTo("socket.gaierror: [Errno -2] Name or service not known\n");
    }

    /**
     * Issue 28, item 10: a process with no locale but the character set launcher.sh gives it (LC_CTYPE=C.UTF-8)
     * sends Chinese arguments as UTF-8 and saves to a file with a Chinese name. The Chinese text is made by printf
     * in the shell: the test's own JVM may have no locale to pass it in.
     */
    @Test
    void withNoLocaleChineseArgumentsAndFileNamesSurvive(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String chinese = "$(printf '\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd')";
        try (java.net.ServerSocket peer = new java.net.ServerSocket(0)) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", "exec \"$0\" --module-path \"$1\" -m "
                    + "io.socketworkbench/io.socketworkbench.app.Launcher client 127.0.0.1 " + peer.getLocalPort()
                    + " --send \"" + chinese + "\" --save \"$2/" + chinese + ".bin\" --timeout 1",
                    java, System.getProperty("jdk.module.path"), dir.toString());
            builder.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
            builder.environment().put("LC_CTYPE", "C.UTF-8");
            Process client = builder.redirectErrorStream(true).start();
            try (Socket accepted = peer.accept()) {
                accepted.setSoTimeout(10_000);
                assertThat(accepted.getInputStream().readNBytes(6)).isEqualTo("你好".getBytes(UTF_8));
                accepted.getOutputStream().write("回答".getBytes(UTF_8));
            }
            assertThat(client.waitFor(10, TimeUnit.SECONDS)).isTrue();
            // The answer was saved under the Chinese name, as the shell spells it.
            Process check = new ProcessBuilder("bash", "-c", "cat \"$0/" + chinese + ".bin\"", dir.toString()).start();
            assertThat(check.getInputStream().readAllBytes()).isEqualTo("回答".getBytes(UTF_8));
            assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
