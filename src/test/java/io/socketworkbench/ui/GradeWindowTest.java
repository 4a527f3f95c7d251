package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.lesson.exercise.Batch;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.ui.exercise.GradeWindow;
import io.socketworkbench.ui.fx.FxBridge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Exercises → Grade a folder…: the table fills in a row a submission and a column a check; the report is written. */
@ExtendWith(ApplicationExtension.class)
class GradeWindowTest {
    private final SocketEngine engine = new SocketEngine("grade-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;
    private GradeWindow grade;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close(FxRobot robot) {
        if (grade != null) {
            robot.interact(() -> grade.stage().close());
        }
        window.recording().close();
        engine.close();
    }

    @Test
    void aFolderOfServersIsGradedIntoATableAndAReport(FxRobot robot, @TempDir Path dir) throws Exception {
        Path programs = io.socketworkbench.lesson.StudentPrograms.FOLDER.resolve("echo-server");
        for (String[] student : new String[][] {{"ann", "good"}, {"ben", "recv_once"}}) {
            Files.createDirectories(dir.resolve(student[0]));
            Files.copy(programs.resolve(student[1] + ".py"), dir.resolve(student[0]).resolve("server.py"));
        }
        robot.interact(() -> {
            window.showExercises();
            window.exercises().session().select(Exercise.ECHO_SERVER);
            grade = window.exercises().grade();
        });
        robot.interact(() -> {
            robot.lookup("#grade-folder").queryAs(javafx.scene.control.TextField.class).setText(dir.toString());
            robot.lookup("#grade-command").queryAs(javafx.scene.control.TextField.class)
                    .setText("python3 {}/server.py {port}");
        });
        robot.clickOn("#grade-start");
        TestWindow.await(() -> grade.session().results().get().size() == 2 && !grade.session().running().get());
        TableView<Batch.Result> table = robot.lookup("#grade-table").queryTableView();
        robot.interact(() -> {
            assertThat(table.getItems()).extracting(r -> r.submission().name()).containsExactly("ann", "ben");
            assertThat(table.getItems()).extracting(Batch.Result::passed).containsExactly(true, false);
            assertThat(table.getColumns()).hasSizeGreaterThan(3);
            assertThat(table.getColumns().get(2).getText()).isEqualTo("Your server listens at 127.0.0.1:{port}");
            assertThat(grade.session().status().get()).isEqualTo("1 of 2 submissions passed.");
        });
        assertThat(robot.lookup("#grade-progress").queryAs(javafx.scene.control.ProgressBar.class).getProgress())
                .isEqualTo(1.0);
        Path report = dir.resolve("grades.csv");
        String said = grade.session().export(report).get(30, TimeUnit.SECONDS);
        assertThat(said).isEqualTo("Report written to " + report);
        List<String> csv = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("ann,PASS,✓");
        assertThat(csv.get(2)).startsWith("ben,FAIL,");

        // A folder without submissions, or no command: said, nothing starts.
        Path empty = Files.createDirectories(dir.resolve("ann").resolve("empty-class"));
        robot.interact(() -> {
            assertThat(grade.session().start(Exercise.ECHO_SERVER, empty.toString(), "python3 {}/server.py"))
                    .startsWith("No submissions in ");
            assertThat(grade.session().start(Exercise.ECHO_SERVER, dir.toString(), "  ")).contains("{}");
            assertThat(grade.session().running().get()).isFalse();
        });
    }
}
