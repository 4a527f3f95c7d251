package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.ui.i18n.I18n;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The window's menus and their shortcuts; each item acts on the window. */
final class WindowMenus {
    private final MainWindow w;

    WindowMenus(MainWindow window) {
        this.w = window;
    }

    /** File, View, Examples and Help. */
    MenuBar bar() {
        MenuItem save = new MenuItem(t("menu.file.save"));
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> w.frontClient().transcript().saveAs());
        MenuItem quit = new MenuItem(t("menu.file.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> ((Stage) w.getScene().getWindow()).close());
        MenuItem export = new MenuItem(t("menu.file.exportPython"), new FontIcon(MaterialDesignL.LANGUAGE_PYTHON));
        export.setId("export-python");
        export.setOnAction(e -> w.files().chooseExport());
        MenuItem diagram = new MenuItem(t("menu.file.exportDiagram"), new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
        diagram.setId("export-sequence-png");
        diagram.setOnAction(e -> {
            w.showLesson(true);
            w.lessonPane().sequence().exportWithChooser();
        });
        MenuItem saveRecording = new MenuItem(t("session.recording"), new FontIcon(MaterialDesignR.RECORD_REC));
        saveRecording.setId("save-recording");
        saveRecording.setOnAction(e -> w.files().chooseSessionExport("recording"));
        MenuItem pytest = new MenuItem(t("session.pytest"), new FontIcon(MaterialDesignT.TEST_TUBE));
        pytest.setId("export-pytest");
        pytest.setOnAction(e -> w.files().chooseSessionExport("pytest"));
        MenuItem pcapng = new MenuItem(t("session.pcapng"), new FontIcon(MaterialDesignL.LAN));
        pcapng.setId("export-pcapng");
        pcapng.setOnAction(e -> w.files().chooseSessionExport("pcapng"));
        MenuItem replay = new MenuItem(t("replay.menu"), new FontIcon(MaterialDesignP.PLAY_BOX_OUTLINE));
        replay.setId("replay-recording");
        replay.setOnAction(e -> w.files().chooseReplay());
        MenuItem openWorkspace = new MenuItem(t("workspace.open"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openWorkspace.setId("open-workspace");
        openWorkspace.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        openWorkspace.setOnAction(e -> w.workspaces().chooseOpen());
        MenuItem saveWorkspace = new MenuItem(t("workspace.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        saveWorkspace.setId("save-workspace");
        saveWorkspace.setOnAction(e -> w.workspaces().chooseSave());
        Menu file = new Menu(t("menu.file"), null, openWorkspace, w.workspaces().recentMenu(), saveWorkspace,
                new SeparatorMenuItem(), save, saveRecording, replay, new SeparatorMenuItem(), export, pytest, pcapng,
                diagram, new SeparatorMenuItem(), quit);

        w.dark.setOnAction(e -> w.onTheme.accept(w.dark.isSelected()));
        // The projector is always light: a washed-out classroom screen needs dark type on a white page.
        w.dark.disableProperty().bind(w.projector.selectedProperty());
        w.projector.setId("projector-mode");
        w.projector.setAccelerator(KeyCombination.keyCombination("F5"));
        MenuItem zoomIn = new MenuItem(t("menu.view.zoomIn"), new FontIcon(MaterialDesignM.MAGNIFY_PLUS_OUTLINE));
        zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+="));
        zoomIn.setOnAction(e -> w.zoomBy(0.1));
        MenuItem zoomOut = new MenuItem(t("menu.view.zoomOut"), new FontIcon(MaterialDesignM.MAGNIFY_MINUS_OUTLINE));
        zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+-"));
        zoomOut.setOnAction(e -> w.zoomBy(-0.1));
        MenuItem zoomReset = new MenuItem(t("menu.view.zoomReset"));
        zoomReset.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        zoomReset.setOnAction(e -> w.zoom().set(1.0));
        MenuItem fullScreen = new MenuItem(t("menu.view.fullScreen"));
        fullScreen.setAccelerator(KeyCombination.keyCombination("F11"));
        fullScreen.setOnAction(e -> {
            Stage stage = (Stage) w.getScene().getWindow();
            stage.setFullScreen(!stage.isFullScreen());
        });
        MenuItem newClient = new MenuItem(t("menu.view.newClient"));
        newClient.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        newClient.setOnAction(e -> w.addClient());
        MenuItem clear = new MenuItem(t("transcript.clear"));
        clear.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        clear.setOnAction(e -> {
            w.server().transcript().clear();
            w.frontClient().transcript().clear();
        });
        w.lessonItem.setAccelerator(KeyCombination.keyCombination("F6"));
        Menu view = new Menu(t("menu.view"), null, w.dark, w.projector, w.lessonItem, new SeparatorMenuItem(), zoomIn, zoomOut,
                zoomReset, fullScreen, new SeparatorMenuItem(), newClient, clear, new SeparatorMenuItem(),
                languageMenu());

        MenuItem homework = new MenuItem(t("menu.examples.homework"), new FontIcon(MaterialDesignS.SCHOOL_OUTLINE));
        homework.setId("example-homework");
        homework.setOnAction(e -> w.runHomework());
        MenuItem exercisesItem = new MenuItem(t("menu.examples.exercises"),
                new FontIcon(MaterialDesignS.SCHOOL_OUTLINE));
        exercisesItem.setId("exercises");
        exercisesItem.setOnAction(e -> w.showExercises());
        MenuItem board = new MenuItem(t("class.menu"), new FontIcon(MaterialDesignS.SCHOOL_OUTLINE));
        board.setId("class-board");
        board.setOnAction(e -> w.classBoard().show());
        Menu examples = new Menu(t("menu.examples"), null, homework, exercisesItem, board);

        MenuItem about = new MenuItem(t("menu.help.about"));
        about.setOnAction(e -> w.inform(t("menu.help.about"), t("about.text", SocketEngine.version())));
        Menu help = new Menu(t("menu.help"), null, about);
        MenuBar bar = new MenuBar(file, view, examples, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu languageMenu() {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu(t("menu.view.language"));
        for (Locale locale : new Locale[] {Locale.ENGLISH, I18n.CHINESE}) {
            RadioMenuItem item = new RadioMenuItem(languageName(locale));
            item.setToggleGroup(group);
            item.setSelected(I18n.locale().getLanguage().equals(locale.getLanguage()));
            item.setOnAction(e -> {
                w.onLanguage.accept(locale);
                w.inform(t("menu.view.language"), t("language.restart", languageName(locale)));
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Each language in its own words, as people look for it: English, 简体中文 (not "Chinese (China)"). */
    static String languageName(Locale locale) {
        return I18n.CHINESE.equals(I18n.supported(locale)) ? "简体中文" : "English";
    }
}
