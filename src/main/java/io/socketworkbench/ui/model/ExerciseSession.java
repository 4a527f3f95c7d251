package io.socketworkbench.ui.model;

import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.exercise.Check;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.lesson.exercise.ExerciseRun;
import io.socketworkbench.lesson.exercise.Trace;
import io.socketworkbench.ui.fx.EventPort;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Exercises panel's view model: which exercise is chosen, the check that runs (an {@link ExerciseRun} on its
 * own thread), its verdicts and the program's output as they come, and the student's traffic fed to the lesson
 * views like any other peer's. Results reach the UI thread through the {@link EventPort}. No JavaFX.
 */
public final class ExerciseSession {
    /** Lines of the program's output kept for the view. */
    static final int MAX_OUTPUT = 300;
    /** Traffic events drawn in the lesson views per check; the rest (an echo check makes hundreds) are counted. */
    static final int MAX_DRAWN = 300;

    private final EventPort port;
    private final Lesson lesson;
    private final Value<Exercise> selected = new Value<>(Exercise.HOMEWORK_CLIENT);
    private final Value<Boolean> running = new Value<>(false);
    private final Value<String> status = new Value<>("");
    private final Value<List<Check>> results = new Value<>(List.of());
    private final Value<List<String>> output = new Value<>(List.of());
    private ExerciseRun run;

    public ExerciseSession(EventPort port, Lesson lesson) {
        this.port = port;
        this.lesson = lesson;
    }

    public Value<Exercise> selected() {
        return selected;
    }

    public Value<Boolean> running() {
        return running;
    }

    public Value<String> status() {
        return status;
    }

    public Value<List<Check>> results() {
        return results;
    }

    public Value<List<String>> output() {
        return output;
    }

    public void select(Exercise exercise) {
        if (!running.get()) {
            selected.set(exercise);
            results.set(List.of());
            output.set(List.of());
            status.set("");
        }
    }

    /** The chosen exercise's statement, then what the app will do. */
    public String statement() {
        Exercise exercise = selected.get();
        Address at = exercise.defaultAddress();
        return exercise.statement(at) + "\n\n" + exercise.plays(at);
    }

    /** What the command field suggests for the chosen exercise. */
    public String suggestedCommand() {
        return switch (selected.get()) {
            case HOMEWORK_CLIENT -> "python3 client.py";
            case HOMEWORK_SERVER -> "python3 server.py";
            case ECHO_SERVER -> "python3 echo_server.py";
            case UDP_ECHO -> "python3 udp_echo.py";
            case UNIX_ECHO -> "python3 unix_echo.py";
            case TIMEOUT_CLIENT -> "python3 timeout_client.py";
            case CHAT_CLIENT -> "python3 chat_client.py";
            case MULTICAST_RECEIVER -> "python3 multicast_receiver.py";
            case TLS_CLIENT -> "python3 tls_client.py";
        };
    }

    /**
     * Checks the chosen exercise: runs {@code commandLine} (split into words as a shell would, quotes kept
     * together; blank: wait for a program run by hand) in {@code folder} (blank: the home folder). Returns a
     * problem to show instead, or null once the check has started.
     */
    public String check(String commandLine, String folder) {
        if (running.get()) {
            return null;
        }
        List<String> command;
        try {
            command = words(commandLine == null ? "" : commandLine);
        } catch (IllegalArgumentException e) {
            return t("exercise.problem.quote");
        }
        Path dir = folder == null || folder.isBlank() ? Path.of(System.getProperty("user.home"))
                : Path.of(folder.strip());
        if (!Files.isDirectory(dir)) {
            return t("exercise.problem.folder", dir.toString());
        }
        Exercise exercise = selected.get();
        ExerciseRun.Setup setup = new ExerciseRun.Setup(exercise, null, command, dir, null);
        results.set(List.of());
        output.set(List.of());
        lesson.clear();
        running.set(true);
        status.set(setup.doing());
        ExerciseRun started = new ExerciseRun(setup, new LessonTrace(exercise));
        run = started;
        io.socketworkbench.ui.fx.Background.run("exercise-" + exercise.id(), () -> {
            ExerciseRun.Report report = started.run();
            post(() -> finished(report));
        });
        return null;
    }

