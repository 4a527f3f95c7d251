import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The reference that {@link StartupBenchmark} and {@link FootprintBenchmark} measure the app against: a bare JavaFX
 * window (a VBox with a Label, a TextField, a Button and a ListView) on the same JavaFX jars and a plain JDK. Like the
 * app with {@code -Dsocketworkbench.firstFrame}, it prints {@code first frame} once its first frame is on screen, and
 * exits then unless it is given {@code stay}.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        ListView<String> list = new ListView<>();
        list.getItems().addAll("one", "two", "three");
        VBox box = new VBox(8, new Label("Host"), new TextField("127.0.0.1"), new Button("Connect"), list);
        stage.setTitle("Bare JavaFX window");
        stage.setScene(new Scene(box, 1280, 800));
        stage.show();
        boolean stay = getParameters().getRaw().contains("stay");
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // As in the app: the second pulse comes after the first frame has been rendered.
                if (++pulses < 2) {
                    return;
                }
                stop();
                System.out.println("first frame");
                if (!stay) {
                    Platform.exit();
                }
            }
        }.start();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
