package io.socketworkbench.ui.common;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A window the main one opens (the replay, the grading, the class board): its look, its type size (large in
 * projector mode) and its icons are the main window's, and it takes a share of the main window's size.
 */
public final class ChildWindow {
    private ChildWindow() {
    }

    /** Puts {@code root} in {@code stage}, sized {@code share} of {@code like}'s window, at least the given size. */
    public static void dress(Stage stage, Parent root, Scene like, double share, double minWidth, double minHeight) {
        root.setStyle(like.getRoot().getStyle());
        Scene scene = new Scene(root, Math.max(minWidth, like.getWidth() * share),
                Math.max(minHeight, like.getHeight() * share));
        scene.getStylesheets().setAll(like.getStylesheets());
        stage.setScene(scene);
        if (like.getWindow() instanceof Stage owner) {
            stage.getIcons().setAll(owner.getIcons());
        }
    }

    /** The main window's type size again, as it is now (projector mode may have come on since). */
    public static void restyle(Stage stage, Scene like) {
        stage.getScene().getRoot().setStyle(like.getRoot().getStyle());
    }
}
