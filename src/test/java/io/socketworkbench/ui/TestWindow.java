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

    static MainWindow show(Stage stage, SocketEngine engine, FxBridge bridge, double width, double height) {
        I18n.use(Locale.ENGLISH);
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
}
