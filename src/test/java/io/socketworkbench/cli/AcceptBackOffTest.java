package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Out of file descriptors, a server (or a relay) cannot accept: it says so, pauses accepting for a moment instead of
 * spinning on the same failure, and serves again once descriptors are free.
 */
class AcceptBackOffTest {
    private static final String TOO_MANY = "OSError: [Errno 24] Too many open files";

    @Test
    void outOfDescriptorsTheServerBacksOffThenServesAgain() throws Exception {
        backsOffThenEchoes(LauncherProcessTest.launcher("server", "--port", "0", "--echo"));
    }

    @Test
    void outOfDescriptorsTheRelayBacksOffThenForwardsAgain() throws Exception {
        try (io.socketworkbench.engine.SocketEngine engine = new io.socketworkbench.engine.SocketEngine("echo")) {
            var echo = engine.listen(io.socketworkbench.engine.ServerConfig.of(
                    io.socketworkbench.engine.Address.inet("127.0.0.1", 0)).withEcho(true).withBacklog(1024), e -> { });
            int target = ((java.net.InetSocketAddress) echo.started().join()).getPort();
            backsOffThenEchoes(LauncherProcessTest.launcher("relay", "--port", "0", "--to", "127.0.0.1:" + target));
        }
    }

    private static void backsOffThenEchoes(ProcessBuilder builder) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n 96 && exec \"$@\"", "server"));
        command.addAll(builder.command());
        Process server = builder.command(command).start();
        List<String> errors = new CopyOnWriteArrayList<>();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), UTF_8));
            String first = err.readLine();
            Matcher m = Pattern.compile("^Listening on .*:(\\d+)$").matcher(first == null ? "" : first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();
            int port = Integer.parseInt(m.group(1));
            Thread reader = new Thread(() -> err.lines().forEach(errors::add));
            reader.setDaemon(true);
            reader.start();

            // Non-blocking: once the server stops accepting, its queue fills and a blocking connect would wait.
            List<java.nio.channels.SocketChannel> crowd = new ArrayList<>();
            long started = System.nanoTime();
            try {
                for (int i = 0; i < 150; i++) {
                    java.nio.channels.SocketChannel one = java.nio.channels.SocketChannel.open();
                    one.configureBlocking(false);
                    one.connect(new java.net.InetSocketAddress("127.0.0.1", port));
                    crowd.add(one);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (errors.stream().noneMatch(TOO_MANY::equals) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(errors).as("the server says why it cannot accept").contains(TOO_MANY);
                Thread.sleep(1000);
            } finally {
                for (java.nio.channels.SocketChannel one : crowd) {
                    one.close();
                }
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            // One report per pause of 100 ms at most, not one per spin of the selector.
            long reports = errors.stream().filter(TOO_MANY::equals).count();
            assertThat(reports).isLessThanOrEqualTo(elapsedMillis / 100 + 5);

            // The crowd's descriptors are freed as the server (and a relay, each client's connection onward too)
            // hears of their closes: a client that comes in the same instant may still meet "too many open files"
            // (a relay then resets it, as its target could not be reached). Service must come back, within seconds.
            for (int attempt = 1; ; attempt++) {
                try (Socket after = new Socket("127.0.0.1", port)) {
                    after.setSoTimeout(20_000);
                    after.getOutputStream().write("after".getBytes(UTF_8));
                    assertThat(new String(after.getInputStream().readNBytes(5), UTF_8)).isEqualTo("after");
                    break;
                } catch (java.net.SocketException reset) {
                    if (attempt == 20) {
                        throw reset;
                    }
                    Thread.sleep(250);
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no echo after the crowd left; the server said: "
                    + errors.stream().filter(line -> !line.startsWith("Connection from")
                            && !line.startsWith("Closed ")).toList(), e);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }
}
