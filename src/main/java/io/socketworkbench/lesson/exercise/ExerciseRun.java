package io.socketworkbench.lesson.exercise;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.lesson.Explanations;
import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
                case HOMEWORK_CLIENT -> serveOneClient(this::homeworkClient);
                case TIMEOUT_CLIENT -> serveOneClient(this::timeoutClient);
                case HOMEWORK_SERVER -> homeworkServer();
                case ECHO_SERVER, UNIX_ECHO -> echoServer();
                case UDP_ECHO -> new UdpEchoCheck(this).run();
                default -> throw new IllegalStateException(setup.exercise().name());
            }
        } catch (IOException e) {
            add(Check.fail(t("check.app.title"), SocketError.from(e).pythonText(), ""));
        } finally {
            if (program != null) {
                program.stop();
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

    /** Starts the student's command, if there is one; false (with a failed check) when it cannot start. */
    boolean startProgram() {
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

    // ---- the app serves: the student writes a client -------------------------------------------------------

    /** Listens at the exercise's address; null (with a failed check) when it cannot. */
    private TcpServer listen() throws IOException {
        Address at = setup.at();
        if (at instanceof Address.Unix unix) {
            Files.deleteIfExists(unix.path());
        }
        TcpServer server = wire.engine().listen(ServerConfig.of(at), wire);
        SocketAddress local;
        try {
            local = server.started().join();
        } catch (java.util.concurrent.CompletionException e) {
            SocketError error = SocketError.from(e.getCause());
            add(Check.fail(t("check.app.listen", Address.format(at)), error.pythonText(),
                    Explanations.explain(error, at, false)));
            return null;
        }
        trace.listening(at, local, false);
        return server;
    }

    /** The first client to connect before the wait is over (or the program has ended), or null. */
    private Link acceptOne(TcpServer server) {
        long deadline = deadline(setup.patience().toMillis());
        long endedAt = 0;
        while (!past(deadline) && !cancelled) {
            SocketEvent event = wire.next(server.id(), Math.min(deadline, deadline(100)));
            if (event instanceof SocketEvent.Accepted accepted) {
                long id = accepted.connection();
                Link link = new Link(id, id, wire, new Link.Ends() {
                    @Override
                    public java.util.concurrent.CompletableFuture<Integer> send(byte[] data) {
                        return server.send(id, data);
                    }

                    @Override
                    public void shutdownOutput() {
                        server.shutdownOutput(id);
                    }

                    @Override
                    public void close() {
                        server.close(id);
                    }
                }, trace, accepted.remote());
                trace.accepted(id, accepted.remote(), accepted.local());
                return link;
            }
            if (event == null && programEnded()) {
                // A connect just before the end may still be on its way: look once more, then give up.
                if (endedAt == 0) {
                    endedAt = System.nanoTime();
                } else if (System.nanoTime() - endedAt > TimeUnit.MILLISECONDS.toNanos(300)) {
                    return null;
                }
            }
        }
        return null;
    }

    private enum End { FINISHED, RESET, STILL_OPEN }

    /** Reads (and drops) whatever the peer sends until it closes or the deadline passes. */
    private End awaitEnd(Link link, long deadline) {
        try {
            while (!past(deadline) && !cancelled) {
                byte[] data = link.read(64 * 1024, Math.min(deadline, deadline(100)));
                if (data == null) {
                    return End.FINISHED;
                }
            }
            return End.STILL_OPEN;
        } catch (IOException e) {
            link.close(Link.errorOf(e));
            return End.RESET;
        }
    }

    private String noClient() {
        return t("check.connected.none", Address.format(setup.at()), setup.patience().toSeconds());
    }

    /** What a check does with the student's client once it has connected. */
    private interface Served {
        void with(Link link) throws IOException;
    }

    /**
     * The exercises where the app serves: listens, starts the program, and decides whether a client connected;
     * {@code then} checks the rest with it.
     */
    private void serveOneClient(Served then) throws IOException {
        TcpServer server = listen();
        if (server == null) {
            return;
        }
        try {
            if (!startProgram()) {
                return;
            }
            String connectedTitle = t("check.connected.title", Address.format(setup.at()));
            Link link = acceptOne(server);
            if (link == null) {
                add(Check.fail(connectedTitle, noClient(), withProgramError(t("check.connected.hint"))));
                return;
            }
            add(Check.pass(connectedTitle, t("check.connected.from", Address.format(link.remote()))));
            then.with(link);
        } finally {
            server.stop().orTimeout(CLOSE_MS, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
            trace.stopped();
        }
    }

    private void homeworkClient(Link link) throws IOException {
        link.write(MESSAGE, deadline(2_000));
        link.shutdownOutput();
        long closeWait = setup.runs() ? setup.patience().toMillis() : CLOSE_MS + 2_000;
        End end = awaitEnd(link, deadline(closeWait));
        if (end != End.RESET) {
            link.close(null);
        }
        boolean exited = setup.runs() && awaitExit(deadline(CLOSE_MS));
        String printed = setup.runs() ? program.stdout() : "";
        boolean printedAll = printed.contains("This is socket!");
        String receivedTitle = t("check.homework-client.received.title", MESSAGE.length);
        if (end == End.RESET) {
            add(Check.fail(receivedTitle, t("check.homework-client.received.reset"),
                    t("check.homework-client.received.hint")));
        } else if (end == End.FINISHED) {
            add(Check.pass(receivedTitle, t("check.homework-client.received.yes")));
        } else if (printedAll) {
            add(Check.pass(receivedTitle, t("check.homework-client.received.printed")));
        } else {
            add(Check.fail(receivedTitle, t("check.homework-client.received.unknown"),
                    t("check.homework-client.received.hint")));
        }
        if (setup.runs()) {
            String printedTitle = t("check.homework-client.printed.title");
            if (printedAll) {
                add(Check.pass(printedTitle, firstLineWith(printed, "This is socket!")));
            } else {
                String seen = printed.isBlank() ? t("check.homework-client.printed.nothing")
                        : t("check.homework-client.printed.other", firstLine(printed));
                String hint = printed.contains("This") ? t("check.homework-client.received.hint")
                        : t("check.homework-client.printed.hint");
                add(Check.fail(printedTitle, seen, withProgramError(hint)));
            }
        }
        String closedTitle = t("check.homework-client.closed.title");
        if (end == End.STILL_OPEN) {
            add(Check.fail(closedTitle, t("check.closed.not", closeWait / 1000),
                    t("check.homework-client.closed.hint")));
        } else if (setup.runs() && !exited) {
            add(Check.fail(closedTitle, t("check.exited.not", CLOSE_MS / 1000),
                    t("check.homework-client.closed.hint")));
        } else {
            add(Check.pass(closedTitle, end == End.RESET ? t("check.closed.reset") : t("check.closed.yes")));
        }
    }

    private void timeoutClient(Link link) throws IOException {
        long since = System.nanoTime();
        End end = awaitEnd(link, deadline(GIVE_UP_MS));
        double took = (System.nanoTime() - since) / 1e9;
        if (end != End.RESET) {
            link.close(null);
        }
        String gaveUpTitle = t("check.timeout-client.gave-up.title", GIVE_UP_MS / 1000);
        boolean exited = setup.runs() && end != End.STILL_OPEN && awaitExit(deadline(CLOSE_MS));
        String output = setup.runs() ? program.allOutput() : "";
        String saidLine = timeoutLine(output);
        if (end == End.STILL_OPEN) {
            add(Check.fail(gaveUpTitle, t("check.timeout-client.gave-up.not", GIVE_UP_MS / 1000),
                    saidLine.isEmpty() ? t("check.timeout-client.gave-up.hint")
                            : t("check.timeout-client.exited.hint")));
        } else {
            add(Check.pass(gaveUpTitle, t("check.timeout-client.gave-up.after",
                    String.format(Texts.locale(), "%.1f", took))));
        }
        if (setup.runs()) {
            String saidTitle = t("check.timeout-client.said.title");
            if (!saidLine.isEmpty()) {
                add(Check.pass(saidTitle, saidLine));
            } else {
                add(Check.fail(saidTitle, output.isBlank() ? t("check.homework-client.printed.nothing")
                        : t("check.homework-client.printed.other", firstLine(output)),
                        t("check.timeout-client.said.hint")));
            }
            String exitedTitle = t("check.timeout-client.exited.title");
            if (exited) {
                add(Check.pass(exitedTitle, t("check.exited.code", program.exitCode())));
            } else {
                add(Check.fail(exitedTitle, end == End.STILL_OPEN
                        ? t("check.timeout-client.exited.closed-by-app", GIVE_UP_MS / 1000)
                        : t("check.exited.not", CLOSE_MS / 1000), t("check.timeout-client.exited.hint")));
            }
        }
    }

    /** The line of the program's output that says it timed out, or an empty string. */
    private static String timeoutLine(String output) {
        for (String word : new String[] {"timed out", "timeouterror", "timeout"}) {
            String found = output.lines().filter(l -> !l.strip().startsWith("File \""))
                    .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(word)).findFirst().orElse("");
            if (!found.isEmpty()) {
                return found.strip();
            }
        }
        return "";
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String firstLineWith(String text, String part) {
        return text.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(
                part.toLowerCase(java.util.Locale.ROOT))).findFirst().map(String::strip).orElse(firstLine(text));
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

    /** The failed check for a server that never listened. */
    void nobodyListened() {
        SocketError error = lastConnectError;
        String seen = error == null ? "" : error.pythonText();
        String hint = error == null ? "" : Explanations.explain(error, setup.at(), setup.exercise().udp());
        add(Check.fail(t("check.listens.title", Address.format(setup.at())), seen, programFailed()
                ? withProgramError(t("check.listens.hint", setup.patience().toSeconds()))
                : join(t("check.listens.hint", setup.patience().toSeconds()), hint)));
    }

    /** What one connection to the homework server got: its bytes, and how it ended. */
    private record Visit(byte[] data, End end) {
    }

    private void homeworkServer() throws IOException {
        if (!startProgram()) {
            return;
        }
        List<Visit> visits = new ArrayList<>();
        int tries = 3;
        for (int i = 0; i < tries && !cancelled; i++) {
            Link link = connect(deadline(i == 0 ? setup.patience().toMillis() : 2_000), false);
            if (link == null) {
                break;
            }
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            End end = End.STILL_OPEN;
            long deadline = deadline(CLOSE_MS);
            try {
                while (!past(deadline) && !cancelled && got.size() < 64 * 1024) {
                    byte[] data = link.read(4096, deadline);
                    if (data == null) {
                        end = End.FINISHED;
                        break;
                    }
                    got.writeBytes(data);
                }
                link.close(null);
            } catch (IOException e) {
                end = End.RESET;
                link.close(Link.errorOf(e));
            }
            visits.add(new Visit(got.toByteArray(), end));
        }
        if (visits.isEmpty()) {
            nobodyListened();
            return;
        }
        add(Check.pass(t("check.listens.title", Address.format(setup.at())), t("check.listens.yes")));
        String sendsTitle = t("check.homework-server.sends.title");
        Visit wrong = visits.stream().filter(v -> !java.util.Arrays.equals(v.data(), MESSAGE)).findFirst()
                .orElse(null);
        if (wrong == null) {
            add(Check.pass(sendsTitle, PythonBytes.repr(MESSAGE)));
        } else if (wrong.data().length == 0) {
            add(Check.fail(sendsTitle, t("check.homework-server.sends.nothing"),
                    withProgramError(t("check.homework-server.sends.nothing.hint"))));
        } else {
            add(Check.fail(sendsTitle, t("check.homework-server.sends.other", PythonBytes.head(wrong.data(), 60)),
                    t("check.homework-server.sends.hint")));
        }
        String closesTitle = t("check.homework-server.closes.title");
        if (visits.stream().anyMatch(v -> v.end() == End.STILL_OPEN)) {
            add(Check.fail(closesTitle, t("check.closed.not", CLOSE_MS / 1000),
                    t("check.homework-server.closes.hint")));
        } else {
            add(Check.pass(closesTitle, t("check.closed.yes")));
        }
        String againTitle = t("check.homework-server.again.title", tries);
        if (visits.size() == tries) {
            add(Check.pass(againTitle, t("check.homework-server.again.yes", tries)));
        } else {
            add(Check.fail(againTitle, t("check.homework-server.again.not", visits.size() + 1,
                    lastConnectError == null ? "" : lastConnectError.pythonText()),
                    programFailed() ? withProgramError("") : t("check.homework-server.again.hint")));
        }
    }

    private void echoServer() throws IOException {
        if (!startProgram()) {
            return;
        }
        new EchoCheck(this).run();
    }
}
