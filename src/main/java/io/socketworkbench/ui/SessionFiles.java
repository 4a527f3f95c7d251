package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.PythonExportFiles;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import io.socketworkbench.ui.model.SessionRecording;
import java.nio.file.Path;
import java.util.List;

/**
 * The window's session as files: File → Export as Python…, Save the session as a recording, a pytest file or a
 * capture, and Replay a recording… (in a window of its own, one, reused). Files are written off the UI thread.
 */
final class SessionFiles {
    private final MainWindow window;
    private final FxBridge bridge;
    private final Lesson lesson;
    /** Every socket fact of the session, kept on disk: saved as a recording, exported as pytest or pcapng. */
    private final SessionRecording recording;
    /** Built when a recording is first replayed. */
    private ReplayWindow replayWindow;

    SessionFiles(MainWindow window, FxBridge bridge, Lesson lesson, SessionRecording recording) {
        this.window = window;
        this.bridge = bridge;
        this.lesson = lesson;
        this.recording = recording;
    }

    private javafx.stage.Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    void chooseExport() {
        if (lesson.exportRecord().server() == null && lesson.exportRecord().client() == null) {
            window.inform(t("export.title"), t("export.nothing"));
            return;
        }
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(t("menu.file.exportPython"));
        java.io.File dir = chooser.showDialog(owner());
        if (dir == null) {
            return;
        }
        try {
            List<Path> written = exportPython(dir.toPath());
            window.inform(t("export.title"), t("export.done", written.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining("\n"))));
        } catch (java.io.IOException ex) {
            window.inform(t("export.title"), I18n.error(io.socketworkbench.engine.SocketError.from(ex)));
        }
    }

    /** File → Replay a recording…: a recording chosen, told again to a lesson in a window of its own. */
    void chooseReplay() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(t("replay.menu"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(t("session.files.recording"), "*.jsonl"),
                new javafx.stage.FileChooser.ExtensionFilter(t("replay.files.all"), "*"));
        java.io.File file = chooser.showOpenDialog(owner());
        if (file != null) {
            replay(file.toPath());
        }
    }

    /** Replays {@code recording} into the lessons of the replay window (one, reused), opening it. */
    ReplayWindow replay(Path recording) {
        if (replayWindow == null) {
            replayWindow = new ReplayWindow(bridge, window.getScene());
        }
        replayWindow.play(recording);
        return replayWindow;
    }

    /** Asks where, then writes the session there, off the UI thread: as a recording, a pytest file or a capture. */
    void chooseSessionExport(String kind) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(t("session." + kind));
        String ending = switch (kind) {
            case "pytest" -> ".py";
            case "pcapng" -> ".pcapng";
            default -> ".jsonl";
        };
        chooser.setInitialFileName((kind.equals("pytest") ? "test_session" : "session") + ending);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(t("session.files." + kind),
                "*" + ending));
        java.io.File file = chooser.showSaveDialog(owner());
        if (file == null) {
            return;
        }
        bridge.when(writeSession(kind, file.toPath()), said -> window.inform(t("session." + kind), said),
                error -> window.inform(t("session." + kind), I18n.error(error)));
    }

    /**
     * Writes the session as {@code kind} (recording, pytest, pcapng) to {@code file}, on a thread of its own; the
     * future gives what to tell the user.
     */
    java.util.concurrent.CompletableFuture<String> writeSession(String kind, Path file) {
        return io.socketworkbench.ui.fx.Background.supply("session-export", () -> {
            try {
                String capped = recording.capped() ? "\n" + t("session.capped", SessionRecording.CAP >> 30) : "";
                return switch (kind) {
                    case "pytest" -> {
                        var summary = recording.exportPytest(file);
                        yield (summary.tests() == 0 ? t("session.pytest.none")
                                : t("session.pytest.done", file, summary.tests())) + capped;
                    }
                    case "pcapng" -> {
                        var summary = recording.exportPcapng(file);
                        yield t("session.pcapng.done", file, summary.connections(), summary.datagrams(),
                                summary.packets()) + capped;
                    }
                    default -> {
                        recording.saveTo(file);
                        yield t("session.recording.done", file) + capped;
                    }
                };
            } catch (java.io.IOException e) {
                throw new java.util.concurrent.CompletionException(e); // the bridge says it as Python would
            }
        });
    }

    /** Writes server.py and client.py (those the session has) into {@code dir}; returns the files written. */
    List<Path> exportPython(Path dir) throws java.io.IOException {
        return PythonExportFiles.writeTo(dir, lesson.exportRecord(), io.socketworkbench.session.ConfigFolder.tls());
    }
}
