package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.lesson.exercise.Exercise;
import io.socketworkbench.ui.fx.Delivery;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class board: the teacher's machine plays the server side of a client exercise for every student machine
 * that connects, and keeps a row a machine (its address, the name it sent for {@code chat-client}, its attempts,
 * each check of its latest attempt, the time of its first full pass), sorted so that who needs help is on top.
 * Only what the wire shows is checked: a connection, the bytes that came, a FIN or a reset, and when. It holds
 * {@link #MAX_MACHINES} machines; one that connects more than {@link #RATE_LIMIT} times within any second is
 * refused until it is under that rate again, and shown so; the server's own limits (connections at once, idle and
 * stalled connections) apply as on the command line. Nothing a student sends is run or shown as markup. Here: the
 * server; what the wire shows of each attempt is {@link ClassAttempt}'s; the rows, their order and the
 * CSV are {@link ClassRows}'. No JavaFX.
 */
public final class ClassBoard {
    /** The exercises whose student side is a client, and what the board checks of each. */
    public enum Kind {
        HOMEWORK_CLIENT(Exercise.HOMEWORK_CLIENT, "connects", "reads", "closes"),
        TIMEOUT_CLIENT(Exercise.TIMEOUT_CLIENT, "connects", "waits", "gives-up"),
        CHAT_CLIENT(Exercise.CHAT_CLIENT, "connects", "name", "answer"),
        TLS_CLIENT(Exercise.TLS_CLIENT, "connects", "handshake", "message", "answer");

        private final Exercise exercise;
        private final List<String> checks;

        Kind(Exercise exercise, String... checks) {
            this.exercise = exercise;
            this.checks = List.of(checks);
        }

        public String id() {
            return exercise.id();
        }

        /** The exercise's own port, which its statement names. */
        public int port() {
            return ((Address.Inet) exercise.defaultAddress()).port();
        }

        /** The certificate a TLS client loads as its CA (null for the others). */
        public java.nio.file.Path certificate() {
            return exercise.certificate();
        }

        /** The checks' keys, in order: {@code class.check.<key>} names each. */
        public List<String> checks() {
            return checks;
        }
    }

    /** One check of an attempt: passed, failed (with why), or not decided yet (null in a row). */
    public record Verdict(boolean passed, String why) {
    }

    /**
     * A check as the board shows it, in its table and its CSV: ✓, ✗ and why, … while not decided in an attempt under
     * way, – when the attempt ended before it.
     */
    public static String mark(Verdict verdict, boolean inProgress) {
        if (verdict == null) {
            return inProgress ? "\u2026" : "\u2013";
        }
        return verdict.passed() ? "\u2713" : "\u2717 " + verdict.why();
    }

    /**
     * A student machine: what the board shows of it. Its checks are those of its latest finished attempt (of the
     * one under way until one has finished), so that a machine trying again keeps its place and its verdicts until
     * the new ones are in: on a projector, rows that jump at every attempt cannot be read.
     */
    public record Row(String address, String name, int attempts, List<Verdict> checks, String firstPass,
                      boolean limited, boolean inProgress) {
        /** True when its latest attempt passed every check. */
        public boolean passing() {
            return checks.stream().allMatch(v -> v != null && v.passed());
        }

        /** True when its latest attempt failed a check, or ended before every check was reached. */
        public boolean failing() {
            return checks.stream().anyMatch(v -> v != null && !v.passed()) || !inProgress && !passing();
        }
    }

    public static final int MAX_MACHINES = 500;
    public static final int RATE_LIMIT = 100;
    /** Connections open at once, across every machine; past it a new one is refused with a line saying so. */
    public static final int MAX_CONNECTIONS = 1_000;
    /** How long a client has for each step: to send its name, to close after the answer. */
    static final long STEP_MILLIS = 10_000;
    /** The timeout exercise: a client must wait a little, then give up within this. */
    static final long WAIT_AT_LEAST_MILLIS = 1_000;
    static final long GIVE_UP_MILLIS = 8_000;
    static final byte[] MESSAGE = "This is socket!".getBytes(StandardCharsets.US_ASCII);

