package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.session.Workspace;
import io.socketworkbench.session.WorkspaceFile;
import io.socketworkbench.ui.fx.FxBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A workspace with every kind of setting it keeps goes through the file into a new window and comes back equal. */
@ExtendWith(ApplicationExtension.class)
class WorkspaceWindowTest {
    private final SocketEngine engine = new SocketEngine("workspace-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() {
        window.recording().close();
        engine.close();
    }

    @Test
    void aWorkspaceRoundTripsThroughItsFileIntoANewWindow(FxRobot robot, @TempDir Path dir) throws Exception {
        Workspace everything = io.socketworkbench.session.WorkspaceFileTest.everything();
        robot.interact(() -> window.open(everything));
        Workspace[] fromWindow = new Workspace[1];
        robot.interact(() -> fromWindow[0] = window.workspace());
        assertThat(fromWindow[0]).as("what the window shows").isEqualTo(everything);

        Path file = dir.resolve("lab.swb.json");
        WorkspaceFile.write(file, fromWindow[0]);
        MainWindow[] second = new MainWindow[1];
        SocketEngine engine2 = new SocketEngine("workspace-test-2");
        try {
            robot.interact(() -> {
                second[0] = new MainWindow(engine2, new FxBridge());
                assertThat(second[0].openWorkspace(file)).isTrue();
                fromWindow[0] = second[0].workspace();
            });
            assertThat(fromWindow[0]).as("a new window, from the file").isEqualTo(everything);
        } finally {
            second[0].recording().close();
            engine2.close();
        }

        // A broken file changes nothing, and says where it is wrong.
        Path broken = Files.writeString(dir.resolve("broken.swb.json"), "{\"format\": \"socket-workbench-workspace\","
                + " \"version\": 1,\n \"server\": {\"protocol\": \"tcp\", \"port\": 4000}}");
        robot.interact(() -> {
            window.open(new Workspace(new Workspace.Endpoint("TCP", "127.0.0.1", "5000"), null, null, null,
                    null, null, java.util.List.of(), null));
            assertThat(window.openWorkspace(broken)).isFalse();
            try {
                WorkspaceFile.read(broken);
            } catch (WorkspaceFile.BadWorkspace e) {
                assertThat(Workspaces.bad(e)).isEqualTo("line 2, server.port: text was expected, not a number");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(window.workspace().server()).isEqualTo(new Workspace.Endpoint("TCP", "127.0.0.1", "5000"));
        });
    }

    @Test
    void recentWorkspacesOpenFromTheMenuAndAMissingOneLeavesTheList(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path store = dir.resolve("recent-workspaces.txt");
        Path lab = dir.resolve("lab.swb.json");
        Path other = dir.resolve("other.swb.json");
        Workspace everything = io.socketworkbench.session.WorkspaceFileTest.everything();
        robot.interact(() -> {
            window.keepRecentWorkspacesIn(store);
            window.open(everything);
            assertThat(window.workspaces().save(lab)).isTrue();
            window.open(new Workspace(new Workspace.Endpoint("UDP", "127.0.0.1", "6000"), null, null, null,
                    null, null, java.util.List.of(), null));
            assertThat(window.workspaces().save(other)).isTrue();
        });
        assertThat(Files.readAllLines(store)).containsExactly(other.toString(), lab.toString());
        javafx.scene.control.Menu menu = window.workspaces().recentMenu();
        robot.interact(() -> {
            assertThat(menu.getId()).isEqualTo("recent-workspaces");
            assertThat(menu.getItems().get(0).getId()).isEqualTo("recent-workspace-1");
            assertThat(menu.getItems().get(0).getText()).contains("other.swb.json").contains(dir.toString());
            assertThat(menu.getItems().get(1).getText()).contains("lab.swb.json");
            menu.getItems().get(1).fire(); // the second: lab
        });
        Workspace[] shown = new Workspace[1];
        robot.interact(() -> shown[0] = window.workspace());
        assertThat(shown[0].rules()).isEqualTo(everything.rules());
        assertThat(shown[0].server()).isEqualTo(everything.server());
        assertThat(Files.readAllLines(store)).as("opened: at the top").containsExactly(lab.toString(),
                other.toString());

        Files.delete(other);
        robot.interact(() -> {
            menu.getItems().get(1).fire();
            assertThat(window.workspace().server()).as("unchanged").isEqualTo(everything.server());
            assertThat(window.workspaces().recent().files().get()).containsExactly(lab);
            assertThat(menu.getItems().stream().map(javafx.scene.control.MenuItem::getId))
                    .contains("recent-workspace-1", "recent-workspaces-clear")
                    .doesNotContain("recent-workspace-2");
        });
    }

    @Test
    void theLastSetupIsOfferedOnStartAndRestoredWithOneClick(FxRobot robot, @TempDir Path dir) throws Exception {
        Workspace everything = io.socketworkbench.session.WorkspaceFileTest.everything();
        Path last = dir.resolve("last.swb.json");
        WorkspaceFile.write(last, everything);
        robot.interact(() -> window.offerRestore(last));
        javafx.scene.Node offer = robot.lookup("#restore-offer").query();
        assertThat(offer.isVisible()).isTrue();
        assertThat(robot.lookup("#restore-offer .label").queryAs(javafx.scene.control.Label.class).getText())
                .contains("TLS 0.0.0.0:4433", "3 client tabs", "4 reply rules");
        robot.clickOn("#restore-workspace");
        Workspace[] shown = new Workspace[1];
        robot.interact(() -> shown[0] = window.workspace());
        assertThat(shown[0]).isEqualTo(everything);
        assertThat(offer.isVisible()).isFalse();

        // What the window has already, or a file that cannot be read, is not offered.
        robot.interact(() -> {
            window.offerRestore(last);
            assertThat(offer.isVisible()).isFalse();
        });
        Path broken = Files.writeString(dir.resolve("broken.swb.json"), "{\"format\": 1");
        robot.interact(() -> {
            window.offerRestore(broken);
            assertThat(offer.isVisible()).isFalse();
            window.offerRestore(dir.resolve("missing.swb.json"));
            assertThat(offer.isVisible()).isFalse();
        });
    }
}
