package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * The server pane beside the client tabs while both fit at their least widths; below that (a window narrower than
 * about 1000 pixels at 100 %, wider with zoom or in a longer language) the server becomes the first tab beside the
 * clients, so nothing is ever cut off or pushed past the window's edge, and it goes back beside them when the room
 * returns. Stacked (projector mode), the panes always fit.
 */
final class SideBySide {
    /** What a split pane's divider takes, with its padding. */
    private static final double DIVIDER = 8;

    private final SplitPane split;
    private final TabPane tabs;
    /** The server pane, moved between the split and its tab. */
    private final Region server;
    private final Supplier<Tab> firstClient;
    /** The server's tab while the window is too narrow; null while the panes are side by side. */
    private Tab serverTab;

    SideBySide(SplitPane split, TabPane tabs, Region server, Supplier<Tab> firstClient) {
        this.split = split;
        this.tabs = tabs;
        this.server = server;
        this.firstClient = firstClient;
    }

    boolean narrow() {
        return serverTab != null;
    }

    /** Width of the last check, and when it was made; a check measures both panes' least widths. */
    private double checkedWidth = -1;
    private long checkedAt;
    /** Measuring both panes' least widths walks all their controls: at a steady size, a few times a second. */
    private static final long RECHECK_NANOS = 250_000_000L;

    /** The next {@link #fit} measures again at once: the type's size changed. */
    void recheck() {
        checkedWidth = -1;
    }

    /**
     * Called before each layout with the room the panes have (the window's width less its insets). A new width
     * is checked at once; at the same width (a flood lays the window out every pulse) a few times a second.
     */
    void fit(double room) {
        long now = System.nanoTime();
        if (room <= 0 || room == checkedWidth && now - checkedAt < RECHECK_NANOS) {
            return;
        }
        checkedWidth = room;
        checkedAt = now;
        boolean stacked = split.getOrientation() == Orientation.VERTICAL;
        double sideBySide = server.minWidth(-1) + tabsWidth(server) + DIVIDER;
        if (!narrow() && !stacked && room < sideBySide) {
            Tab front = tabs.getSelectionModel().getSelectedItem();
            split.getItems().remove(server);
            serverTab = new Tab(t("server.title"), server);
            serverTab.setId("server-tab");
            serverTab.setClosable(false);
            tabs.getTabs().add(0, serverTab);
            tabs.getSelectionModel().select(front);
        } else if (narrow() && (stacked || room >= sideBySide)) {
            boolean serverInFront = serverTab.isSelected();
            serverTab.setContent(null);
            tabs.getTabs().remove(serverTab);
            serverTab = null;
            split.getItems().add(0, server);
            split.setDividerPositions(stacked ? 0.46 : 0.5);
            if (serverInFront) {
                tabs.getSelectionModel().select(firstClient.get());
            }
        }
    }

    /** The least room the panes need: one pane's, as they become tabs when both do not fit. */
    double leastWidth() {
        return Math.max(server.minWidth(-1), tabsWidth(null));
    }

    /** What the tabs need: a tab pane reports no least width of its own, its widest tab's is what it needs. */
    private double tabsWidth(Node except) {
        double widest = tabs.getTabs().stream().map(Tab::getContent)
                .filter(c -> c != except && c instanceof Region)
                .mapToDouble(c -> ((Region) c).minWidth(-1)).max().orElse(0);
        return Math.max(tabs.minWidth(-1), widest + tabs.snappedLeftInset() + tabs.snappedRightInset());
    }
}
