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
    /** The server pane, and what holds it (moved between the split and its tab). */
    private Region server;
    private Node serverHolder;
    private final Supplier<Tab> firstClient;
    /** The server's tab while the window is too narrow; null while the panes are side by side. */
    private Tab serverTab;

    SideBySide(SplitPane split, TabPane tabs, Supplier<Tab> firstClient) {
        this.split = split;
        this.tabs = tabs;
        this.firstClient = firstClient;
    }

    /** Takes the server pane; returns what holds it, for the split. */
    Node holdServer(Region pane) {
        server = pane;
        serverHolder = scrolling(pane, this::narrow);
        return serverHolder;
    }

    boolean narrow() {
        return serverTab != null;
    }

    /** Called before each layout with the room the panes have (the window's width less its insets). */
    void fit(double room) {
        if (room <= 0) {
            return;
        }
        boolean stacked = split.getOrientation() == Orientation.VERTICAL;
        double sideBySide = server.minWidth(-1) + tabsWidth(serverHolder) + DIVIDER;
        if (!narrow() && !stacked && room < sideBySide) {
            Tab front = tabs.getSelectionModel().getSelectedItem();
            split.getItems().remove(serverHolder);
            serverTab = new Tab(t("server.title"), serverHolder);
            serverTab.setId("server-tab");
            serverTab.setClosable(false);
            tabs.getTabs().add(0, serverTab);
            tabs.getSelectionModel().select(front);
        } else if (narrow() && (stacked || room >= sideBySide)) {
            boolean serverInFront = serverTab.isSelected();
            serverTab.setContent(null);
            tabs.getTabs().remove(serverTab);
            serverTab = null;
            split.getItems().add(0, serverHolder);
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

    /** The height the window has for the panes (below the menu, above the status line); set before each layout. */
    private double room = Double.MAX_VALUE;

    void room(double height) {
        room = height;
    }

    /**
     * A pane that scrolls up and down only when the window cannot give it the height it needs (large type on a
     * small screen); otherwise it is the pane at its full height, as without it, and the split panes around it
     * (the lesson below, the divider between the panes) keep giving it that height. Never sideways: the panes
     * become tabs first. {@code inTab}: whether the pane sits below the tabs' headers (the server only while the
     * window is narrow).
     */
    javafx.scene.control.ScrollPane scrolling(Region pane, java.util.function.BooleanSupplier inTab) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(pane) {
            @Override
            protected double computeMinHeight(double width) {
                double need = pane.minHeight(-1) + snappedTopInset() + snappedBottomInset();
                double headers = inTab.getAsBoolean() ? tabHeaders() : 0;
                return Math.min(need, Math.max(0, room - headers));
            }

            @Override
            protected double computeMinWidth(double height) {
                return pane.minWidth(-1) + snappedLeftInset() + snappedRightInset();
            }
        };
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("plain-scroll");
        return scroll;
    }

    private double tabHeaders() {
        Node headers = tabs.lookup(".tab-header-area");
        return headers == null ? 0 : headers.getLayoutBounds().getHeight();
    }

    /** The pane in a tab or in the split, without what holds it. */
    static Node unwrap(Node content) {
        return content instanceof javafx.scene.control.ScrollPane scroll ? scroll.getContent() : content;
    }

    /** Brings the server into view: in a narrow window, its tab to the front. */
    void showServer() {
        if (serverTab != null) {
            tabs.getSelectionModel().select(serverTab);
        }
    }

    /** What the tabs need: a tab pane reports no least width of its own, its widest tab's is what it needs. */
    private double tabsWidth(Node except) {
        double widest = tabs.getTabs().stream().map(Tab::getContent)
                .filter(c -> c != except).map(SideBySide::unwrap)
                .filter(c -> c instanceof Region)
                .mapToDouble(c -> ((Region) c).minWidth(-1)).max().orElse(0);
        return Math.max(tabs.minWidth(-1), widest + tabs.snappedLeftInset() + tabs.snappedRightInset());
    }
}
