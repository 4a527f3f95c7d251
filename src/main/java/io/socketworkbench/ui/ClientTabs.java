package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.ui.exercise.ExercisePane;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.model.ClientSession;
import io.socketworkbench.ui.model.RelaySession;
import io.socketworkbench.ui.relay.RelayPane;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tabs beside the server pane: the client tabs, then the relay ({@code relay-tab}) and the exercises
 * ({@code exercises-tab}). The relay and the exercises are built when first shown: a window that never uses them
 * does not pay for them in its first frame.
 */
final class ClientTabs {
    private final SocketEngine engine;
    private final FxBridge bridge;
    private final Lesson lesson;
    /** Whether the window is in projector mode: a pane built later starts in the mode the window is in. */
    private final BooleanSupplier projector;
    private final TabPane tabs = new TabPane();
    private final Tab relayTab = new Tab(t("relay.title"));
    private final Tab exercisesTab = new Tab(t("exercise.tab"));
    private RelayPane relay;
    private ExercisePane exercises;

    ClientTabs(SocketEngine engine, FxBridge bridge, Lesson lesson, BooleanSupplier projector) {
        this.engine = engine;
        this.bridge = bridge;
        this.lesson = lesson;
        this.projector = projector;
        addClient();
        relayTab.setId("relay-tab");
        relayTab.setClosable(false);
        relayTab.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                relay();
            }
        });
        exercisesTab.setId("exercises-tab");
        exercisesTab.setClosable(false);
        exercisesTab.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                exercises();
            }
        });
        tabs.getTabs().addAll(relayTab, exercisesTab);
        tabs.getSelectionModel().select(0);
    }

    TabPane pane() {
        return tabs;
    }

    /** A new client tab, after the others and before the relay's, brought to the front. */
    ClientPane addClient() {
        int n = count() + 1;
        // The mirror calls a lone client c, as the tutorial does; with several tabs, c1, c2, … by tab number.
        ClientPane pane = new ClientPane(new ClientSession(engine, bridge, lesson,
                () -> count() > 1 ? "c" + n : "c"), bridge, n == 1 ? "" : "-" + n);
        Tab tab = new Tab(t("client.title") + " " + n, pane);
        tab.setClosable(n > 1);
        pane.projector(projector.getAsBoolean());
        tab.setOnClosed(e -> pane.close());
        int at = tabs.getTabs().indexOf(relayTab);
        tabs.getTabs().add(at < 0 ? tabs.getTabs().size() : at, tab);
        tabs.getSelectionModel().select(tab);
        return pane;
    }

    /** The client panes, in their tabs' order. */
    List<ClientPane> clients() {
        List<ClientPane> panes = new ArrayList<>();
        tabs.getTabs().forEach(tab -> {
            if (tab.getContent() instanceof ClientPane pane) {
                panes.add(pane);
            }
        });
        return panes;
    }

    private int count() {
        return (int) tabs.getTabs().stream().filter(tab -> tab.getContent() instanceof ClientPane).count();
    }

    Tab firstClientTab() {
        return tabs.getTabs().stream().filter(tab -> tab.getContent() instanceof ClientPane).findFirst()
                .orElseThrow();
    }

    ClientPane client() {
        return (ClientPane) firstClientTab().getContent();
    }

    /** The client in the tab in front, or the first one when the relay or the exercises are in front. */
    ClientPane frontClient() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null || !(tab.getContent() instanceof ClientPane pane) ? client() : pane;
    }

    void showClient() {
        tabs.getSelectionModel().select(firstClientTab());
    }

    void showRelay() {
        tabs.getSelectionModel().select(relayTab);
    }

    void showExercises() {
        tabs.getSelectionModel().select(exercisesTab);
    }

    /** The Exercises panel, in the last tab; built on first use. */
    ExercisePane exercises() {
        if (exercises == null) {
            exercises = new ExercisePane(bridge, lesson);
            exercises.projector(projector.getAsBoolean());
            exercisesTab.setContent(exercises);
        }
        return exercises;
    }

    /** The relay's pane, in the tab after the clients; built on first use. */
    RelayPane relay() {
        if (relay == null) {
            relay = new RelayPane(new RelaySession(engine, bridge, lesson), bridge);
            relayTab.setContent(relay);
        }
        return relay;
    }

    /** The relay's pane if it was ever shown, or null. */
    RelayPane openedRelay() {
        return relay;
    }

    /** Each pane knows its own chrome: the window tells them, it does not reach into them. */
    void projector(boolean on) {
        clients().forEach(pane -> pane.projector(on));
        if (exercises != null) {
            exercises.projector(on);
        }
    }
}
