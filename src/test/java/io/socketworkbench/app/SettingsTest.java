package io.socketworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file as a careless or hostile edit leaves it (issue 28, item 8). */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void numbersOutsideTheirRangeAreNotUsedAndAreNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.properties"),
                "width=NaN\nheight=-1e9\nzoom=1e308\nsplit=0.3\n");
        Settings settings = new Settings(file);
        assertThat(settings.number("width", 1280, 900, 100_000)).isEqualTo(1280);
        assertThat(settings.number("height", 800, 600, 100_000)).isEqualTo(800);
        assertThat(settings.number("zoom", 1.0, 0.75, 3.0)).isEqualTo(1.0);
        assertThat(settings.number("split", 0.5, 0.05, 0.95)).isEqualTo(0.3);
        assertThat(settings.number("absent", 7, 0, 10)).isEqualTo(7);
        assertThat(settings.ignored()).containsExactly("width", "height", "zoom");
    }

    @Test
    void aFiftyMegabyteLineIsSkippedAndTheRestIsKept() throws IOException {
        Path file = dir.resolve("settings.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("server.port=5000\nclient.host=");
            char[] block = new char[1024 * 1024];
            java.util.Arrays.fill(block, 'h');
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\nclient.port=4242\n");
        }
        Settings settings = new Settings(file);
        assertThat(settings.text("client.host", "127.0.0.1", 255)).isEqualTo("127.0.0.1");
        assertThat(settings.get("server.port", "")).isEqualTo("5000");
        assertThat(settings.get("client.port", "")).isEqualTo("4242");
        assertThat(settings.ignored()).containsExactly("client.host");

        // Saved again, the file no longer has the huge line.
        settings.save();
        assertThat(Files.size(file)).isLessThan(1_000);
    }

    @Test
    void aTextLongerThanItsLimitIsNotUsed() throws IOException {
        Path file = Files.writeString(dir.resolve("settings.properties"), "client.host=" + "a".repeat(256) + "\n");
        Settings settings = new Settings(file);
        assertThat(settings.text("client.host", "127.0.0.1", 255)).isEqualTo("127.0.0.1");
        assertThat(settings.ignored()).containsExactly("client.host");
    }
}
