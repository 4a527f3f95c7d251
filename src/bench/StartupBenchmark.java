import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * Start-up, measured from outside: for each launcher, the time from starting its process to the first window that
 * the X server maps (a splash screen, where there is one) and to the first frame of the real window. In one run,
 * under its own Xvfb, alternating, first start each time (a new empty settings folder):
 * <ul>
 *   <li>the jlink launcher, {@code target/image/bin/socket-workbench};</li>
 *   <li>the app image, {@code target/dist/socket-workbench/bin/socket-workbench} (what the .deb installs, and
 *       what its desktop entry runs);</li>
 *   <li>a bare JavaFX window ({@code src/bench/BareWindow.java}) on the same JavaFX jars and a plain JDK
 *       ({@code java} on the PATH, or {@code BARE_JAVA});</li>
 *   <li>Packet Sender, where {@code packetsender} is on the PATH (time to its window only);</li>
 *   <li>any further launchers given as arguments (say another build's app image).</li>
 * </ul>
 * Window maps are seen by a small Python program that asks the X server (libX11 through ctypes) for every map of a
 * top-level window, stamped with the same monotonic clock as {@link System#nanoTime()}. The app and the bare window
 * print {@code first frame} at their second pulse, after the first frame has been rendered. Run from the project
 * root after {@code mvn -B -Pinstaller package -DskipTests}:
 *
 * <pre>java src/bench/StartupBenchmark.java [runs] [launcher ...]</pre>
 */
public final class StartupBenchmark {

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
    private static final String DISPLAY = ":93";

    /** Prints "map NANOS" for each top-level window mapped, with CLOCK_MONOTONIC nanoseconds. */
    private static final String WATCHER = """
            import ctypes, sys, time
            x = ctypes.CDLL("libX11.so.6")
            x.XOpenDisplay.restype = ctypes.c_void_p
            x.XOpenDisplay.argtypes = [ctypes.c_char_p]
            x.XDefaultRootWindow.restype = ctypes.c_ulong
            x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
            x.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
            x.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
            d = x.XOpenDisplay(None)
            if not d:
                sys.exit("no X display")
            x.XSelectInput(d, x.XDefaultRootWindow(d), 1 << 19)  # SubstructureNotifyMask
            x.XSync(ctypes.c_void_p(d), 0)
            print("ready", flush=True)
            event = (ctypes.c_long * 24)()
            while True:
                x.XNextEvent(d, event)
                if event[0] & 0xffffffff != 19:  # MapNotify
                    continue
                print("map %d" % time.monotonic_ns(), flush=True)
            """;

    private record Launcher(String name, List<String> command, boolean printsFrame) {
    }

    /** One start: milliseconds to the first mapped window, and to the first frame (or -1). */
    private record Start(double firstMap, double firstFrame) {
    }

    private final ConcurrentLinkedQueue<Long> maps = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Launcher> launchers = new ArrayList<>();
        launchers.add(new Launcher("bare JavaFX window (plain JDK)", bareWindow(), true));
        launchers.add(new Launcher("jlink launcher (target/image)", List.of("target/image/bin/socket-workbench"),
                true));
        String appImage = "target/dist/socket-workbench/bin/socket-workbench";
        if (Files.isExecutable(Path.of(appImage))) {
            launchers.add(new Launcher("app image (target/dist, as installed)", List.of(appImage), true));
        } else {
            System.out.println("(no " + appImage + ": run mvn -B -Pinstaller package -DskipTests for it)");
        }
        for (int i = 1; i < args.length; i++) {
            launchers.add(new Launcher(args[i], List.of(args[i]), true));
        }
        String packetSender = onPath("packetsender");
        if (packetSender != null) {
            launchers.add(new Launcher("Packet Sender", List.of(packetSender), false));
        }
        new StartupBenchmark().run(launchers, runs);
    }

    private void run(List<Launcher> launchers, int runs) throws Exception {
        Process xvfb = new ProcessBuilder("Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process watcher = null;
        try {
            Thread.sleep(1000);
            Path script = temporary(Files.createTempFile("sw-maps", ".py"));
            Files.writeString(script, WATCHER);
            ProcessBuilder watch = new ProcessBuilder("python3", script.toString());
            watch.environment().put("DISPLAY", DISPLAY);
            watcher = watch.start();
            BufferedReader mapped = new BufferedReader(new InputStreamReader(watcher.getInputStream(),
                    StandardCharsets.UTF_8));
            if (!"ready".equals(mapped.readLine())) {
                throw new IllegalStateException("the X watcher did not start");
            }
            Thread reader = new Thread(() -> readMaps(mapped), "x-maps");
            reader.setDaemon(true);
            reader.start();

            Map<Launcher, List<Start>> starts = new LinkedHashMap<>();
            for (Launcher launcher : launchers) {
                start(launcher); // warms the file cache; not counted
                starts.put(launcher, new ArrayList<>());
            }
            for (int i = 0; i < runs; i++) {
                for (Launcher launcher : launchers) {
                    starts.get(launcher).add(start(launcher));
                }
            }
            System.out.printf("Start-up, median of %d alternating first starts (Xvfb 1280x800, %d cores, %s)%n",
                    runs, Runtime.getRuntime().availableProcessors(), java.time.LocalDate.now());
            System.out.printf("%-40s %14s %14s %10s%n", "", "first window", "first frame", "vs bare");
            double bare = median(starts.get(launchers.get(0)), false);
            for (Launcher launcher : launchers) {
                double map = median(starts.get(launcher), true);
                double frame = launcher.printsFrame() ? median(starts.get(launcher), false) : map;
                System.out.printf("%-40s %11.0f ms %11.0f ms %9.2f×%n", launcher.name(), map, frame, frame / bare);
            }
            System.out.println("first window: the first top-level window mapped (a splash screen where there is one)");
        } finally {
            if (watcher != null) {
                watcher.destroy();
            }
            xvfb.destroy();
        }
    }

    private void readMaps(BufferedReader mapped) {
        try {
            for (String line; (line = mapped.readLine()) != null; ) {
                String[] parts = line.split(" ");
                maps.add(Long.parseLong(parts[1]));
            }
        } catch (IOException e) {
            // the watcher ended
        }
    }

    private Start start(Launcher launcher) throws IOException, InterruptedException {
        Path config = temporary(Files.createTempDirectory("sw-bench"));
        ProcessBuilder builder = new ProcessBuilder(launcher.command()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DISPLAY", DISPLAY);
        env.put("XDG_CONFIG_HOME", config.toString());
        // Every launcher's JVM reads it, the jpackage launcher's too; the bare window ignores the property.
        env.put("JAVA_TOOL_OPTIONS", "-Dsocketworkbench.firstFrame=exit");
        maps.clear();
        long started = System.nanoTime();
        Process process = builder.start();
        double frame = -1;
        if (launcher.printsFrame()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                printed.append(line).append('\n');
                if (line.startsWith("first frame")) {
                    frame = (System.nanoTime() - started) / 1e6;
                    break;
                }
            }
            if (frame < 0) {
                throw new IllegalStateException(launcher.name() + " printed no first frame:\n" + printed);
            }
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } else {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (maps.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(500);
            process.destroy();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Long first = maps.peek();
        double map = first == null ? -1 : (first - started) / 1e6;
        return new Start(map, frame);
    }

    private static double median(List<Start> starts, boolean map) {
        List<Double> values = new ArrayList<>();
        for (Start start : starts) {
            values.add(map ? start.firstMap() : start.firstFrame());
        }
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    /** Compiles BareWindow.java against the JavaFX jars in target/modules; returns the command that runs it. */
    private static List<String> bareWindow() throws IOException {
        Path classes = temporary(Files.createTempDirectory("sw-bare"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--module-path", "target/modules", "--add-modules", "javafx.controls", "src/bench/BareWindow.java");
        if (compiled != 0) {
            throw new IllegalStateException("BareWindow.java did not compile");
        }
        String java = System.getenv().getOrDefault("BARE_JAVA", "java");
        return List.of(java, "--module-path", "target/modules", "--add-modules", "javafx.controls", "-cp",
                classes.toString(), "BareWindow");
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
