package io.socketworkbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.MainWindow;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop application: one engine, one FX bridge, one window. */
public final class WorkbenchApp extends Application {
    private static final double MIN_WIDTH = 600;
    private static final double MIN_HEIGHT = 600;
    private final SocketEngine engine = new SocketEngine("socket-engine");
    private final FxBridge bridge = new FxBridge();
    private Settings settings;
    private MainWindow window;
    private boolean dark;

    /**
     * JavaFX's controls log, held here so that its level stays set. With rows of their own height a list places
     * rows by estimate; when a flood leaves the estimate short of the bottom for one layout, JavaFX logs "index
     * exceeds maxCellCount" at INFO and corrects the layout at once. A storm of a thousand clients printed dozens
     * of these lines on the terminal of a window that worked; warnings and errors still show.
     */
    private static final java.util.logging.Logger CONTROLS_LOG =
            java.util.logging.Logger.getLogger("javafx.scene.control");

    static void quietControlsLog() {
        CONTROLS_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @Override
    public void init() {
        quietControlsLog();
        settings = Settings.forUser();
        // The theme before any control class is loaded: the first control class loaded while no user-agent
        // stylesheet is set has JavaFX parse its default theme, Modena, which Primer then replaces unseen.
        dark = Boolean.parseBoolean(settings.get("dark", String.valueOf(systemPrefersDark())));
        applyTheme(dark);
        io.socketworkbench.ui.common.QuickPanel.keepListsIn(settings.folder());
        String language = settings.get("language", "");
        I18n.use(language.isEmpty() ? I18n.systemLocale() : Locale.forLanguageTag(language));
    }

    @Override
    public void start(Stage stage) {
        bridge.holdReadingWith(engine::holdReading);
        window = new MainWindow(engine, bridge);
        window.darkItem().setSelected(dark);
        window.onTheme(this::applyTheme);
        window.onLanguage(locale -> {
            settings.put("language", locale.toLanguageTag());
            settings.save();
        });
        WindowSettings.restoreForms(settings, window);

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // Never bigger than the screen, never smaller than the window's minimum: NaN, -1e9 or 1e308 in a
        // hand-edited file give the default size.
        double width = Math.min(settings.number("width", 1280, MIN_WIDTH, 100_000), screen.getWidth());
        double height = Math.min(settings.number("height", 800, MIN_HEIGHT, 100_000), screen.getHeight());
        Scene scene = new Scene(window, width, height);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/io/socketworkbench/ui/workbench.css")
                .toExternalForm());
        stage.setTitle(I18n.t("app.title"));
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = WorkbenchApp.class.getResourceAsStream("/io/socketworkbench/ui/icon/socket-workbench-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
        }
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        keepEverythingInReach(stage, scene, screen);
        stage.setOnHidden(e -> remember(stage));
        bridge.start();
        stage.show();
        afterFirstFrame();
        warnWithoutChineseFont();
        WindowSettings.restoreLayout(settings, window);
        window.keepRecentWorkspacesIn(settings.folder().resolve("recent-workspaces.txt"));
        // socket-workbench NAME.swb.json (a double-click on one): the window with that workspace; otherwise the
        // setup the window had when it was last closed is offered.
        getParameters().getRaw().stream().filter(arg -> arg.endsWith(".swb.json")).findFirst()
                .ifPresentOrElse(file -> window.openWorkspace(java.nio.file.Path.of(file)),
                        () -> window.offerRestore(lastSetup()));
        if (!settings.ignored().isEmpty()) {
            window.showNotice(I18n.t("status.settingsIgnored", String.join(", ", settings.ignored())));
        }
    }

