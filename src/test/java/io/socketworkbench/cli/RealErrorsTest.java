package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Real failures, in a process whose C library speaks Chinese (the JDK's exception messages then come in Chinese):
 * each must still read as Python words it, by errno, in English. The mapper reads no message text for these.
 */
class RealErrorsTest {

    /** What a run printed on stderr, and its exit status. */
    private record Outcome(int status, String stderr) {}

    private static Outcome run(List<String> prefix, String... args) throws Exception {
        ProcessBuilder builder = LauncherProcessTest.launcher(args);
        List<String> command = new ArrayList<>(prefix);
        command.addAll(builder.command());
        builder.command(command);
        builder.environment().put("LANG", "zh_CN.UTF-8");
        builder.environment().put("LC_ALL", "zh_CN.UTF-8");
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        System.err.println("CMD " + String.join(" ", builder.command()));
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("ended by itself").isTrue();
        return new Outcome(process.exitValue(), new String(process.getErrorStream().readAllBytes(), UTF_8).strip());
    }

    private static boolean chineseMessagesInstalled() throws Exception {
        Process locales = new ProcessBuilder("locale", "-a").start();
        String all = new String(locales.getInputStream().readAllBytes(), UTF_8);
        return all.toLowerCase().contains("zh_cn.utf8");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theLocaleIsThereSoTheseTestsMeanWhatTheySay() throws Exception {
        // Without zh_CN.UTF-8 the JDK's messages stay English, and the tests below prove less than they say.
        assertThat(chineseMessagesInstalled())
                .as("the zh_CN.UTF-8 locale is generated (packaging/setup.sh does it)").isTrue();
    }

    @Test
    void bindingAnAddressThisMachineDoesNotHaveIsErrno99() throws Exception {
        // TEST-NET-3: no machine has it; a bind sends nothing.
        Outcome outcome = run(List.of(), "server", "--bind", "203.0.113.9", "--port", "5000");
        assertThat(outcome.stderr()).isEqualTo("OSError: [Errno 99] Cannot assign requested address");
        assertThat(outcome.status()).isEqualTo(1);
    }

    @Test
    void aPortInUseIsErrno98() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress("127.0.0.1", 0));
            Outcome outcome = run(List.of(), "server", "--port", String.valueOf(holder.getLocalPort()));
            assertThat(outcome.stderr()).isEqualTo("OSError: [Errno 98] Address already in use");
            assertThat(outcome.status()).isEqualTo(1);
        }
    }

    @Test
    void aPrivilegedPortWithoutTheRightIsPermissionDenied() throws Exception {
        // As root (CI), drop CAP_NET_BIND_SERVICE for the child: then root is refused port 80 as anyone is.
        boolean root = Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        assumeThat(!root || onPath("setpriv")).as("setpriv to drop the capability").isTrue();
        List<String> prefix = root ? List.of("setpriv", "--bounding-set=-net_bind_service") : List.of();
        Outcome outcome = run(prefix, "server", "--port", "80");
        assertThat(outcome.stderr()).isEqualTo("PermissionError: [Errno 13] Permission denied");
        assertThat(outcome.status()).isEqualTo(1);
    }

    @Test
    void aLookupWithNoNetworkAtAllIsEaiAgainNotUnknownHost() throws Exception {
        // A network namespace of our own holds only a loopback that is down: no name server can be asked.
        assumeThat(onPath("unshare")).isTrue();
        Process probe = new ProcessBuilder("unshare", "-n", "true").start();
        assumeThat(probe.waitFor()).as("allowed to make a network namespace").isZero();
        Outcome outcome = run(List.of("unshare", "-n"), "client", "example.com", "80");
        assertThat(outcome.stderr()).isEqualTo("socket.gaierror: [Errno -3] Temporary failure in name resolution");
        assertThat(outcome.status()).isEqualTo(1);
    }

    private static boolean root() throws Exception {
        return Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
    }

    @Test
    void aReadOnlySaveFileIsPermissionErrorWithItsName(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Root writes anywhere: as root (CI), the child loses CAP_DAC_OVERRIDE and is held to the file's mode as
        // any user is.
        boolean root = root();
        assumeThat(!root || onPath("setpriv")).as("setpriv to drop the capability").isTrue();
        Path file = dir.resolve("read-only.bin");
        Files.writeString(file, "kept");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        List<String> prefix = root ? List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search") : List.of();
        Outcome outcome = run(prefix, "server", "--port", "0", "--save", file.toString());
        assertThat(outcome.stderr()).isEqualTo("PermissionError: [Errno 13] Permission denied: '" + file + "'");
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("kept");
    }

    @Test
    void anAfUnixPathTooLongIsSaidAsPythonSaysIt() throws Exception {
        String path = "/tmp/" + "p".repeat(120);
        Outcome server = run(List.of(), "server", "--unix", path);
        assertThat(server.stderr()).isEqualTo("OSError: AF_UNIX path too long");
        assertThat(server.status()).isEqualTo(1);
        Outcome client = run(List.of(), "client", "--unix", path);
        assertThat(client.stderr()).isEqualTo("OSError: AF_UNIX path too long");
        assertThat(client.status()).isEqualTo(1);
    }

    @Test
    void anUnreachableAddressFailsAtOnceWithErrno101() throws Exception {
        // The limited broadcast address has no route for a stream socket: the kernel refuses before any packet.
        long start = System.nanoTime();
        Outcome outcome = run(List.of(), "client", "255.255.255.255", "9", "--timeout", "3");
        assertThat(outcome.stderr()).isEqualTo("OSError: [Errno 101] Network is unreachable");
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
    }

    @Test
    void aPortItsLastServerLeftInTimeWaitCanBeListenedOnAgain() throws Exception {
        int port;
        try (ServerSocket first = new ServerSocket()) {
            first.bind(new InetSocketAddress("127.0.0.1", 0));
            port = first.getLocalPort();
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", port)) {
                // The server's side closes first, so its end of the connection (on the port) waits in TIME_WAIT.
                first.accept().close();
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
        assertThat(timeWaitOn(port)).as("a connection on the port in TIME_WAIT").isTrue();
        CliRun.Running server = CliRun.start("server", "--port", String.valueOf(port), "--greet", "again");
        server.awaitListening();
        try (java.net.Socket client = new java.net.Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            assertThat(new String(client.getInputStream().readNBytes(5), UTF_8)).isEqualTo("again");
        }
    }

    /** True when the kernel's table has a connection in TIME_WAIT (state 06) whose local port is {@code port}. */
    private static boolean timeWaitOn(int port) throws Exception {
        String hex = String.format(":%04X ", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && (f[1] + " ").endsWith(hex) && f[3].equals("06")) {
                    return true;
                }
            }
        }
        return false;
    }
}
