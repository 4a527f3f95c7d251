package io.socketworkbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Socket Workbench");
        stage.setScene(new Scene(new Label("Socket Workbench"), 1100, 720));
        stage.show();
    }
}