    /**
     * The window cannot be made smaller than what its panes need at the current zoom (in a narrow window the
     * server is a tab, so a single pane's width), within the screen: a Send button is never under the window's
     * bottom edge. Checked after layouts, at most four times a second.
     */
    private void keepEverythingInReach(Stage stage, Scene scene, Rectangle2D screen) {
        long[] checked = {0};
        scene.addPostLayoutPulseListener(() -> {
            // Measuring walks every control: a few times a second is enough for a window's least size, where a
            // flood lays the window out every pulse.
            long now = System.nanoTime();
            if (now - checked[0] < 250_000_000L) {
                return;
            }
            checked[0] = now;
            double frameWidth = Math.max(0, stage.getWidth() - scene.getWidth());
            double frameHeight = Math.max(0, stage.getHeight() - scene.getHeight());
            double width = Math.min(screen.getWidth(), Math.max(MIN_WIDTH, window.leastWidth() + frameWidth));
            double height = Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, window.minHeight(-1) + frameHeight));
            if (width != stage.getMinWidth()) {
                stage.setMinWidth(width);
            }
            if (height != stage.getMinHeight()) {
                stage.setMinHeight(height);
            }
        });
    }

    /**
     * A Chinese window on a system with no Chinese font is a window of empty boxes: the status line says so, in
     * English first (which any font shows), then in Chinese. Checked a second after the first frame, not in its way.
     */
    private void warnWithoutChineseFont() {
        if (!I18n.CHINESE.equals(I18n.locale())) {
            return;
        }
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        later.setOnFinished(e -> {
            if (!io.socketworkbench.ui.i18n.ChineseFont.available()) {
                // Also for whoever started it from a terminal (and for the installer check, which looks for it).
                System.err.println("socket-workbench: " + I18n.english("status.noChineseFont"));
                window.showNotice(I18n.english("status.noChineseFont") + "  " + I18n.t("status.noChineseFont"));
            }
        });
        later.play();
    }

    /** JavaFX 21 cannot ask the OS; GTK's theme name (as in {@code GTK_THEME=Adwaita:dark}) is the hint we have. */
    static boolean systemPrefersDark() {
        String theme = System.getenv("GTK_THEME");
        return theme != null && theme.toLowerCase(Locale.ROOT).contains("dark");
    }

    /**
     * Once the first frame is on screen: closes the launcher's splash screen ({@code -splash:}, which the launchers
     * pair with {@code -Dsocketworkbench.splash=true}), and with {@code -Dsocketworkbench.firstFrame=print} (or
     * {@code =exit}) prints the time from process start to the first frame: the installer's class-data training run
     * exits on it.
     */
    private static void afterFirstFrame() {
        String mode = System.getProperty("socketworkbench.firstFrame");
        boolean splash = Boolean.getBoolean("socketworkbench.splash");
        if (mode == null && !splash) {
            return;
        }
        // Once the first frame has been rendered.
        io.socketworkbench.ui.fx.Frames.afterNextFrame(() -> {
            if (splash) {
                closeSplash();
            }
            if (mode == null) {
                return;
            }
            long started = ProcessHandle.current().info().startInstant()
                    .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
            System.out.println("first frame after " + (System.currentTimeMillis() - started) + " ms");
            if ("exit".equals(mode)) {
                Platform.exit();
            }
        });
    }

    /** The splash stays until it is closed or an AWT window opens, and this app opens none. */
    private static void closeSplash() {
        try {
            java.awt.SplashScreen screen = java.awt.SplashScreen.getSplashScreen();
            if (screen != null) {
                screen.close();
            }
        } catch (RuntimeException | LinkageError e) {
            // no display for AWT, or no splash library in this runtime: there is no splash to close either
        }
    }

    /** Only applies the theme: the saved preference is the menu's, which projector mode does not change. */
    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Where the window's setup is kept when it closes, to be offered on the next start. */
    private java.nio.file.Path lastSetup() {
        return settings.folder().resolve("last.swb.json");
    }

    private void remember(Stage stage) {
        try {
            java.nio.file.Files.createDirectories(settings.folder());
            io.socketworkbench.session.WorkspaceFile.write(lastSetup(), window.workspace());
        } catch (java.io.IOException | RuntimeException e) {
            // not offered next time; the settings below are still kept
        }
        WindowSettings.keep(window, settings);
        settings.put("width", stage.getWidth());
        settings.put("height", stage.getHeight());
        settings.save();
    }

    @Override
    public void stop() {
        bridge.stop();
        if (window != null) {
            window.recording().close();
        }
        // Closing every socket may wait for the engine's thread: not on the FX thread. A non-daemon thread, so the
        // JVM still lets it finish before it exits.
        io.socketworkbench.ui.fx.Background.runToEnd("engine-close", engine::close);
    }
}
