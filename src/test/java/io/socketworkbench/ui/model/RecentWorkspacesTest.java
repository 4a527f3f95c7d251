package io.socketworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Recent workspaces: newest first, each once, at most eight, kept in a file that junk does not break. */
class RecentWorkspacesTest {
    @Test
    void theNewestComesFirstEachOnceAndTheListIsKept(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("config").resolve("recent-workspaces.txt");
        RecentWorkspaces recent = new RecentWorkspaces();
        recent.keepIn(store);
        assertThat(recent.files().get()).isEmpty();
        for (int i = 1; i <= 10; i++) {
            recent.used(dir.resolve("w" + i + ".swb.json"));
        }
        recent.used(dir.resolve("sub").resolve("..").resolve("w5.swb.json")); // the same file, written otherwise
        List<Path> expected = new ArrayList<>(List.of(dir.resolve("w5.swb.json")));
        for (int i = 10; i >= 3; i--) {
            if (i != 5) {
                expected.add(dir.resolve("w" + i + ".swb.json"));
            }
        }
        assertThat(recent.files().get()).containsExactlyElementsOf(expected).hasSize(RecentWorkspaces.KEPT);

        RecentWorkspaces again = new RecentWorkspaces();
        again.keepIn(store);
        assertThat(again.files().get()).as("read back by the next start").isEqualTo(expected);

        again.forget(dir.resolve("w10.swb.json"));
        assertThat(again.files().get()).doesNotContain(dir.resolve("w10.swb.json")).hasSize(7);
        again.clear();
        RecentWorkspaces cleared = new RecentWorkspaces();
        cleared.keepIn(store);
        assertThat(cleared.files().get()).isEmpty();
    }

    @Test
    void aListFileWithJunkKeepsItsGoodLines(@TempDir Path dir) throws Exception {
        Path store = Files.writeString(dir.resolve("recent-workspaces.txt"), "relative/path.swb.json\n\n"
                + dir.resolve("good.swb.json") + "\n\0bad\n" + dir.resolve("good.swb.json") + "\n" + "x".repeat(5000)
                + "\n");
        RecentWorkspaces recent = new RecentWorkspaces();
        recent.keepIn(store);
        assertThat(recent.files().get()).containsExactly(dir.resolve("good.swb.json"));

        RecentWorkspaces missing = new RecentWorkspaces();
        missing.keepIn(dir.resolve("none.txt"));
        assertThat(missing.files().get()).isEmpty();
    }
}
