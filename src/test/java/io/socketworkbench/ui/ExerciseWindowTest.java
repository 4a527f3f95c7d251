package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.lesson.Texts;
import io.socketworkbench.lesson.exercise.Check;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.lesson.StudentPrograms;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Exercises panel by its contract ids: our student programs checked from the window, with each verdict and
 * hint shown, and the student's traffic in the lesson views.
 */
@ExtendWith(ApplicationExtension.class)
class ExerciseWindowTest {
    private final SocketEngine engine = new SocketEngine("exercise-window-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        I18n.use(Locale.ENGLISH);
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() throws java.io.IOException {
        window.exercises().stop();
        engine.close();
        I18n.use(I18n.systemLocale());
        // The unix-echo exercise runs at its own path in /tmp; a student program leaves its socket file there.
        java.nio.file.Files.deleteIfExists(Exercise.UNIX_PATH);
    }

    /** Chooses {@code exercise}, types the command, presses Check, and waits for the verdicts. */
    private List<String> check(FxRobot robot, Exercise exercise, String program) {
        // The window uses the exercise's own port, which lies in Linux's ephemeral range (32768-60999): a client
        // socket elsewhere in the build may have had it as its source port and left it in TIME_WAIT, which blocks
        // even a bind with SO_REUSEADDR for up to 60 s (the app says so, and the check fails). Wait that out.
        if (exercise.defaultAddress() instanceof io.socketworkbench.engine.Address.Inet inet) {
            try {
                assertThat(io.socketworkbench.interop.PortWait.bindable(inet.port(), true))
                        .as("port %d free for the exercise within 70 s", inet.port()).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        robot.interact(window::showExercises);
        // The task scrolls: its nodes are in the scene once the tab has been laid out.
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#exercise-list").queryListView().getSelectionModel().select(exercise);
            robot.lookup("#exercise-command").queryAs(TextField.class).setText("python3 '"
                    + StudentPrograms.program(exercise.id(), program) + "' '" + where(exercise) + "'"
                    + (exercise.certificate() == null ? "" : " '" + exercise.certificate() + "'"));
        });
        robot.clickOn("#exercise-check");
        // A check waits up to 10 s for a program that never closes, then gives it 3 s to end: allow for both.
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(40, java.util.concurrent.TimeUnit.SECONDS,
                    () -> !window.exercises().session().running().get()
                            && !window.exercises().session().results().get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the check did not end within 40 s", e);
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        ListView<Check> results = robot.lookup("#exercise-results").queryListView();
        List<Check> checks = window.exercises().session().results().get();
        assertThat(results.getItems()).containsExactlyElementsOf(checks);
        // The newest verdict (the list scrolls to it) as its cell shows it to the user.
        Check last = checks.get(checks.size() - 1);
        assertThat(robot.lookup("#exercise-results .check-line").queryAllAs(Labeled.class))
                .anyMatch(cell -> cell.getText() != null && cell.getText().equals((last.passed() ? "✓ " : "✗ ")
                        + last.summary()));
        return checks.stream().map(c -> (c.passed() ? "✓ " : "✗ ") + c.title() + ": " + c.seen())
                .collect(Collectors.toList());
    }

    /** The exercise's own port or path, which the window uses, as the student programs take it. */
    private static String where(Exercise exercise) {
        io.socketworkbench.engine.Address at = exercise.defaultAddress();
        return at instanceof io.socketworkbench.engine.Address.Inet inet ? String.valueOf(inet.port())
                : ((io.socketworkbench.engine.Address.Unix) at).path().toString();
    }

    /** Every student program, checked from the window: the same verdicts and hints as on the command line. */
    /** The shared table; JUnit reads method sources only in the test's own (opened) package. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> studentPrograms() {
        return io.socketworkbench.lesson.StudentPrograms.verdicts();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("studentPrograms")
    void everyStudentProgramGetsItsVerdictsAndHint(String exercise, String program, String expected, String hint,
                                                    FxRobot robot) {
        check(robot, Exercise.byId(exercise), program);
        List<Check> checks = window.exercises().session().results().get();
        String verdicts = checks.stream().map(c -> c.passed() ? "P" : "F").collect(Collectors.joining());
        assertThat(verdicts).as(checks.toString()).isEqualTo(expected);
        if (hint != null) {
            // As on the command line, where the line holds both: what was seen, and the hint.
            assertThat(checks).anyMatch(c -> (c.seen() + " " + c.hint()).contains(hint));
        }
        assertThat(robot.lookup("#exercise-state").queryAs(Labeled.class).getText())
                .isEqualTo(expected.contains("F") ? (expected.replace("P", "").length() + " of " + expected.length()
                        + (expected.length() == 1 ? " check failed" : " checks failed"))
                        : expected.length() == 1 ? "The check passed" : "All " + expected.length() + " checks passed");
    }

    @Test
    void theHomeworkClientPassesAndItsTrafficShowsInTheLessonViews(FxRobot robot) {
        List<String> lines = check(robot, Exercise.HOMEWORK_CLIENT, "good");
        assertThat(lines).hasSize(4).allMatch(line -> line.startsWith("✓ "));
        assertThat(robot.lookup("#exercise-state").queryAs(Labeled.class).getText()).isEqualTo("All 4 checks passed");
        assertThat(window.lesson().mirror()).anyMatch(line -> line.contains("s.accept()"))
                .anyMatch(line -> line.contains("b'This is socket!'"));
        assertThat(robot.lookup("#exercise-output").queryListView().getItems())
                .anyMatch(line -> String.valueOf(line).contains("b'This is socket!'"));
    }

    @Test
    void inProjectorModeTheVerdictsStayOnTheScreen(FxRobot robot) {
        check(robot, Exercise.HOMEWORK_CLIENT, "small_recv");
        robot.interact(() -> window.restore(new MainWindow.ZoomState(1.0, 2.0, true)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        ListView<?> results = robot.lookup("#exercise-results").queryListView();
        javafx.geometry.Bounds shown = results.localToScene(results.getBoundsInLocal());
        // Two verdict lines at twice the type, whole and inside the window.
        assertThat(shown.getHeight()).isGreaterThan(120);
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(results.getScene().getHeight());
        assertThat(robot.lookup("#exercise-check").query().isVisible()).isTrue();
    }

    @Test
    void aClientThatReadsFourBytesFailsWithTheHintThatNamesRecv(FxRobot robot) {
        List<String> lines = check(robot, Exercise.HOMEWORK_CLIENT, "small_recv");
        assertThat(lines).extracting(line -> line.substring(0, 1)).containsExactly("✓", "✗", "✗", "✓");
        assertThat(lines.get(1)).contains("closed with bytes still unread");
        assertThat(window.exercises().session().results().get().get(1).hint())
                .contains("recv(n) returns at most n bytes");
    }

    @Test
    void anEchoServerServingOneClientAtATimeIsCaughtAndExplainedInChinese(FxRobot robot) {
        robot.interact(() -> Texts.use(Texts.CHINESE));
        List<String> lines = check(robot, Exercise.ECHO_SERVER, "one_at_a_time");
        assertThat(lines).extracting(line -> line.substring(0, 1)).containsExactly("✓", "✗", "✗");
        assertThat(lines.get(1)).contains("它能同时服务 3 个客户端");
        robot.interact(() -> Texts.use(Locale.ENGLISH));
        assertThat(window.exercises().session().results().get().get(1).hint()).contains("一次只服务一个客户端");
        // The app's three clients show in the mirror as c1, c2 and c3.
        assertThat(window.lesson().mirror()).anyMatch(line -> line.startsWith("c3 = socket.socket("));
        // The student's server listened: the app's connects prove it, so the first step is lit.
        assertThat(window.lesson().done()).contains(io.socketworkbench.lesson.LessonStep.LISTEN);
    }
}
