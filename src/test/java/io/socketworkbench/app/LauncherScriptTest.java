package io.socketworkbench.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/linux/launcher.sh, in both places it is installed (the jlink image's bin/, the app image's bin/), with a
 * stand-in {@code java} that prints the arguments it was given: the splash only for the window on a display, the
 * window's class cache (in either layout) only for the window, and the command line's arguments passed on untouched.
 */
class LauncherScriptTest {
    private static final String SCRIPT = Path.of(System.getProperty("project.basedir", "."), "packaging", "linux",
            "launcher.sh").toString();

    @TempDir
    Path root;

    /** Lays out {@code bin/socket-workbench} with java at {@code javaDir}; returns the launcher. */
    private Path install(String javaDir, String splashDir) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path launcher = bin.resolve("socket-workbench");
        Files.writeString(launcher, Files.readString(Path.of(SCRIPT), UTF_8).replace("@JVM_FLAGS@", "-XX:+UseSerialGC"));
        Path java = Files.createDirectories(root.resolve(javaDir)).resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        for (Path file : List.of(launcher, java)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.write(Files.createDirectories(root.resolve(splashDir)).resolve("splash.png"), new byte[] {1});
        return launcher;
    }

    private static List<String> run(Path launcher, String display, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("WAYLAND_DISPLAY");
        env.remove("SOCKET_WORKBENCH_OPTS");
        if (display == null) {
            env.remove("DISPLAY");
        } else {
            env.put("DISPLAY", display);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    @Test
    void theWindowOnADisplayGetsTheSplashAndTheCommandLineNever() throws Exception {
        Path launcher = install("bin", "lib");
        String splash = "-splash:" + root.resolve("bin").toRealPath() + "/../lib/splash.png";

        List<String> window = run(launcher, ":42");
        assertThat(window).contains(splash, "-Dsocketworkbench.splash=true", "-XX:+UseSerialGC");
        assertThat(window).endsWith("-m", "io.socketworkbench/io.socketworkbench.app.Launcher");

        List<String> cli = run(launcher, ":42", "client", "127.0.0.1", "37777", "--send", "two words");
        assertThat(cli).noneMatch(arg -> arg.startsWith("-splash")).doesNotContain("-Dsocketworkbench.splash=true");
        assertThat(cli).endsWith("io.socketworkbench/io.socketworkbench.app.Launcher", "client", "127.0.0.1", "37777",
                "--send", "two words");

        assertThat(run(launcher, null)).as("no display: no splash").noneMatch(arg -> arg.startsWith("-splash"));
    }

    @Test
    void theAppImageMapsItsClassCacheAnAotCacheFirstForTheWindowOnly() throws Exception {
        Path launcher = install("lib/runtime/bin", "lib/runtime/lib");
        Path app = Files.createDirectories(root.resolve("lib/app"));
        String bin = root.resolve("bin").toRealPath().toString();

        assertThat(run(launcher, ":42")).contains("-Dsocketworkbench.cache=none")
                .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile") || arg.startsWith("-XX:AOTCache"));
        Files.write(app.resolve("socket-workbench.jsa"), new byte[] {1});
        assertThat(run(launcher, null)).contains("-XX:SharedArchiveFile=" + bin + "/../lib/app/socket-workbench.jsa");
        Files.write(app.resolve("socket-workbench.aot"), new byte[] {1});
        assertThat(run(launcher, ":42")).contains("-XX:AOTCache=" + bin + "/../lib/app/socket-workbench.aot",
                "-splash:" + bin + "/../lib/runtime/lib/splash.png");
        assertThat(run(launcher, ":42", "--version")).as("the command line never maps the window's cache")
                .contains("-Dsocketworkbench.cache=none", "--version")
                .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile") || arg.startsWith("-XX:AOTCache"));
    }

    @Test
    void theJlinkImageMapsTheCacheBesideItsRuntimeForTheWindowOnly() throws Exception {
        Path launcher = install("bin", "lib");
        String bin = root.resolve("bin").toRealPath().toString();

        assertThat(run(launcher, ":42")).contains("-Dsocketworkbench.cache=none");
        Files.write(root.resolve("lib/socket-workbench.jsa"), new byte[] {1});
        assertThat(run(launcher, ":42")).contains("-XX:SharedArchiveFile=" + bin + "/../lib/socket-workbench.jsa")
                .doesNotContain("-Dsocketworkbench.cache=none");
        Files.write(root.resolve("lib/socket-workbench.aot"), new byte[] {1});
        assertThat(run(launcher, ":42")).contains("-XX:AOTCache=" + bin + "/../lib/socket-workbench.aot")
                .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile"));
        assertThat(run(launcher, ":42", "server", "--port", "0")).contains("-Dsocketworkbench.cache=none")
                .noneMatch(arg -> arg.startsWith("-XX:SharedArchiveFile") || arg.startsWith("-XX:AOTCache"));
    }

    /** The .deb links /usr/bin/socket-workbench to the app image's launcher: through the link it finds its runtime. */
    @Test
    void throughALinkOnThePathItFindsTheRuntimeBesideTheRealScript() throws Exception {
        Path launcher = install("lib/runtime/bin", "lib/runtime/lib");
        Files.write(Files.createDirectories(root.resolve("lib/app")).resolve("socket-workbench.aot"), new byte[] {1});
        Path usrBin = Files.createDirectories(root.resolve("usr/bin"));
        Path link = Files.createSymbolicLink(usrBin.resolve("socket-workbench"), usrBin.relativize(launcher));
        String bin = root.resolve("bin").toRealPath().toString();

        assertThat(run(link, ":42")).contains("-XX:AOTCache=" + bin + "/../lib/app/socket-workbench.aot",
                "-splash:" + bin + "/../lib/runtime/lib/splash.png");
        assertThat(run(link, null, "--version")).endsWith("io.socketworkbench/io.socketworkbench.app.Launcher",
                "--version");
    }

    /** Issue 28, item 10: with no locale at all, Java would read Chinese arguments as U+FFFD; the launcher gives it UTF-8. */
    @Test
    void withNoLocaleTheCharacterSetIsUtf8AndAChosenLocaleIsKept() throws Exception {
        Path launcher = install("bin", "lib");
        Files.writeString(root.resolve("bin/java"), "#!/bin/sh\necho \"LC_CTYPE=$LC_CTYPE LANG=$LANG\"\n");
        for (String[] env : new String[][] {{}, {"LANG", "zh_CN.UTF-8"}, {"LC_ALL", "en_GB.UTF-8"}}) {
            ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version");
            builder.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
            if (env.length == 2) {
                builder.environment().put(env[0], env[1]);
            }
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            if (env.length == 0) {
                assertThat(out).isEqualTo("LC_CTYPE=C.UTF-8 LANG=");
            } else {
                assertThat(out).as(env[0]).startsWith("LC_CTYPE= ");
            }
        }
    }
}
