import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * Memory, as the system counts it: the resident set (VmRSS) of the launched process 6 s after its first frame, then
 * after 256 MiB of random bytes flooded into the window's client pane, with the most it ever held (VmHWM). Measured
 * for the jlink launcher, the app image, any launchers given as arguments, and a bare JavaFX window (idle only), each
 * under its own Xvfb with the flags its launcher passes. The flood: the benchmark listens on a loopback port, writes
 * that port into a fresh settings file, and clicks the client's Connect button (xdotool, at its place in a 1280×800
 * window). Run from the project root after {@code mvn -B -Pinstaller package -DskipTests}:
 *
 * <pre>java src/bench/FootprintBenchmark.java [runs] [launcher ...]</pre>
 *
 * {@code SOCKET_WORKBENCH_OPTS} (for example {@code -XX:+UseG1GC}) reaches the app's JVM through its launcher, to
 * compare settings.
 */
public final class FootprintBenchmark {

    /** Temporary folders and files of this run, removed when it ends, however it ends. */
    private static final List<Path> TEMPORARY = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMPORARY.forEach(root -> {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException e) {
                // already gone
            }
        })));
    }

    private static Path temporary(Path path) {
        TEMPORARY.add(path);
        return path;
    }
    private static final String DISPLAY = ":96";
    private static final int FLOOD_MIB = 256;
    /** The client pane's Connect button in a 1280×800 window at the default layout. */
    private static final int CONNECT_X = 1226;
    private static final int CONNECT_Y = 144;

    private record Figures(long idleKb, long afterKb, long peakKb, double floodSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> launchers = new ArrayList<>(List.of("target/image/bin/socket-workbench"));
        if (Files.isExecutable(Path.of("target/dist/socket-workbench/bin/socket-workbench"))) {
            launchers.add("target/dist/socket-workbench/bin/socket-workbench");
        }
        launchers.addAll(List.of(args).subList(Math.min(1, args.length), args.length));
        Process xvfb = new ProcessBuilder("Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1000);
            System.out.printf("Resident memory, median of %d runs (Xvfb 1280x800, %d cores, %s)%n", runs,
                    Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now());
            System.out.printf("%-58s %10s %12s %10s %8s%n", "", "idle", "after flood", "most", "flood");
            List<Figures> bare = new ArrayList<>();
            List<String> bareWindow = bareWindow();
            for (int i = 0; i < runs; i++) {
                bare.add(measure(bareWindow, false));
            }
            print("bare JavaFX window (plain JDK)", bare);
            for (String launcher : launchers) {
                List<Figures> figures = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    figures.add(measure(List.of(launcher), true));
                }
                print(launcher, figures);
            }
            System.out.printf("flood: %d MiB of random bytes into the client pane; after flood: 3 s after the last"
                    + " byte was written%n", FLOOD_MIB);
        } finally {
            xvfb.destroy();
        }
    }

    private static void print(String name, List<Figures> figures) {
        long idle = median(figures.stream().map(Figures::idleKb).toList());
        long after = median(figures.stream().map(Figures::afterKb).toList());
        long peak = median(figures.stream().map(Figures::peakKb).toList());
        double flood = figures.stream().mapToDouble(Figures::floodSeconds).sorted().toArray()[figures.size() / 2];
        System.out.printf("%-58s %7d MB %9s %7s %8s%n", name, idle / 1024,
                after < 0 ? "–" : after / 1024 + " MB", peak < 0 ? "–" : peak / 1024 + " MB",
                flood < 0 ? "–" : String.format("%.1f s", flood));
    }

    private static Figures measure(List<String> command, boolean flood) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path config = temporary(Files.createTempDirectory("sw-footprint"));
            Files.createDirectories(config.resolve("socket-workbench"));
            Files.writeString(config.resolve("socket-workbench/settings.properties"),
                    "client.host=127.0.0.1\nclient.port=" + listener.getLocalPort() + "\n");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("DISPLAY", DISPLAY);
            builder.environment().put("XDG_CONFIG_HOME", config.toString());
            builder.environment().put("JAVA_TOOL_OPTIONS", "-Dsocketworkbench.firstFrame=print");
            Process app = builder.start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line; (line = out.readLine()) != null && !line.startsWith("first frame"); ) {
                    // JVM notes before the first frame
                }
                Thread drain = new Thread(() -> {
                    try {
                        app.getInputStream().transferTo(OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // the app ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                Thread.sleep(6000);
                long idle = status(app.pid(), "VmRSS");
                if (!flood) {
                    return new Figures(idle, -1, -1, -1);
                }
                ProcessBuilder click = new ProcessBuilder("xdotool", "mousemove", String.valueOf(CONNECT_X),
                        String.valueOf(CONNECT_Y), "click", "1").inheritIO();
                click.environment().put("DISPLAY", DISPLAY);
                click.start().waitFor();
                listener.setSoTimeout(15_000);
                long started;
                try (Socket peer = listener.accept()) {
                    started = System.nanoTime();
                    byte[] chunk = new byte[1 << 20];
                    Random random = new Random(1);
                    OutputStream sink = peer.getOutputStream();
                    for (int i = 0; i < FLOOD_MIB; i++) {
                        random.nextBytes(chunk);
                        sink.write(chunk);
                    }
                    peer.shutdownOutput();
                    // The window reads to the end and closes: then every byte has been taken in.
                    peer.setSoTimeout(120_000);
                    peer.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (SocketTimeoutException e) {
                    throw new IllegalStateException(command + ": the client pane did not connect (is Connect at "
                            + CONNECT_X + "," + CONNECT_Y + "?)");
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                Thread.sleep(3000);
                return new Figures(idle, status(app.pid(), "VmRSS"), status(app.pid(), "VmHWM"), seconds);
            } finally {
                app.destroy();
                if (!app.waitFor(10, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** A line of /proc/PID/status, in kB. */
    private static long status(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException(key + " not in /proc/" + pid + "/status");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The bare window of StartupBenchmark, compiled against target/modules and left open ({@code stay}). */
    private static List<String> bareWindow() throws IOException {
        Path classes = temporary(Files.createTempDirectory("sw-bare"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--module-path", "target/modules", "--add-modules", "javafx.controls", "src/bench/BareWindow.java");
        if (compiled != 0) {
            throw new IllegalStateException("BareWindow.java did not compile");
        }
        String java = System.getenv().getOrDefault("BARE_JAVA", "java");
        return List.of(java, "--module-path", "target/modules", "--add-modules", "javafx.controls", "-cp",
                classes.toString(), "BareWindow", "stay");
    }
}
