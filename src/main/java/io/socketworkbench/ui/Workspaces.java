package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketError;
import io.socketworkbench.session.Workspace;
import io.socketworkbench.session.WorkspaceFile;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.ui.i18n.I18n;
import io.socketworkbench.ui.model.RecentWorkspaces;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/**
 * The window's workspaces: File → Open workspace…, Save workspace… and Recent workspaces
 * ({@code recent-workspaces}), and, on start, the offer to bring back the setup the window had when it was last closed ({@code restore-offer},
 * with {@code restore-workspace} and {@code restore-dismiss}). A file that cannot be used is said, and the window
 * stays as it was.
 */
final class Workspaces {
    private final MainWindow window;
    private final RecentWorkspaces recent = new RecentWorkspaces();
    private final Menu recentMenu = new Menu(t("workspace.recent"), new FontIcon(MaterialDesignH.HISTORY));
    private final Label offerText = new Label();
    private final HBox offer;
    private final Button restore = new Button(t("workspace.restore"));

    Workspaces(MainWindow window) {
        this.window = window;
        recentMenu.setId("recent-workspaces");
        recent.files().observe(this::showRecent);
        offerText.setWrapText(true);
        offerText.setMaxWidth(Double.MAX_VALUE);
        offerText.setMinWidth(0);
        HBox.setHgrow(offerText, Priority.ALWAYS);
        restore.setId("restore-workspace");
        restore.getStyleClass().add("accent");
        restore.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button dismiss = new Button(t("workspace.restore.dismiss"));
        dismiss.setId("restore-dismiss");
        dismiss.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> hideOffer());
        offer = new HBox(8, offerText, restore, dismiss);
        offer.setId("restore-offer");
        offer.getStyleClass().add("restore-offer");
        offer.setAlignment(Pos.CENTER_LEFT);
        offer.setVisible(false);
        offer.managedProperty().bind(offer.visibleProperty());
    }

    /** The recent list is kept in {@code file} from now on (the app's config folder; tests keep none). */
    void keepRecentIn(Path file) {
        recent.keepIn(file);
    }

    RecentWorkspaces recent() {
        return recent;
    }

    Menu recentMenu() {
        return recentMenu;
    }

    /** The bar under the menus that offers the last setup; hidden until {@link #offerRestore}. */
    HBox offerBar() {
        return offer;
    }

    private void showRecent(List<Path> files) {
        List<MenuItem> items = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path folder = file.getParent();
            // The name first (what the user looks for), then where: two files of one name stay apart.
            MenuItem item = new MenuItem((i + 1) + "  " + file.getFileName() + (folder == null ? ""
                    : "  \u2014  " + folder));
            item.setMnemonicParsing(false);
            item.setId("recent-workspace-" + (i + 1));
            item.setOnAction(e -> open(file));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem(t("workspace.recent.none"));
            none.setDisable(true);
            items.add(none);
        } else {
            MenuItem clear = new MenuItem(t("workspace.recent.clear"));
            clear.setId("recent-workspaces-clear");
            clear.setOnAction(e -> recent.clear());
            items.add(new SeparatorMenuItem());
            items.add(clear);
        }
        recentMenu.getItems().setAll(items);
    }

    /** File → Save workspace…: the setup, to a {@code .swb.json} file. */
    void chooseSave() {
        FileChooser chooser = chooser(t("workspace.save"));
        chooser.setInitialFileName("workbench.swb.json");
        File file = chooser.showSaveDialog(window.getScene() == null ? null : window.getScene().getWindow());
        if (file == null) {
            return;
        }
        Path path = file.getName().endsWith(".swb.json") ? file.toPath()
                : file.toPath().resolveSibling(file.getName().replaceFirst("\\.json$", "") + ".swb.json");
        save(path);
    }

    /** Writes the window's setup to {@code path}; a problem is said. */
    boolean save(Path path) {
        try {
            WorkspaceFile.write(path, window.workspace());
            recent.used(path);
            window.showNotice(t("workspace.saved", path));
            return true;
        } catch (IOException e) {
            window.inform(t("workspace.save"), I18n.error(SocketError.from(e)) + ": " + path);
            return false;
        }
    }

    /** File → Open workspace…: a file read whole first, so that a broken one changes nothing. */
    void chooseOpen() {
        File file = chooser(t("workspace.open")).showOpenDialog(window.getScene() == null ? null
                : window.getScene().getWindow());
        if (file != null) {
            open(file.toPath());
        }
    }

    /** Reads {@code file} and shows it; a file that cannot be used is said, and the window stays as it was. */
    boolean open(Path file) {
        try {
            window.open(WorkspaceFile.read(file));
            recent.used(file);
            hideOffer();
            window.showNotice(t("workspace.opened", file));
            return true;
        } catch (WorkspaceFile.BadWorkspace e) {
            window.inform(t("workspace.open"), t("workspace.bad", file, bad(e)));
        } catch (IOException e) {
            if (!Files.exists(file)) {
                recent.forget(file); // moved or deleted since: it leaves the list, and the user is told
            }
            window.inform(t("workspace.open"), I18n.error(SocketError.from(e)) + ": " + file);
        }
        return false;
    }

    /**
     * Offers the setup kept in {@code last} when the window was last closed, unless it is the setup the window
     * has now; a file that cannot be read is not offered.
     */
    void offerRestore(Path last) {
        Workspace kept;
        try {
            kept = WorkspaceFile.read(last);
        } catch (IOException e) {
            return;
        }
        if (kept.equals(window.workspace())) {
            return;
        }
        long tabs = kept.clients().size();
        Workspace.Endpoint server = kept.server();
        offerText.setText(t("workspace.restore.offer", server.protocol(), server.host(), server.port(), tabs,
                kept.rules().size()));
        restore.setOnAction(e -> {
            window.open(kept);
            hideOffer();
            window.showNotice(t("workspace.restored"));
        });
        offer.setVisible(true);
    }

    private void hideOffer() {
        offer.setVisible(false);
    }

    /** What is wrong with a workspace file and where, in the user's language. */
    static String bad(WorkspaceFile.BadWorkspace e) {
        List<String> details = new ArrayList<>(e.details());
        if (e.problem().name().endsWith("_EXPECTED") && !details.isEmpty()) {
            details.set(0, t("workspace.kind." + details.get(0)));
        }
        if (e.problem() == WorkspaceFile.Problem.BAD_RULE) {
            details.set(0, t("workspace.rule." + details.get(0)));
        }
        String what = t("workspace.problem." + e.problem().key(), details.toArray());
        String where = e.line() < 1 ? "" : e.field().isEmpty() ? t("workspace.where.line", e.line())
                : t("workspace.where", e.line(), e.field());
        return where + what;
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t("workspace.files"), "*.swb.json"));
        return chooser;
    }

    /** The window's setup as a workspace keeps it: the server pane, each client tab, the relay (once opened). */
    Workspace shown() {
        List<Workspace.ClientTab> tabs = new ArrayList<>();
        for (ClientPane pane : window.clientTabs().clients()) {
            var tls = pane.tlsRow().choiceToKeep(); // the defaults are kept as none
            tabs.add(new Workspace.ClientTab(endpoint(pane.form()),
                    tls.equals(io.socketworkbench.session.TlsChoice.DEFAULT) ? null : tls, pane.tools()));
        }
        io.socketworkbench.session.RelaySetup kept = null;
        var relay = window.clientTabs().openedRelay();
        if (relay != null && relay.setup().port() >= 0 && relay.setup().targetPort() >= 0) {
            kept = relay.setup();
        }
        var server = window.server();
        var serverTls = server.tlsRow().serverChoiceToKeep();
        return new Workspace(endpoint(server.form()), server.replyMode(), server.greetingText(),
                serverTls.equals(io.socketworkbench.session.ServerTlsChoice.SELF_SIGNED) ? null : serverTls,
                server.tools(), server.session().rules().setups(), tabs, kept);
    }

    private static Workspace.Endpoint endpoint(io.socketworkbench.ui.common.EndpointForm form) {
        return new Workspace.Endpoint(form.protocol().name(), form.hostText(), form.portField().getText());
    }

    /**
     * Shows {@code workspace} in the window: the server pane's form, reply and TLS, a client tab for each of its
     * tabs (the tabs there are reused, more are added), the relay's form. What runs keeps running as it is.
     */
    void show(Workspace workspace) {
        var server = window.server();
        var s = workspace.server();
        server.form().set(io.socketworkbench.ui.model.Protocol.valueOf(s.protocol()), s.host(), s.port());
        server.setReply(workspace.reply(), workspace.greeting());
        server.tlsRow().show(workspace.serverTls());
        server.show(workspace.serverPane());
        server.session().rules().replaceAll(workspace.rules());
        List<ClientPane> panes = window.clientTabs().clients();
        for (int i = 0; i < workspace.clients().size(); i++) {
            ClientPane pane = i < panes.size() ? panes.get(i) : window.addClient();
            var tab = workspace.clients().get(i);
            pane.form().set(io.socketworkbench.ui.model.Protocol.valueOf(tab.endpoint().protocol()),
                    tab.endpoint().host(), tab.endpoint().port());
            pane.tlsRow().show(tab.tls());
            pane.show(tab.pane());
        }
        if (workspace.relay() != null) {
            window.relay().show(workspace.relay());
        }
        window.showClient();
    }
}
