package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.lesson.Explanations;
import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One check of a student's program against an exercise: the app plays the other side at the exercise's address,
 * runs the student's command if one was given (else waits for the program to connect or to listen), decides each
 * check, and always ends the program it started. Every wait has a deadline, so a run never hangs; {@link #cancel}
 * ends it early. Runs on the caller's thread, which must not be a UI thread; its sockets are engine endpoints on an
 * engine of its own ({@link Wire}), closed as the run ends.
 */
public final class ExerciseRun {

    /** What to check: where, and the student's command ({@code null} or empty: wait for a program run by hand). */
    public record Setup(Exercise exercise, Address at, List<String> command, Path folder, Duration patience) {
        public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

        public Setup {
            at = at == null ? exercise.defaultAddress() : at;
            command = command == null ? List.of() : List.copyOf(command);
            patience = patience == null ? DEFAULT_WAIT : patience;
        }

        boolean runs() {
            return !command.isEmpty();
        }

        /** What the run is doing, for a status line: running the command, or waiting for a program. */
        public String doing() {
            return runs() ? Texts.t("exercise.progress.running", String.join(" ", command))
                    : Texts.t(exercise.studentListens() ? "exercise.progress.wait-server"
                            : "exercise.progress.wait-client", Address.format(at), String.valueOf(patience.toSeconds()));
        }
    }

    /** The verdicts, in order. */
    public record Report(Exercise exercise, List<Check> checks) {
        public Report {
            checks = List.copyOf(checks);
        }

        /** True when there were checks and every one passed. */
        public boolean passed() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }

        /** "All 4 checks passed" or "2 of 4 checks failed". */
        public String summary() {
            long failed = checks.stream().filter(c -> !c.passed()).count();
            return passed() ? Texts.t("exercise.progress.passed", checks.size())
                    : Texts.t("exercise.progress.failed", failed, checks.size());
        }
    }

    /** The homework's message, as server.py sends it. */
    public static final byte[] MESSAGE = "This is socket!".getBytes(StandardCharsets.US_ASCII);
    /** The echo exercises' clients, and the bytes each sends. */
    static final int ECHO_CLIENTS = 3;
    static final int ECHO_BYTES = 1 << 20;
    /** How long a silent server may take before the echo check calls it stuck. */
    static final long ECHO_STALL_MS = 3_000;
    /** How long the timeout exercise's client may wait before it must give up. */
    static final long GIVE_UP_MS = 8_000;
    /** How long a finished peer gets to close, and a finished client program to exit. */
    static final long CLOSE_MS = 3_000;
    static final int[] DATAGRAM_SIZES = {1, 15, 200, 1024, 1500, 4000, 9000, 30000, 65507};

    private final Setup setup;
    private final Trace trace;
    private final List<Check> checks = new ArrayList<>();
    private Wire wire;
    private final java.util.Random random = new java.util.Random();
    private volatile boolean cancelled;
    private final long started = System.nanoTime();
    /** What held the exercise's address before the program started, and what the program left behind. */
    private final Leftovers leftovers = new Leftovers();
    private Program program;

    public ExerciseRun(Setup setup, Trace trace) {
        this.setup = setup;
        this.trace = trace == null ? Trace.NONE : trace;
    }

    /** Ends the run soon: every wait checks this. The program is stopped as the run ends. */
    public void cancel() {
        cancelled = true;
    }

    public Report run() {
        try (Wire opened = new Wire()) {
            wire = opened;
            switch (setup.exercise()) {
                case HOMEWORK_CLIENT -> new ClientChecks(this).homework();
                case TIMEOUT_CLIENT -> new ClientChecks(this).timeout();
                case CHAT_CLIENT -> new ClientChecks(this).chat();
                case TLS_CLIENT -> new ClientChecks(this).tls();
                case HOMEWORK_SERVER -> new HomeworkServerCheck(this).run();
                case ECHO_SERVER, UNIX_ECHO -> echoServer();
                case UDP_ECHO -> new UdpEchoCheck(this).run();
                case MULTICAST_RECEIVER -> new MulticastReceiverCheck(this).run();
                default -> throw new IllegalStateException(setup.exercise().name());
            }
        } catch (IOException e) {
            add(Check.fail(t("check.app.title"), SocketError.from(e).pythonText(), ""));
        } finally {
            if (program != null) {
                program.stop();
                leftovers.sweep(setup.at(), program).forEach(this::add);
            }
        }
        if (cancelled) {
            add(Check.fail(t("check.cancelled.title"), "", ""));
        }
        return new Report(setup.exercise(), checks);
    }

    // ---- shared by the checks -----------------------------------------------------------------------------

    Setup setup() {
        return setup;
    }

    Trace trace() {
        return trace;
    }

    Wire wire() {
        return wire;
    }

    java.util.Random random() {
        return random;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Whole seconds since the run began: what a check stopped early says instead of its full wait. */
    long secondsSoFar() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    static String t(String key, Object... args) {
        return Texts.t(key, args);
    }

    static long deadline(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    static boolean past(long deadline) {
        return System.nanoTime() - deadline >= 0;
    }

    static String bytes(long n) {
        return String.format(Texts.locale(), "%,d", n);
    }

    void add(Check check) {
        checks.add(check);
        trace.check(check);
    }

    /**
     * Starts the student's command, if there is one; false (with a failed check) when it cannot start, or when
     * something already listens where the student's server should: the app itself (its server pane, Examples), or,
     * when the app starts the program, any process (a server left from an earlier run). A check never passes
     * against a listener that is not the student's program.
     */
    boolean startProgram() {
        if (setup.exercise().studentListens()) {
            Check blocked = leftovers.before(setup.at(), setup.runs());
            if (blocked != null) {
                add(blocked);
                return false;
            }
        }
        if (!setup.runs()) {
            return true;
        }
        try {
            program = Program.start(setup.command(), setup.folder(), trace);
            return true;
        } catch (IOException e) {
            add(Check.fail(t("check.started.title"), e.getMessage(), t("check.started.hint")));
            return false;
        }
    }

    /** True when the program was started and has ended by itself. */
    boolean programEnded() {
        return program != null && !program.alive();
    }

    Program program() {
        return program;
    }

    /**
     * Adds what the student's program said as it ended to a hint: its last error line, and what that error means.
     */
    String withProgramError(String hint) {
        if (program == null) {
            return hint;
        }
        String error = program.lastError();
        if (!program.alive() && !error.isEmpty()) {
            String said = t("check.program.said", error);
            SocketError socketError = Explanations.fromPython(error);
            String explained = socketError == null ? "" : Explanations.explain(socketError, setup.at(),
                    setup.exercise().udp());
            return join(said, explained, hint);
        }
        return hint;
    }

    /** Sentences joined as the language joins them: with a space in English, without one in Chinese. */
    static String join(String... sentences) {
        StringBuilder joined = new StringBuilder();
        for (String sentence : sentences) {
            if (!sentence.isEmpty()) {
                joined.append(joined.length() == 0 ? "" : t("check.join")).append(sentence);
            }
        }
        return joined.toString();
    }

    /** True when the program ended with an error line that {@link #withProgramError} explains. */
    boolean programFailed() {
        return programEnded() && !program.lastError().isEmpty();
    }

    /** Waits until {@code deadline} for the program to end by itself (it is a client that should). */
    boolean awaitExit(long deadline) {
        if (program == null) {
            return false;
        }
        while (!past(deadline) && !cancelled) {
            if (program.waitFor(Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())))) {
                trace.exited(program.exitCode());
                return true;
            }
        }
        return !program.alive();
    }

    // ---- the app connects: the student writes a server -----------------------------------------------------

    /** The last error of {@link #connect}'s tries, for the check that says nobody listened. */
    private SocketError lastConnectError;

    /**
     * Connects to the exercise's address, trying again while nobody listens yet, until {@code deadline}; with a
     * small receive buffer when {@code smallBuffer} (so that a server's sends meet a full buffer while the app
     * holds its reading). The trace knows every try as one connection, under the first try's id.
     */
    Link connect(long deadline, boolean smallBuffer) {
        Address at = setup.at();
        SocketOptionsSpec options = smallBuffer && !(at instanceof Address.Unix)
                ? new SocketOptionsSpec(null, null, null, 16 * 1024, null, null, null) : SocketOptionsSpec.DEFAULTS;
        ClientConfig config = ClientConfig.of(at).withOptions(options);
        long id = 0;
        while (!cancelled) {
            TcpClient client = wire.engine().connect(config, wire);
            if (id == 0) {
                id = client.id();
                trace.connecting(id, at, false);
            }
            SocketEvent event = wire.next(client.id(), deadline(ClientConfig.DEFAULT_CONNECT_TIMEOUT.toMillis()));
            if (event instanceof SocketEvent.Connected connected) {
                Link link = new Link(id, client.id(), wire, new Link.Ends() {
                    @Override
                    public java.util.concurrent.CompletableFuture<Integer> send(byte[] data) {
                        return client.send(data);
                    }

                    @Override
                    public void shutdownOutput() {
                        client.shutdownOutput();
                    }

                    @Override
                    public void close() {
                        client.close();
                    }
                }, trace, connected.remote());
                trace.connected(id, connected.local(), connected.remote());
                return link;
            }
            client.close();
            wire.forget(client.id());
            lastConnectError = event instanceof SocketEvent.Failed failed ? failed.error()
                    : SocketError.of(io.socketworkbench.engine.ErrorKind.TIMED_OUT);
            boolean unknownHost = lastConnectError.kind() == io.socketworkbench.engine.ErrorKind.UNKNOWN_HOST
                    || lastConnectError.kind() == io.socketworkbench.engine.ErrorKind.LOOKUP_UNAVAILABLE;
            if (past(deadline) || programEnded() || unknownHost) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (lastConnectError != null) {
            trace.failed(id, lastConnectError);
        }
        return null;
    }

    /** The last error of a connect that failed, or null. */
    SocketError lastConnectError() {
        return lastConnectError;
    }

    /** The failed check for a server that never listened. */
    void nobodyListened() {
        SocketError error = lastConnectError;
        String seen = error == null ? "" : error.pythonText();
        String hint = error == null ? "" : Explanations.explain(error, setup.at(), setup.exercise().udp());
        add(Check.fail(t("check.listens.title", Address.format(setup.at())), seen, programFailed()
                ? withProgramError(t("check.listens.hint", setup.patience().toSeconds()))
                : join(t("check.listens.hint", setup.patience().toSeconds()), hint)));
    }

    private void echoServer() throws IOException {
        if (!startProgram()) {
            return;
        }
        new EchoCheck(this).run();
    }
}
