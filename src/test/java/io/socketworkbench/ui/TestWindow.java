package io.socketworkbench.ui;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The main window as the UI tests open it: in English, the light theme, our style sheet, at a given size. */
final class TestWindow {
    private TestWindow() {
    }

    /**
     * The bridge of the window shown last. Its pulse timer keeps it (and through it the whole window, with up to
     * 32 MiB in each transcript) reachable for as long as it runs: a new test's window stops the one before, or a
     * run of flood tests fills the test JVM's heap.
     */
    private static FxBridge previous;

    static MainWindow show(Stage stage, SocketEngine engine, FxBridge bridge, double width, double height) {
        return show(stage, engine, bridge, width, height, Locale.ENGLISH);
    }

    /** The window in {@code language}; the caller sets English back when done. */
    static MainWindow show(Stage stage, SocketEngine engine, FxBridge bridge, double width, double height,
                           Locale language) {
        if (previous != null && previous != bridge) {
            previous.stop();
        }
        previous = bridge;
        I18n.use(language);
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        bridge.holdReadingWith(engine::holdReading);
        MainWindow window = new MainWindow(engine, bridge);
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("/io/socketworkbench/ui/workbench.css")
                .toExternalForm());
        stage.setScene(scene);
        bridge.start();
        stage.show();
        return window;
    }

    /** Waits (up to 10 s) for {@code condition}, pulsing the FX thread; fails with a plain message. */
    static void await(java.util.function.BooleanSupplier condition) {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    /** Starts the server pane on a free port, as a user would, and returns the port its state line shows. */
    static int startServer(org.testfx.api.FxRobot robot) {
        robot.interact(() -> robot.lookup("#server-port").queryAs(javafx.scene.control.TextField.class).setText("0"));
        robot.clickOn("#server-start");
        await(() -> robot.lookup("#server-state").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Listening on"));
        return Integer.parseInt(robot.lookup("#server-state").queryAs(javafx.scene.control.Label.class).getText()
                .replaceAll(".*:(\\d+).*", "$1"));
    }
}
