package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the sizes of school PCs and classroom projectors, in both languages: every contract node that is
 * showing lies inside the window and inside its own pane (nothing cut off at an edge, nothing pushed past it), and
 * Start, Connect and both Send buttons work when clicked where they are drawn.
 */
class WindowSizeTest extends FxRobot {
    /** The contract's node ids (DESIGN.md, contract 3) of the two panes and what the first frame shows of them. */
    private static final List<String> SERVER_IDS = List.of("server-protocol", "server-host", "server-port",
            "server-start", "server-state", "server-connections", "server-log", "server-transcript",
            "server-input", "server-send", "server-reply-mode", "server-repeat", "server-repeat-interval",
            "server-repeat-count", "server-append", "server-wire-preview", "server-send-file", "server-frame",
            "server-search", "server-quick-panel", "server-stats-toggle", "server-options");
    private static final List<String> CLIENT_IDS = List.of("client-protocol", "client-host", "client-port",
            "client-connect", "client-state", "client-transcript", "client-input", "client-send", "client-repeat",
            "client-repeat-interval", "client-repeat-count", "client-append", "client-wire-preview",
            "client-send-file", "client-frame", "client-search", "client-quick-panel", "client-stats-toggle",
            "client-capture", "client-lab");

    private final SocketEngine engine = new SocketEngine("size-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @AfterEach
    void close() throws Exception {
        engine.close();
        FxToolkit.cleanupStages();
        I18n.use(Locale.ENGLISH);
    }

    private void open(int width, int height, Locale language) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            window = TestWindow.show(stage, engine, bridge, width, height, language);
            stage.sizeToScene();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @ParameterizedTest(name = "{0}×{1}, {2}")
    @CsvSource({"1024, 768, en", "1024, 768, zh-CN", "1280, 720, en", "1280, 720, zh-CN"})
    void everyContractNodeShowingLiesInsideTheWindowAndTheMainButtonsWork(int width, int height, String tag)
            throws Exception {
        open(width, height, Locale.forLanguageTag(tag));
        assertThat(window.narrow()).as("both panes side by side at %d×%d: %s wide, server pane %s, client pane %s",
                width, height, window.getWidth(), window.server().minWidth(-1), window.client().minWidth(-1)).isFalse();
        List<String> outside = new ArrayList<>();
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, width, height);
        Bounds serverPane = sceneBounds(window.server());
        Bounds clientPane = sceneBounds(window.client());
        for (String id : SERVER_IDS) {
            check(id, serverPane, scene, outside);
        }
        for (String id : CLIENT_IDS) {
            check(id, clientPane, scene, outside);
        }
        assertThat(outside).as("nodes cut off or out of reach at %d×%d in %s", width, height, tag).isEmpty();

        // Clicked where they are drawn, as a user would.
        interact(() -> lookup("#server-port").queryAs(TextField.class).setText("0"));
        clickOn("#server-start");
        TestWindow.await(() -> label("#server-state").matches(".*:\\d+.*"));
        String port = label("#server-state").replaceAll(".*:(\\d+).*", "$1");
        interact(() -> lookup("#client-port").queryAs(TextField.class).setText(port));
        clickOn("#client-connect");
        TestWindow.await(() -> window.server().clientCount() == 1);
        interact(() -> lookup("#client-input").queryAs(TextArea.class).setText("from the client"));
        clickOn("#client-send");
        TestWindow.await(() -> shows("#server-transcript", "from the client"));
        interact(() -> lookup("#server-input").queryAs(TextArea.class).setText("from the server"));
        clickOn("#server-send");
        TestWindow.await(() -> shows("#client-transcript", "from the server"));

        // The other tabs beside the client fit the same room, the exercises too once built.
        for (String[] tab : new String[][] {{"relay.title", "relay-port", "relay-to-host", "relay-to-port",
                "relay-start", "relay-transcript"}, {"exercise.tab", "exercise-list", "exercise-command",
                "exercise-check", "exercise-results"}}) {
            clickOn(tabLabel(I18n.t(tab[0])));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.narrow()).as("still side by side with %s in front", tab[0]).isFalse();
            Bounds tabs = sceneBounds(window.split().getItems().get(1));
            for (String id : List.of(tab).subList(1, tab.length)) {
                check(id, tabs, scene, outside);
            }
        }
        assertThat(outside).as("relay and exercise nodes out of reach at %d×%d in %s", width, height, tag)
                .isEmpty();
    }

    private Label tabLabel(String text) {
        return lookup(".tab-label").match((Label l) -> l.getText().equals(text)).queryAs(Label.class);
    }

    @ParameterizedTest(name = "{0}×{1}, {2}, zoom {3}")
    @CsvSource({"800, 720, en, 1.0", "800, 720, zh-CN, 1.0"})
    void belowTheWidthOfBothPanesTheServerBecomesATabAndComesBackBesideTheClient(int width, int height,
            String tag, double zoom) throws Exception {
        open(width, height, Locale.forLanguageTag(tag));
        interact(() -> window.zoom().set(zoom));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.narrow()).as("the panes as tabs at %d px, zoom %s", width, zoom).isTrue();
        assertThat(showing(window.server()) && showing(window.client())).as("one pane at a time").isFalse();
        clickOn(tabLabel(I18n.t("server.title")));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> outside = new ArrayList<>();
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, width, height);
        for (String id : SERVER_IDS) {
            check(id, sceneBounds(window.server()), scene, outside);
        }
        assertThat(outside).as("server nodes out of reach in its tab " + heights(window.server())).isEmpty();
        clickOn("#server-start");
        TestWindow.await(() -> label("#server-state").matches(".*:\\d+.*"));

        // Wide again (and the type back to 100 %): the server goes back beside the client, still listening.
        interact(() -> {
            window.zoom().set(1.0);
            window.getScene().getWindow().setWidth(1280);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.narrow()).isFalse();
        assertThat(window.split().getItems().get(0)).isSameAs(window.server());
        assertThat(label("#server-state")).matches(".*:\\d+.*");
    }

    private static String heights(javafx.scene.Parent p) {
        StringBuilder b = new StringBuilder();
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.layout.Region r && n.isManaged()) {
                b.append(n.getClass().getSimpleName()).append(' ').append(r.minHeight(-1)).append('/').append(r.getHeight()).append(", ");
                if (r.minHeight(-1) > 100) {
                    b.append("[").append(heights(r)).append("] ");
                }
            }
        }
        return b.toString();
    }

    private String label(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private boolean shows(String transcriptId, String text) {
        return lookup(transcriptId).lookup(".bubble-text").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.text.Text t && t.getText().contains(text));
    }

    private static Bounds sceneBounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /** Showing: it and every parent visible (a tab in front, a folded pane open). */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private void check(String id, Bounds pane, Bounds scene, List<String> outside) {
        Node node = lookup("#" + id).tryQuery().orElse(null);
        if (node == null || !showing(node)) {
            return;
        }
        Bounds b = sceneBounds(node);
        if (!contains(scene, b) || !contains(pane, b)) {
            outside.add(id + " at " + round(b) + " (pane " + round(pane) + ")");
        }
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private static String round(Bounds b) {
        return String.format(Locale.ROOT, "x %.0f–%.0f, y %.0f–%.0f", b.getMinX(), b.getMaxX(), b.getMinY(),
                b.getMaxY());
    }
}