    private final SocketEngine engine;
    private final EventPort port;
    private final Value<Boolean> running = new Value<>(false);
    private final Value<String> status = new Value<>("");
    private final ClassRows rows;
    private final Map<Long, ClassAttempt> attempts = new HashMap<>();
    private Kind kind = Kind.HOMEWORK_CLIENT;
    private TcpServer server;
    private int refused;

    public ClassBoard(SocketEngine engine, EventPort port) {
        this.engine = engine;
        this.port = port;
        this.rows = new ClassRows(port);
    }

    public Value<List<Row>> rows() {
        return rows.rows();
    }

    public Value<Boolean> running() {
        return running;
    }

    public Value<String> status() {
        return status;
    }

    public Kind kind() {
        return kind;
    }

    /** Serves {@code chosen}'s other side at {@code host}:{@code portNumber}; what it checks starts empty. */
    public void start(Kind chosen, String host, int portNumber) {
        stop();
        kind = chosen;
        reset();
        ServerConfig config = ServerConfig.of(Address.inet(host, portNumber)).withBacklog(1024)
                .withMaxClients(MAX_CONNECTIONS).withIdleTimeout(java.time.Duration.ofSeconds(30))
                .withStallTimeout(java.time.Duration.ofSeconds(30));
        if (chosen == Kind.TLS_CLIENT) {
            try {
                config = config.withTls(io.socketworkbench.session.TlsChoice.selfSignedServer().settings());
            } catch (io.socketworkbench.tls.TlsFileException e) {
                status.set(e.getMessage());
                return;
            }
        }
        running.set(true);
        status.set(t("class.status.starting"));
        server = engine.listen(config, port.to(this::onEvent));
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        attempts.values().forEach(a -> a.timer.run());
        attempts.clear();
        if (running.get()) {
            running.set(false);
            status.set(t("class.status.stopped"));
        }
    }

    /** Every row goes; the board goes on serving. */
    public void reset() {
        refused = 0;
        rows.clear();
    }

    private void onEvent(Delivery delivery) {
        SocketEvent event = delivery.event();
        if (server == null) {
            return;
        }
        ClassAttempt attempt = attempts.get(event.source());
        if (attempt != null) {
            onAttempt(attempt, event);
        } else if (event instanceof SocketEvent.Listening listening) {
            status.set(t("class.status.listening", Address.format(listening.local()), kind.id()));
        } else if (event instanceof SocketEvent.Accepted accepted) {
            accepted(accepted.connection(), accepted.remote());
        } else if (event instanceof SocketEvent.AcceptRefused refusal) {
            status.set(t("class.status.busy", refusal.limit(), Address.format(refusal.remote())));
        } else if (event instanceof SocketEvent.Failed failed && event.source() == server.id()) {
            status.set(I18n.error(failed.error()));
            server = null;
            running.set(false);
        }
    }

    /** What one student connection did. */
    private void onAttempt(ClassAttempt attempt, SocketEvent event) {
        if (event instanceof SocketEvent.Secured) {
            secured(attempt);
        } else if (event instanceof SocketEvent.Received received) {
            received(attempt, received.data());
        } else if (event instanceof SocketEvent.PeerFinished) {
            attempt.peerFinished(kind);
            finish(attempt);
        } else if (event instanceof SocketEvent.Closed closed) {
            attempts.remove(attempt.id); // closed already: finish has nothing to close
            attempt.closed(kind, closed.reason(), closed.error());
            finish(attempt);
        }
    }

    private void accepted(long id, SocketAddress remote) {
        String address = remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress()
                : Address.format(remote);
        ClassRows.Machine machine = rows.machine(address, kind.checks().size());
        if (machine == null) {
            refused++;
            server.close(id);
            status.set(t("class.status.full", MAX_MACHINES, refused));
            return;
        }
        // More than RATE_LIMIT connections in any one second: refused until the oldest is a second old.
        if (!machine.begin(System.nanoTime())) {
            server.close(id);
            rows.publish();
            return;
        }
        ClassAttempt attempt = new ClassAttempt(machine, id);
        attempts.put(id, attempt);
        switch (kind) {
            case HOMEWORK_CLIENT -> {
                server.send(id, MESSAGE);
                server.shutdownOutput(id);
                attempt.answered = true;
                attempt.timer = port.schedule(STEP_MILLIS, () -> tooSlow(attempt, 2, "class.why.open"));
            }
            case TIMEOUT_CLIENT -> attempt.timer = port.schedule(GIVE_UP_MILLIS + 2_000,
                    () -> tooSlow(attempt, 2, "class.why.never-gave-up"));
            case CHAT_CLIENT -> attempt.timer = port.schedule(STEP_MILLIS, () -> tooSlow(attempt, 1,
                    "class.why.no-name"));
            case TLS_CLIENT -> attempt.timer = port.schedule(STEP_MILLIS, () -> tooSlow(attempt, 1,
                    "class.why.no-hello"));
        }
        rows.publish();
    }

