package io.socketworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.MainWindow;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What one run keeps comes back in the next: through the file, into a new window. */
@ExtendWith(ApplicationExtension.class)
class WindowSettingsTest {
    private final SocketEngine engine = new SocketEngine("settings-test");
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.use(Locale.ENGLISH);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private MainWindow open() {
        MainWindow window = new MainWindow(engine, new FxBridge());
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
        return window;
    }

    @Test
    void formsZoomAndProjectorModeSurviveARestartAndTheFrontTabIsTheOneKept(FxRobot robot) {
        Path file = dir.resolve("socket-workbench").resolve("settings.properties");
        robot.interact(() -> {
            MainWindow first = open();
            first.client().session().form().host().set("10.1.2.3");
            var second = first.addClient();
            second.session().form().host().set("::1");
            second.session().form().port().set("4242");
            first.server().session().form().port().set("5000");
            first.zoom().set(1.3);
            first.server().limits(new io.socketworkbench.session.ServerLimits(3, "busy\r\n".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), 30, null));
            Settings settings = new Settings(file);
            WindowSettings.keep(first, settings);
            settings.save();
        });
        robot.interact(() -> {
            MainWindow next = open();
            Settings settings = new Settings(file);
            WindowSettings.restoreForms(settings, next);
            WindowSettings.restoreLayout(settings, next);
            assertThat(next.client().form().hostText()).isEqualTo("::1");
            assertThat(next.client().form().portField().getText()).isEqualTo("4242");
            assertThat(next.server().form().portField().getText()).isEqualTo("5000");
            assertThat(next.zoomState().normal()).isEqualTo(1.3);
            assertThat(next.server().limits().maxClients()).isEqualTo(3);
            assertThat(new String(next.server().limits().busy(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("busy\r\n");
            assertThat(next.server().limits().idleSeconds()).isEqualTo(30);
            assertThat(next.server().limits().stallSeconds()).isNull();
            assertThat(next.zoomState().projectorOn()).isFalse();
        });
    }

    @Test
    void aMissingOrBrokenFileGivesTheDefaults(FxRobot robot) throws Exception {
        Path broken = dir.resolve("settings.properties");
        java.nio.file.Files.writeString(broken, "zoom=lots\nclient.port=\\uZZZZ\n");
        robot.interact(() -> {
            MainWindow window = open();
            Settings settings = new Settings(broken);
            WindowSettings.restoreForms(settings, window);
            WindowSettings.restoreLayout(settings, window);
            assertThat(window.zoomState().normal()).isEqualTo(1.0);
            assertThat(window.client().form().portField().getText()).isEqualTo("37777");
        });
    }

    /** Issue 28, item 8: a hand-edited file with values out of range gives the defaults, and the names of what was not used. */
    @Test
    void valuesOutOfRangeGiveTheDefaultsAndAreNamed(FxRobot robot) throws Exception {
        Path edited = dir.resolve("settings.properties");
        java.nio.file.Files.writeString(edited, "zoom=1e308\nprojector.zoom=NaN\nsplit=-4\nclient.port=70000\n"
                + "server.port=abc\nclient.host=" + "h".repeat(300) + "\n");
        robot.interact(() -> {
            MainWindow window = open();
            Settings settings = new Settings(edited);
            WindowSettings.restoreForms(settings, window);
            WindowSettings.restoreLayout(settings, window);
            assertThat(window.zoomState().normal()).isEqualTo(1.0);
            assertThat(window.zoomState().projector()).isEqualTo(2.0);
            assertThat(window.split().getDividerPositions()[0]).isEqualTo(0.5, org.assertj.core.data.Offset.offset(0.01));
            assertThat(window.client().form().portField().getText()).isEqualTo("37777");
            assertThat(window.server().form().portField().getText()).isEqualTo("37777");
            assertThat(window.client().form().hostText()).isEqualTo("127.0.0.1");
            assertThat(settings.ignored()).containsExactlyInAnyOrder("zoom", "projector.zoom", "split", "client.port",
                    "server.port", "client.host");
        });
    }
}