    /** Ends a running check early; its program is stopped. */
    public void stop() {
        if (run != null) {
            run.cancel();
        }
    }

    private void finished(ExerciseRun.Report report) {
        run = null;
        running.set(false);
        status.set(report.summary());
    }

    /** From the run's threads: runs {@code task} on the UI thread, in order. */
    private void post(Runnable task) {
        port.post(task);
    }


    private void addOutput(String line) {
        List<String> lines = new ArrayList<>(output.get());
        lines.add(line);
        if (lines.size() > MAX_OUTPUT) {
            lines.subList(0, lines.size() - MAX_OUTPUT).clear();
        }
        output.set(List.copyOf(lines));
    }

    /** Words of a command line: spaces separate them, single or double quotes keep spaces inside one. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The run's events, drawn in the lesson views as the app's server or client side, and shown in the panel. */
    private final class LessonTrace implements Trace {
        private final Lesson.Side side;
        private final AtomicInteger drawn = new AtomicInteger();
        private final AtomicInteger clientNumber = new AtomicInteger();

        /** The app's side: the client when the student writes the server, else the server. */
        LessonTrace(Exercise exercise) {
            side = exercise.studentListens() ? Lesson.Side.CLIENT : Lesson.Side.SERVER;
        }

        /** Traffic is drawn up to {@link #MAX_DRAWN} events, then counted once. */
        private boolean draw() {
            int n = drawn.incrementAndGet();
            if (n == MAX_DRAWN + 1) {
                post(() -> addOutput(t("exercise.output.undrawn", MAX_DRAWN)));
            }
            return n <= MAX_DRAWN;
        }

        @Override
        public void listening(Address address, SocketAddress local, boolean udp) {
            post(() -> {
                lesson.serverStarting(new ServerSetup(address, udp, ReplyMode.NONE, null, 50, null));
                lesson.serverListening(local);
            });
        }

        @Override
        public void accepted(long id, SocketAddress remote, SocketAddress local) {
            post(() -> lesson.accepted(id, remote, local));
        }

        @Override
        public void connecting(long id, Address target, boolean udp) {
            String name = "c" + clientNumber.incrementAndGet();
            post(() -> lesson.clientOpening(new ClientSetup(target, udp, null, null), id, name));
        }

        @Override
        public void connected(long id, SocketAddress local, SocketAddress remote) {
            post(() -> lesson.clientConnected(id, local, remote));
        }

        @Override
        public void failed(long id, SocketError error) {
            post(() -> lesson.clientFailed(error));
        }

        @Override
        public void sent(long id, byte[] data) {
            if (draw()) {
                post(() -> lesson.sent(side, id, data));
            }
        }

        @Override
        public void received(long id, byte[] data) {
            if (draw()) {
                post(() -> lesson.received(side, id, data, data.length));
            }
        }

        @Override
        public void sentDatagram(long id, byte[] data, SocketAddress to) {
            if (draw()) {
                post(() -> lesson.sentDatagram(Lesson.Side.CLIENT, data, to));
            }
        }

        @Override
        public void receivedDatagram(long id, byte[] data, SocketAddress from) {
            if (draw()) {
                post(() -> lesson.receivedDatagram(Lesson.Side.CLIENT, data, from, 65_535, 0));
            }
        }

        @Override
        public void halfClosed(long id) {
            post(() -> lesson.halfClosed(side, id));
        }

        @Override
        public void peerFinished(long id) {
            post(() -> lesson.peerFinished(side, id));
        }

        @Override
        public void closed(long id, SocketError error) {
            post(() -> lesson.closed(side, id, error == null ? CloseReason.LOCAL : CloseReason.RESET, error));
        }

        @Override
        public void stopped() {
            post(lesson::serverStopped);
        }

        @Override
        public void started(String commandLine) {
            post(() -> addOutput("$ " + commandLine));
        }

        @Override
        public void output(String line, boolean error) {
            post(() -> addOutput(line));
        }

        @Override
        public void exited(int code) {
            post(() -> addOutput(t("exercise.output.exited", code)));
        }

        @Override
        public void check(Check check) {
            post(() -> {
                List<Check> now = new ArrayList<>(results.get());
                now.add(check);
                results.set(List.copyOf(now));
            });
        }
    }
}
