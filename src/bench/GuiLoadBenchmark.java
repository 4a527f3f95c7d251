import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

/**
 * The window under load: the real app in this JVM, under its own Xvfb, driven through its contract node ids while
 * Python peers connect, flood and send datagrams. For each load it prints the FX pulse gaps (an AnimationTimer's
 * intervals: p99 and max), the most heap in use (sampled every 20 ms), and what the window counted; the accept
 * loads also run a plain Python accept loop with the same backlog in the same run, the UDP load a Python
 * {@code recvfrom} loop. Run from the project root after {@code mvn -B package -DskipTests} and
 * {@code mvn -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/modules}:
 *
 * <pre>java -p target/classes:target/modules --add-modules io.socketworkbench src/bench/GuiLoadBenchmark.java</pre>
 *
 * It starts itself again inside Xvfb with {@code -Xmx300m} (the tightest heap goal), so a load that needs more heap fails loudly.
 */
public final class GuiLoadBenchmark {

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
    private static final String DISPLAY = ":94";
    private static final int SEQUENTIAL = 1_000;
    private static final int CONCURRENT = 10_000;
    private static final int FLOOD_MIB = 256;
    private static final int FLOODERS = 20;
    private static final int FLOOD_EACH_MIB = 16;
    private static final int DATAGRAMS = 300_000;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("inside")) {
            new GuiLoadBenchmark().run();
            return;
        }
        int code;
        Process xvfb = new ProcessBuilder("Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1000);
            Path config = temporary(Files.createTempDirectory("sw-guibench"));
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx300m"));
            String extra = System.getenv("GUI_BENCH_JVM"); // for example -Xlog:gc:file=gc.log, to see pauses
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-p", "target/classes:target/modules", "--add-modules", "io.socketworkbench",
                    "src/bench/GuiLoadBenchmark.java", "inside"));
            ProcessBuilder inside = new ProcessBuilder(command).inheritIO();
            inside.environment().put("DISPLAY", DISPLAY);
            inside.environment().put("XDG_CONFIG_HOME", config.toString());
            code = inside.start().waitFor();
        } finally {
            xvfb.destroy();
        }
        System.exit(code); // after the finally: an exit inside the try left its Xvfb running
    }

    // --- the app -------------------------------------------------------------------------------------------------

    private final List<Long> pulses = new ArrayList<>();
    private final AtomicLong maxHeap = new AtomicLong();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private Window window;

    private void run() throws Exception {
        Class<? extends Application> app = Class.forName("io.socketworkbench.app.WorkbenchApp")
                .asSubclass(Application.class);
        Thread launcher = new Thread(() -> Application.launch(app), "launch");
        launcher.setDaemon(true);
        launcher.start();
        waitFor("the window", 60, () -> {
            try {
                return fx(() -> Window.getWindows().stream().anyMatch(Window::isShowing));
            } catch (IllegalStateException notYet) {
                return false; // the toolkit is still starting
            }
        });
        window = fx(() -> Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow());
        fx(() -> {
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    synchronized (pulses) {
                        pulses.add(now);
                    }
                }
            }.start();
            return null;
        });
        Thread sampler = new Thread(() -> {
            while (true) {
                maxHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        if (System.getenv("GUI_BENCH_PROFILE") != null) {
            profile();
        }
        Thread.sleep(2000);

        System.out.printf("The window under load (JDK %s, %d cores, -Xmx300m, Xvfb)%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        String only = System.getenv().getOrDefault("GUI_BENCH_ONLY", ""); // for example "udp,clientFlood"
        Map<String, Load> loads = new java.util.LinkedHashMap<>();
        loads.put("sequential", this::sequential);
        loads.put("concurrent", this::concurrent);
        loads.put("clientFlood", this::clientFlood);
        loads.put("serverFlood", this::serverFlood);
        loads.put("udp", this::udp);
        loads.put("classBoard", this::classBoard);
        loads.put("firstOpen", this::firstOpen); // last: what it opens stays open
        for (var load : loads.entrySet()) {
            if (only.isBlank() || List.of(only.split(",")).contains(load.getKey())) {
                load.getValue().run();
            }
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * What the first frame leaves out is built when first shown: the time from the click (done on the FX thread,
     * as a click is) to the end of the frame that shows it, for each such part, opened once. Goal: under 100 ms.
     */
    private void firstOpen() throws Exception {
        System.out.println("First opening of what the first frame leaves out (click to the frame that shows it)");
        Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
        parts.put("statistics (server)", () -> ((ButtonBase) node("#server-stats-toggle")).fire());
        parts.put("quick messages (client)", () -> ((javafx.scene.control.TitledPane) node("#client-quick-panel"))
                .setExpanded(true));
        parts.put("socket lab (client)", () -> ((javafx.scene.control.TitledPane) node("#client-lab"))
                .setExpanded(true));
        parts.put("auto-reply rules (server)", () -> ((javafx.scene.control.TitledPane) node("#server-rules"))
                .setExpanded(true));
        parts.put("UDP row (client)", () -> selectText(node("#client-protocol"), "UDP"));
        parts.put("server options (dialog)", () -> ((ButtonBase) node("#server-options")).fire());
        parts.put("server options, again", () -> ((ButtonBase) node("#server-options")).fire());
        parts.put("relay tab", () -> selectTab("relay-tab"));
        parts.put("exercises tab", () -> selectTab("exercises-tab"));
        for (var part : parts.entrySet()) {
            System.out.printf("    %-28s %4d ms%n", part.getKey(), shownAfter(part.getValue()));
            // A dialog opened (modal, its own nested loop) is closed again, as Cancel would.
            Platform.runLater(() -> Window.getWindows().stream().filter(w -> w != window && w.isShowing()).toList()
                    .forEach(w -> ((javafx.stage.Stage) w).close()));
            Thread.sleep(300);
        }
        fx(() -> {
            selectText(node("#client-protocol"), "TCP");
            selectTab("client-tab-1");
            ((ButtonBase) node("#server-stats-toggle")).fire();
            return null;
        });
        Thread.sleep(500);
    }

    /**
     * The class board with forty student machines (127.0.0.2 to 127.0.0.41), each trying the homework client over
     * and over (one machine in eight reads 4 bytes of the message and closes: a reset): first one attempt each,
     * all at once (the acceptance's scenario), then 10 attempts each 200 ms apart (200 attempts a second), then a
     * stress, 50 attempts each 20 ms apart (2,000 a second). The reference is the same students against a plain
     * Python homework server, the window idle. Goal: pulse gaps p99 at most 50 ms.
     */
    private void classBoard() throws Exception {
        int port = freePort();
        long opened = shownAfter(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) node(".menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> "class-board".equals(i.getId()))
                    .findFirst().orElseThrow().fire();
        });
        System.out.printf("Class board opened (click to the frame that shows it): %d ms%n", opened);
        waitFor("the class board", 20, () -> fx(() -> boardNode("#class-start") != null));
        fx(() -> {
            type(boardNode("#class-bind"), "127.0.0.1");
            type(boardNode("#class-port"), Integer.toString(port));
            ((ButtonBase) boardNode("#class-start")).fire();
            return null;
        });
        waitFor("the board to listen", 20,
                () -> fx(() -> ((Labeled) boardNode("#class-status")).getText().contains(":" + port)));
        boardLoad(port, 1, 0, "the class's first run");
        boardLoad(port, 10, 200, "a class at work");
        boardLoad(port, 50, 20, "a stress");
        fx(() -> {
            ((ButtonBase) boardNode("#class-start")).fire();
            Window.getWindows().stream().filter(w -> w != window && w.isShowing()).toList()
                    .forEach(w -> ((javafx.stage.Stage) w).close());
            return null;
        });
        Thread.sleep(500);
    }

    /** Forty machines, {@code rounds} attempts each, {@code pause} ms apart: against Python, then the board. */
    private void boardLoad(int port, int rounds, int pause, String what) throws Exception {
        String[] reference = reference(HOMEWORK_SERVER, STUDENTS, 180, rounds, pause);
        String refTime = reference[0];
        String idleGaps = reference[1];

        fx(() -> {
            ((ButtonBase) boardNode("#class-reset")).fire();
            return null;
        });
        Thread.sleep(300);
        begin();
        long start = System.nanoTime();
        Process students = python(STUDENTS, port, rounds, pause);
        String time = waitForLine(students, 180);
        students.waitFor(30, TimeUnit.SECONDS);
        // Every attempt decided: forty rows, none still in progress (a row's text says so; its type is not exported).
        // The rows' text is read only once the forty are there, and every 100 ms: the check runs on the FX thread,
        // and its own time is not the window's.
        waitFor("forty rows", 60, () -> fx(() -> ((javafx.scene.control.TableView<?>) boardNode("#class-table"))
                .getItems().size() == 40));
        waitFor("every attempt decided", 60, () -> {
            Thread.sleep(80);
            return fx(() -> ((javafx.scene.control.TableView<?>) boardNode("#class-table")).getItems().stream()
                    .noneMatch(r -> r.toString().contains("inProgress=true")));
        });
        double all = (System.nanoTime() - start) / 1e9;
        long passing = fx(() -> ((javafx.scene.control.TableView<?>) boardNode("#class-table")).getItems().stream()
                .filter(r -> !r.toString().contains("passed=false")).count());
        row(String.format("Class board, %s: 40 machines x %d attempts, %d ms apart (one in eight resets)", what,
                rounds, pause), String.format("students done in %s s, every row decided after %.2f s; 40 rows, %d "
                        + "passing", round(time), all, passing),
                "the same students against a Python homework server: " + round(refTime) + " s", idleGaps);
    }

    /**
     * Milliseconds from {@code click} (run on the FX thread, as a click is) to the end of the frame that shows what
     * it opened: the second pulse after it, since a pulse renders what the one before laid out.
     */
    private static long shownAfter(Runnable click) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            // Started first: a modal dialog's show does not return until it closes.
            new AnimationTimer() {
                private int pulses;

                @Override
                public void handle(long now) {
                    if (++pulses == 2) {
                        stop();
                        shown.complete(System.nanoTime() - start);
                    }
                }
            }.start();
            click.run();
        });
        return shown.get(30, TimeUnit.SECONDS) / 1_000_000;
    }

    /** A node of the class board's window, or null while it is not showing. */
    private static Node boardNode(String selector) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup("#class-board-window") != null) {
                return w.getScene().getRoot().lookup(selector);
            }
        }
        return null;
    }

    private void selectText(Node combo, String text) {
        ComboBox<?> box = (ComboBox<?>) combo;
        for (Object item : box.getItems()) {
            if (box.getConverter() != null && text.equals(((javafx.util.StringConverter<Object>) (Object)
                    box.getConverter()).toString(item)) || text.equals(String.valueOf(item))) {
                box.getSelectionModel().select(box.getItems().indexOf(item));
                return;
            }
        }
        throw new IllegalStateException("no " + text);
    }

    /** Selects a tab by id; "client-tab-1" is the first tab (the first client). */
    private void selectTab(String id) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) node(".tab-pane");
        for (javafx.scene.control.Tab tab : tabs.getTabs()) {
            if (id.equals(tab.getId()) || id.equals("client-tab-1") && tab == tabs.getTabs().get(0)) {
                tabs.getSelectionModel().select(tab);
                return;
            }
        }
        throw new IllegalStateException("no tab " + id);
    }

    private void sequential() throws Exception {
        // Reference: a plain Python accept loop with the window's default backlog, the window idle meanwhile.
        int ref = freePort();
        Process refServer = python(ACCEPT_LOOP, ref, 1024);
        waitForLine(refServer);
        begin();
        long overflowsBefore = listenOverflows();
        Process refClient = python(SEQUENTIAL_CLIENT, ref, SEQUENTIAL);
        String refTime = waitForLine(refClient);
        long refDrops = listenOverflows() - overflowsBefore;
        refClient.getOutputStream().close();
        refClient.waitFor(30, TimeUnit.SECONDS);
        refServer.destroy();
        String idleGaps = gaps();

        int port = startServer(false);
        begin();
        long before = listenOverflows();
        long start = System.nanoTime();
        Process client = python(SEQUENTIAL_CLIENT, port, SEQUENTIAL);
        String connectTime = waitForLine(client);
        long drops = listenOverflows() - before;
        waitFor("1,000 clients listed", 120, () -> fx(() -> connections().getItems().size() == SEQUENTIAL + 1));
        double listed = (System.nanoTime() - start) / 1e9;
        client.getOutputStream().close();
        client.waitFor(30, TimeUnit.SECONDS);
        waitFor("all clients gone", 120, () -> fx(() -> connections().getItems().size() == 1));
        double gone = (System.nanoTime() - start) / 1e9;
        row("1,000 sequential connects, server pane at defaults",
                String.format("connects %ss, %d SYN drops; all listed %.1fs, all gone %.1fs", round(connectTime),
                        drops, listed, gone),
                String.format("Python listen(1024): connects %ss, %d SYN drops", round(refTime), refDrops), idleGaps);
        stopServer();
    }

    private void concurrent() throws Exception {
        int ref = freePort();
        Process refServer = python(ACCEPT_LOOP, ref, 1024);
        waitForLine(refServer);
        begin();
        Process refClient = python(CONCURRENT_CLIENT, ref, CONCURRENT);
        String refResult = waitForLine(refClient, 180);
        refClient.getOutputStream().close();
        refClient.waitFor(60, TimeUnit.SECONDS);
        refServer.destroy();
        String idleGaps = gaps();

        int port = startServer(false);
        begin();
        long start = System.nanoTime();
        Process client = python(CONCURRENT_CLIENT, port, CONCURRENT);
        String result = waitForLine(client, 180);
        waitFor("10,000 clients listed", 180, () -> fx(() -> connections().getItems().size() == CONCURRENT + 1));
        double listed = (System.nanoTime() - start) / 1e9;
        client.getOutputStream().close();
        client.waitFor(60, TimeUnit.SECONDS);
        waitFor("all clients gone", 180, () -> fx(() -> connections().getItems().size() == 1));
        double gone = (System.nanoTime() - start) / 1e9;
        row("10,000 concurrent clients on the server pane",
                String.format("%s; all listed %.1fs, all gone %.1fs", result, listed, gone),
                "Python accept loop: " + refResult, idleGaps);
        stopServer();
    }

    private void clientFlood() throws Exception {
        // Reference: the same Python sender into nc, the window idle meanwhile.
        int ref = freePort();
        Process refServer = python(FLOOD_SERVER, ref, FLOOD_MIB);
        waitForLine(refServer);
        begin();
        Process nc = new ProcessBuilder("nc", "-d", "127.0.0.1", Integer.toString(ref))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String refSent = waitForLine(refServer, 300);
        nc.waitFor(60, TimeUnit.SECONDS);
        String idleGaps = gaps();

        int port = freePort();
        Process server = python(FLOOD_SERVER, port, FLOOD_MIB);
        waitForLine(server);
        String idle = fx(() -> ((Labeled) node("#client-connect")).getText());
        fx(() -> {
            type(node("#client-host"), "127.0.0.1");
            type(node("#client-port"), Integer.toString(port));
            return null;
        });
        begin();
        long start = System.nanoTime();
        fx(() -> {
            ((ButtonBase) node("#client-connect")).fire();
            return null;
        });
        String sent = waitForLine(server, 300);
        waitFor("the client to see the close", 300,
                () -> fx(() -> ((Labeled) node("#client-connect")).getText().equals(idle)));
        double seconds = (System.nanoTime() - start) / 1e9;
        row("256 MiB of random bytes into the client pane", String.format("%.1fs (%.0f MB/s)", seconds,
                FLOOD_MIB * 1.048576 / seconds), "the same into nc: " + refSent, idleGaps);
    }

    private void serverFlood() throws Exception {
        String[] reference = reference(SINK_SERVER, FLOODERS_CLIENT, 300, FLOODERS, FLOOD_EACH_MIB);
        String refSent = reference[0];
        String idleGaps = reference[1];

        int port = startServer(false);
        begin();
        long start = System.nanoTime();
        Process clients = python(FLOODERS_CLIENT, port, FLOODERS, FLOOD_EACH_MIB);
        waitForLine(clients, 300);
        clients.waitFor(60, TimeUnit.SECONDS);
        waitFor("all flooders gone", 300, () -> fx(() -> connections().getItems().size() == 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        row("20 clients × 16 MiB of random bytes into the server pane", String.format("%.1fs (%.0f MB/s)", seconds,
                FLOODERS * FLOOD_EACH_MIB * 1.048576 / seconds), "into a Python sink: " + refSent, idleGaps);
        stopServer();
    }

    private void udp() throws Exception {
        int ref = freePort();
        Process refServer = python(UDP_COUNTER, ref);
        waitForLine(refServer);
        begin();
        Process refSender = python(UDP_SENDER, ref, DATAGRAMS);
        waitForLine(refSender, 120);
        refServer.getOutputStream().close();
        String refKept = waitForLine(refServer, 30);
        String idleGaps = gaps();

        int port = startServer(true);
        begin();
        Process sender = python(UDP_SENDER, port, DATAGRAMS);
        String rate = waitForLine(sender, 120);
        long counted = -1;
        for (long last = -2; counted != last; Thread.sleep(500)) { // until the count stops growing
            last = counted;
            counted = datagramsIn(fx(() -> ((Labeled) node("#server-state")).getText()));
        }
        row("300,000 UDP datagrams of 512 B into the server pane",
                String.format("%.1f %% counted (sent at %s)", 100.0 * counted / DATAGRAMS, rate),
                String.format("Python recvfrom loop: %.1f %% kept", 100.0 * Long.parseLong(refKept.trim()) / DATAGRAMS),
                idleGaps);
        stopServer();
    }

    /** The datagram count in the server state line: the last number in it. */
    private static long datagramsIn(String state) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,]+)").matcher(state);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1).replace(",", ""));
        }
        return last;
    }

    private final java.util.Map<String, Integer> samples = new java.util.concurrent.ConcurrentHashMap<>();

    /** Samples the FX thread's stack every 5 ms: where the window's time goes (for finding stalls, not a figure). */
    private void profile() throws Exception {
        Thread fxThread = fx(Thread::currentThread);
        Thread profiler = new Thread(() -> {
            while (true) {
                StackTraceElement[] stack = fxThread.getStackTrace();
                StringBuilder key = new StringBuilder();
                int ours = 0;
                boolean controls = System.getenv("GUI_BENCH_PROFILE").equals("controls");
                for (StackTraceElement frame : stack) {
                    boolean counted = controls ? frame.getClassName().contains("skin")
                            || frame.getClassName().contains("VirtualFlow") || frame.getClassName().contains("Text")
                            || frame.getClassName().startsWith("io.socketworkbench")
                            : frame.getClassName().startsWith("io.socketworkbench");
                    if (counted && ours++ < (controls ? 7 : 4)) {
                        key.append(frame.getClassName().replaceAll(".*\\.", "")).append('.')
                                .append(frame.getMethodName()).append(':').append(frame.getLineNumber()).append(" < ");
                    }
                }
                String top = stack.length == 0 ? "?" : stack[0].getClassName().replaceAll(".*\\.", "") + "."
                        + stack[0].getMethodName();
                if (key.length() == 0 && System.getenv("GUI_BENCH_PROFILE").equals("fx")) {
                    for (int i = 0; i < stack.length; i++) { // JavaFX's own work: which phase of the pulse
                        String name = stack[i].getClassName() + "." + stack[i].getMethodName();
                        if (name.contains("Scene$ScenePulseListener.pulse") || name.contains("doCSSPass")
                                || name.contains("doLayoutPass") || name.contains("synchronizeSceneNodes")
                                || name.contains("QuantumToolkit.pulse") || name.contains("waitForRenderingToComplete")
                                || name.contains("PaintCollector") || name.contains("renderLock")) {
                            key.append(stack[i].getClassName().replaceAll(".*\\.", "")).append('.')
                                    .append(stack[i].getMethodName()).append(" < ");
                        }
                    }
                }
                samples.merge(top + " | " + key, 1, Integer::sum);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "profiler");
        profiler.setDaemon(true);
        profiler.start();
    }

    private void printProfile() {
        if (samples.isEmpty()) {
            return;
        }
        Map<String, Integer> byOurs = new java.util.HashMap<>();
        samples.forEach((k, v) -> byOurs.merge(k.substring(k.indexOf('|') + 1), v, Integer::sum));
        byOurs.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("    %5d %s%n", e.getValue(), e.getKey()));
        samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf("    %5d %s%n", e.getValue(), e.getKey()));
        samples.clear();
    }

    /**
     * A Python reference with the window idle: {@code server} on a free port, then {@code load} against it (the
     * port first, then {@code args}). Returns the load's line and the window's pulse gaps meanwhile.
     */
    private String[] reference(String server, String load, int seconds, Object... args) throws Exception {
        int ref = freePort();
        Process refServer = python(server, ref);
        waitForLine(refServer);
        begin();
        Object[] withPort = new Object[args.length + 1];
        withPort[0] = ref;
        System.arraycopy(args, 0, withPort, 1, args.length);
        Process refLoad = python(load, withPort);
        String said = waitForLine(refLoad, seconds);
        refLoad.waitFor(60, TimeUnit.SECONDS);
        refServer.destroy();
        return new String[] {said, gaps()};
    }

    // --- measuring -----------------------------------------------------------------------------------------------

    /** Starts a measurement: a collection first (its pause is not the window's), then fresh pulses and heap. */
    private void begin() throws InterruptedException {
        System.gc();
        Thread.sleep(300);
        synchronized (pulses) {
            pulses.clear();
        }
        samples.clear();
        maxHeap.set(memory.getHeapMemoryUsage().getUsed());
    }

    /** The pulse gaps since {@link #begin}: median, 99th percentile and longest, and how many passed 50 ms. */
    private String gaps() {
        long[] gaps;
        synchronized (pulses) {
            gaps = new long[Math.max(0, pulses.size() - 1)];
            for (int i = 1; i < pulses.size(); i++) {
                gaps[i - 1] = pulses.get(i) - pulses.get(i - 1);
            }
        }
        if (System.getenv("GUI_BENCH_GAPS") != null) {
            long at = 0;
            for (long gap : gaps) {
                at += gap;
                if (gap > 50_000_000) {
                    System.out.printf("  gap %d ms, ending %d ms in%n", gap / 1_000_000, at / 1_000_000);
                }
            }
        }
        if (gaps.length == 0) {
            return "no pulses";
        }
        java.util.Arrays.sort(gaps);
        long p99 = gaps[(int) Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.99) - 1)];
        long over = java.util.Arrays.stream(gaps).filter(g -> g > 50_000_000).count();
        return String.format("%d / %d / %d ms, %d of %d > 50 ms", gaps[gaps.length / 2] / 1_000_000,
                p99 / 1_000_000, gaps[gaps.length - 1] / 1_000_000, over, gaps.length);
    }

    private void row(String load, String ours, String reference, String idleGaps) {
        String busy = gaps();
        System.out.printf("%s%n    window:    %s%n    reference: %s%n    pulse gaps p50 / p99 / max: window busy %s;"
                + " window idle during the reference %s%n    most heap in use: %d MB%n", load, ours, reference, busy,
                idleGaps, maxHeap.get() / 1_000_000);
        printProfile();
    }

    private static long listenOverflows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("TcpExt:")) {
                String[] names = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int k = 0; k < names.length; k++) {
                    if (names[k].equals("ListenOverflows")) {
                        return Long.parseLong(values[k]);
                    }
                }
            }
        }
        return 0;
    }

    // --- driving the window --------------------------------------------------------------------------------------

    private int startServer(boolean udp) throws Exception {
        int port = freePort();
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> protocol = (ComboBox<Object>) node("#server-protocol");
            protocol.setValue(protocol.getItems().stream()
                    .filter(p -> ((Enum<?>) p).name().equals(udp ? "UDP" : "TCP")).findFirst().orElseThrow());
            type(node("#server-host"), "127.0.0.1");
            type(node("#server-port"), Integer.toString(port));
            ((ButtonBase) node("#server-start")).fire();
            return null;
        });
        waitFor("the server to listen", 20,
                () -> fx(() -> ((Labeled) node("#server-state")).getText().contains(Integer.toString(port))));
        return port;
    }

    private void stopServer() throws Exception {
        String before = fx(() -> ((Labeled) node("#server-state")).getText());
        fx(() -> {
            ((ButtonBase) node("#server-start")).fire();
            return null;
        });
        waitFor("the server to stop", 20,
                () -> fx(() -> !((Labeled) node("#server-state")).getText().equals(before)));
        Thread.sleep(500);
    }

    /** Text into a field, or into an editable combo box's editor, as typing would put it. */
    private static void type(Node field, String text) {
        if (field instanceof ComboBox<?> combo) {
            combo.getEditor().setText(text);
        } else {
            ((TextInputControl) field).setText(text);
        }
    }

    private ListView<?> connections() {
        return (ListView<?>) node("#server-connections");
    }

    private Node node(String selector) {
        Node node = window.getScene().getRoot().lookup(selector);
        if (node == null) {
            throw new IllegalStateException("no " + selector);
        }
        return node;
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private interface Load {
        void run() throws Exception;
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(String what, int seconds, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    // --- peers ---------------------------------------------------------------------------------------------------

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process python(String script, Object... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String waitForLine(Process p) throws Exception {
        return waitForLine(p, 60);
    }

    private static String waitForLine(Process p, int seconds) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, r -> new Thread(r).start());
        String text = line.get(seconds, TimeUnit.SECONDS);
        if (text == null) {
            throw new IllegalStateException("a Python peer ended without a word");
        }
        return text;
    }

    private static String round(String seconds) {
        return String.format("%.2f", Double.parseDouble(seconds.trim()));
    }

    private static final String ACCEPT_LOOP = """
            import socket, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(int(sys.argv[2])); print('ready', flush=True)
            keep = []
            while True:
                keep.append(s.accept()[0])
            """;

    private static final String HOMEWORK_SERVER = """
            import socket, sys, threading
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1024); print('ready', flush=True)
            def serve(c):
                try:
                    c.sendall(b'This is socket!'); c.shutdown(socket.SHUT_WR)
                    while c.recv(1024):
                        pass
                except OSError:
                    pass
                c.close()
            while True:
                threading.Thread(target=serve, args=(s.accept()[0],), daemon=True).start()
            """;

    private static final String STUDENTS = """
            import socket, sys, threading, time
            port, rounds, pause = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]) / 1000
            def student(m):
                for r in range(rounds):
                    c = socket.socket(); c.bind(('127.0.0.%d' % m, 0)); c.connect(('127.0.0.1', port))
                    try:
                        if m % 8 == 0:
                            c.recv(4)
                        else:
                            while c.recv(1024):
                                pass
                    except OSError:
                        pass
                    c.close(); time.sleep(pause)
            t = time.time()
            ts = [threading.Thread(target=student, args=(m,)) for m in range(2, 42)]
            [x.start() for x in ts]; [x.join() for x in ts]
            print(time.time() - t, flush=True)
            """;

    private static final String SEQUENTIAL_CLIENT = """
            import socket, sys, time
            port, n = int(sys.argv[1]), int(sys.argv[2]); keep = []; t = time.time()
            for i in range(n):
                c = socket.socket(); c.connect(('127.0.0.1', port)); keep.append(c)
            print(time.time() - t, flush=True)
            sys.stdin.read()
            """;

    private static final String CONCURRENT_CLIENT = """
            import socket, sys, time, resource, selectors
            resource.setrlimit(resource.RLIMIT_NOFILE, (resource.getrlimit(resource.RLIMIT_NOFILE)[1],) * 2)
            port, n = int(sys.argv[1]), int(sys.argv[2]); sel = selectors.DefaultSelector(); t = time.time()
            socks = []
            for i in range(n):
                c = socket.socket(); c.setblocking(False); c.connect_ex(('127.0.0.1', port)); socks.append(c)
                sel.register(c, selectors.EVENT_WRITE)
            pending, failed = n, 0
            while pending:
                for key, _ in sel.select(10):
                    sel.unregister(key.fileobj); pending -= 1
                    failed += key.fileobj.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0
            print('%d connected in %.1fs, %d failed' % (n - failed, time.time() - t, failed), flush=True)
            sys.stdin.read()
            """;

    private static final String FLOOD_SERVER = """
            import os, socket, sys, time
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1); print('ready', flush=True)
            c = s.accept()[0]; t = time.time()
            block = os.urandom(1 << 20) if os.environ.get('GUI_BENCH_TEXT') is None else (b'The quick brown fox. ' * 50000)[:1 << 20]
            for i in range(int(sys.argv[2])):
                c.sendall(block)
            c.close(); print('%.0f MB/s' % (int(sys.argv[2]) * 1.048576 / (time.time() - t)), flush=True)
            """;

    private static final String FLOODERS_CLIENT = """
            import os, socket, sys, threading, time
            port, n, mib = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); block = os.urandom(1 << 20)
            def flood():
                c = socket.create_connection(('127.0.0.1', port))
                for i in range(mib):
                    c.sendall(block)
                c.close()
            t = time.time(); threads = [threading.Thread(target=flood) for i in range(n)]
            for th in threads: th.start()
            for th in threads: th.join()
            print('%.0f MB/s' % (n * mib * 1.048576 / (time.time() - t)), flush=True)
            """;

    private static final String SINK_SERVER = """
            import socket, sys, threading
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(1024); print('ready', flush=True)
            def drain(c):
                while c.recv(1 << 16):
                    pass
                c.close()
            while True:
                threading.Thread(target=drain, args=(s.accept()[0],), daemon=True).start()
            """;

    private static final String UDP_SENDER = """
            import socket, sys, time
            port, n = int(sys.argv[1]), int(sys.argv[2]); s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            data = b'x' * 512; t = time.time()
            for i in range(n):
                s.sendto(data, ('127.0.0.1', port))
            print('%.0fk/s' % (n / (time.time() - t) / 1000), flush=True)
            """;

    private static final String UDP_COUNTER = """
            import socket, sys, threading
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', int(sys.argv[1])))
            count = 0
            def read():
                global count
                while True:
                    s.recvfrom(65535); count += 1
            threading.Thread(target=read, daemon=True).start(); print('ready', flush=True)
            sys.stdin.read(); print(count, flush=True)
            """;
}
