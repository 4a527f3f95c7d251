package io.socketworkbench.ui.common;

import io.socketworkbench.session.QuickItem;import io.socketworkbench.ui.model.QuickList;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The saved quick messages as a hand edit or another editor leaves them (issue 28, item 4): every good line is
 * kept, the skipped ones are named until the notice is dismissed, and the file is copied beside itself before the
 * list is ever saved over it.
 */
@ExtendWith(ApplicationExtension.class)
class QuickPanelFileTest {
    private final FxBridge bridge = new FxBridge();
    private Stage stage;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.use(Locale.ENGLISH);
    }

    @AfterEach
    void forget() {
        QuickPanel.keepListsIn(null);
        bridge.stop();
    }

    private QuickPanel open(FxRobot robot) {
        QuickPanel.keepListsIn(dir);
        QuickPanel[] panel = new QuickPanel[1];
        robot.interact(() -> {
            panel[0] = new QuickPanel("client", bridge, item -> null, problem -> { });
            stage.setScene(new Scene(panel[0], 900, 400));
            stage.show();
        });
        return panel[0];
    }

    /** The panel is folded at start and builds its list when opened: opened first, as a user would. */
    private static void unfold(FxRobot robot) {
        robot.interact(() -> robot.lookup("#client-quick-panel").queryAs(QuickPanel.class).setExpanded(true));
    }

    @SuppressWarnings("unchecked")
    private static List<QuickItem> rows(FxRobot robot) {
        unfold(robot);
        return List.copyOf(robot.lookup("#client-quick").queryAs(ListView.class).getItems());
    }

    private static String notice(FxRobot robot) {
        boolean unfolded = robot.lookup("#client-quick-panel").queryAs(QuickPanel.class).isExpanded();
        unfold(robot);
        if (!unfolded) {
            // A notice opens the panel by itself: one that stayed folded had none to show.
            return robot.lookup("#client-quick-notice").query().isVisible() ? "opened folded with a notice" : "";
        }
        Label text = (Label) robot.lookup("#client-quick-notice").queryAs(javafx.scene.layout.HBox.class)
                .getChildren().get(0);
        return robot.lookup("#client-quick-notice").query().isVisible() ? text.getText() : "";
    }

    @Test
    void badLinesAreSkippedAndNamedTheGoodOnesKeptAndTheFileCopiedBeforeItIsSaved(FxRobot robot) throws Exception {
        Path file = dir.resolve("quick-client.txt");
        String original = "# Socket Workbench quick messages\nhello\ttext\thi\nbroken\tbogus\tx\ndelay\t500\n"
                + "delay\t-3\njust one field\nmodbus\thex\t01 03\n";
        Files.writeString(file, original);
        QuickPanel panel = open(robot);

        assertThat(rows(robot)).containsExactly(QuickItem.message("hello", PayloadFormat.TEXT, "hi"),
                QuickItem.delay(500), QuickItem.message("modbus", PayloadFormat.HEX, "01 03"));
        assertThat(notice(robot)).contains("line 3: unknown format “bogus”", "line 5: a delay of “-3” ms",
                "line 6: not", "quick-client.txt.bad");
        assertThat(panel.isExpanded()).as("opened to show the notice").isTrue();
        assertThat(Files.readString(dir.resolve("quick-client.txt.bad"))).isEqualTo(original);

        // Adding an item saves the list; the copy still has the lines that were skipped.
        robot.interact(() -> panel.list().add(QuickItem.message("new", PayloadFormat.TEXT, "n")));
        assertThat(Files.readString(file)).contains("hello\ttext\thi", "new\ttext\tn").doesNotContain("bogus");
        assertThat(Files.readString(dir.resolve("quick-client.txt.bad"))).isEqualTo(original);

        robot.clickOn("#client-quick-notice-dismiss");
        assertThat(notice(robot)).isEmpty();
    }

    @Test
    void aFileSavedInGbkIsReadAsGb18030AndSaidSo(FxRobot robot) throws Exception {
        Path file = dir.resolve("quick-client.txt");
        Files.write(file, "你好\ttext\t世界\n".getBytes(Charset.forName("GBK")));
        open(robot);
        assertThat(rows(robot)).containsExactly(QuickItem.message("你好", PayloadFormat.TEXT, "世界"));
        assertThat(notice(robot)).contains("not in UTF-8", "GB18030", "quick-client.txt.bad");
        assertThat(Files.readAllBytes(dir.resolve("quick-client.txt.bad")))
                .isEqualTo("你好\ttext\t世界\n".getBytes(Charset.forName("GBK")));
    }

    @Test
    void aGoodUtf8FileNeedsNoNoticeAndNoCopy(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("quick-client.txt"), "你好\ttext\t世界\n", StandardCharsets.UTF_8);
        open(robot);
        assertThat(rows(robot)).hasSize(1);
        assertThat(notice(robot)).isEmpty();
        assertThat(dir.resolve("quick-client.txt.bad")).doesNotExist();
    }
}
