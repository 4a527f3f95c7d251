import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from process start to the window's first frame, for the plain jlink launcher and for the packaged app
 * (jpackage, with class-data sharing), measured in the same run under its own Xvfb. Run from the project root
 * after {@code mvn -B -Pinstaller package -DskipTests}:
 *
 * <pre>java src/bench/StartupBenchmark.java [runs]</pre>
 */
public final class StartupBenchmark {
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame after (\\d+) ms");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Process xvfb = new ProcessBuilder("Xvfb", ":93", "-screen", "0", "1280x800x24")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1000);
            long plain = median(runs, "target/image/bin/socket-workbench");
            long packaged = median(runs, "target/dist/socket-workbench/bin/socket-workbench");
            System.out.printf("Time to first frame, median of %d runs (Xvfb, %d cores)%n", runs,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-44s %5d ms%n", "jlink launcher (target/image)", plain);
            System.out.printf("%-44s %5d ms   ratio %.2f%n", "packaged app with AppCDS (target/dist)", packaged,
                    (double) packaged / plain);
        } finally {
            xvfb.destroy();
        }
    }

    private static long median(int runs, String launcher) throws Exception {
        List<Long> times = new ArrayList<>();
        runOnce(launcher); // warm the file cache, not counted
        for (int i = 0; i < runs; i++) {
            times.add(runOnce(launcher));
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static long runOnce(String launcher) throws IOException, InterruptedException {
        Path config = Files.createTempDirectory("sw-bench");
        ProcessBuilder builder = new ProcessBuilder(launcher).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DISPLAY", ":93");
        env.put("XDG_CONFIG_HOME", config.toString());
        env.put("SOCKET_WORKBENCH_OPTS", "-Dsocketworkbench.firstFrame=exit");
        env.put("JAVA_TOOL_OPTIONS", "-Dsocketworkbench.firstFrame=exit");
        Process app = builder.start();
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
        Matcher m = FIRST_FRAME.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException(launcher + " printed no first frame:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }
}