    /** The TLS client's handshake is done: its message comes next. */
    private void secured(ClassAttempt attempt) {
        attempt.secured = true;
        attempt.timer.run();
        attempt.decide(1, true, "");
        attempt.timer = port.schedule(STEP_MILLIS, () -> tooSlow(attempt, 2, "class.why.no-message"));
        rows.publish();
    }

    /** The TLS client's message came: the board answers as the homework's server and closes its side. */
    private void answer(ClassAttempt attempt) {
        attempt.timer.run();
        attempt.decide(2, true, "");
        server.send(attempt.id, MESSAGE);
        server.shutdownOutput(attempt.id);
        attempt.answered = true;
        attempt.timer = port.schedule(STEP_MILLIS, () -> tooSlow(attempt, 3, "class.why.open"));
        rows.publish();
    }

    private void received(ClassAttempt attempt, byte[] data) {
        if (kind == Kind.TLS_CLIENT && !attempt.answered) {
            answer(attempt);
            return;
        }
        if (kind != Kind.CHAT_CLIENT || attempt.answered) {
            return; // the homework and the timeout's clients have nothing to send; what they do send is not run
        }
        String name = attempt.name(data);
        if (name == null) {
            return;
        }
        attempt.timer.run();
        if (name.isEmpty()) {
            attempt.decide(1, false, t("class.why.empty-name"));
            finish(attempt);
            return;
        }
        attempt.machine.name = name;
        attempt.decide(1, true, "");
        server.send(attempt.id, Exercise.chatAnswer(name));
        server.shutdownOutput(attempt.id);
        attempt.answered = true;
        attempt.timer = port.schedule(STEP_MILLIS, () -> tooSlow(attempt, 2, "class.why.open"));
    }

    private void tooSlow(ClassAttempt attempt, int check, String why) {
        if (attempts.containsKey(attempt.id)) {
            attempt.decide(check, false, t(why, STEP_MILLIS / 1000));
            finish(attempt);
        }
    }

    /** The attempt is over: the connection is closed, what was not reached stays open in the row. */
    private void finish(ClassAttempt attempt) {
        attempt.timer.run();
        if (attempts.remove(attempt.id) != null && server != null) { // still open: the board ends it
            server.close(attempt.id);
        }
        ClassRows.Machine machine = attempt.machine;
        machine.end(attempts.values().stream().anyMatch(a -> a.machine == machine));
        rows.publish();
    }

    /** Text as the board shows it: control and invisible characters as escapes, at most 32 characters. */
    static String visible(String text) {
        String shown = io.socketworkbench.codec.TextCodec.visible(text.strip().replace("\r", ""));
        return shown.length() > 32 ? shown.substring(0, 32) + "\u2026" : shown;
    }

    /** Writes {@link #csv()} to {@code file} off the UI thread; what happened is said on the status line. */
    public java.util.concurrent.CompletableFuture<String> export(java.nio.file.Path file) {
        String text = csv();
        java.util.concurrent.CompletableFuture<String> written = io.socketworkbench.ui.fx.Background.supply(
                "class-board-csv", () -> {
                    try {
                        io.socketworkbench.session.WholeFile.write(file, temp -> java.nio.file.Files.writeString(temp,
                                text, StandardCharsets.UTF_8));
                        return t("grade.exported", file);
                    } catch (java.io.IOException e) {
                        return I18n.error(io.socketworkbench.engine.SocketError.from(e)) + ": " + file;
                    }
                });
        port.when(written, status::set, error -> status.set(I18n.error(error)));
        return written;
    }

    /** The board as CSV: a row a machine, a column a check; as it is now, not as last published. */
    public String csv() {
        return rows.csv(kind);
    }
}
