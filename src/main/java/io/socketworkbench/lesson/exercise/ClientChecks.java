package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.CLOSE_MS;
import static io.socketworkbench.lesson.exercise.ExerciseRun.GIVE_UP_MS;
import static io.socketworkbench.lesson.exercise.ExerciseRun.MESSAGE;
import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.past;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.lesson.Explanations;
import io.socketworkbench.lesson.Texts;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * The exercises where the student writes a client (the homework's client, the timeout client, the chat client, the
 * TLS client): the app listens at the exercise's address, starts the program, takes the first client that connects
 * and checks what it does.
 */
final class ClientChecks {
    /** How long the chat client has to send its name once it has connected, when the app runs it. */
    private static final long NAME_WAIT_MS = 3_000;

    private final ExerciseRun run;

    ClientChecks(ExerciseRun run) {
        this.run = run;
    }

    void homework() throws IOException {
        serveOneClient(this::homeworkClient);
    }

    void timeout() throws IOException {
        serveOneClient(this::timeoutClient);
    }

    void chat() throws IOException {
        serveOneClient(this::chatClient);
    }

    /** The TLS client: the app serves over TLS with this machine's self-signed certificate. */
    void tls() throws IOException {
        io.socketworkbench.session.TlsChoice.Server server;
        try {
            server = io.socketworkbench.session.TlsChoice.selfSignedServer();
        } catch (io.socketworkbench.tls.TlsFileException e) {
            run.add(Check.fail(t("check.app.title"), e.getMessage(), ""));
            return;
        }
        serveOneClient(new TlsClientChecks(run, this::homeworkClient)::check, server.settings());
    }


    /** Listens at the exercise's address; null (with a failed check) when it cannot. */
    private TcpServer listen(io.socketworkbench.engine.TlsSettings tls) throws IOException {
        Address at = run.setup().at();
        if (at instanceof Address.Unix unix) {
            Files.deleteIfExists(unix.path());
        }
        TcpServer server = run.wire().engine().listen(ServerConfig.of(at).withTls(tls), run.wire());
        SocketAddress local;
        try {
            local = server.started().join();
        } catch (java.util.concurrent.CompletionException e) {
            SocketError error = SocketError.from(e.getCause());
            run.add(Check.fail(t("check.app.listen", Address.format(at)), error.pythonText(),
                    Explanations.explain(error, at, false)));
            return null;
        }
        run.trace().listening(at, local, false);
        return server;
    }

    /** The first client to connect before the wait is over (or the program has ended), or null. */
    private Link acceptOne(TcpServer server) {
        long deadline = deadline(run.setup().patience().toMillis());
        long endedAt = 0;
        while (!past(deadline) && !run.cancelled()) {
            SocketEvent event = run.wire().next(server.id(), Math.min(deadline, deadline(100)));
            if (event instanceof SocketEvent.Accepted accepted) {
                long id = accepted.connection();
                Link link = new Link(id, id, run.wire(), new Link.Ends() {
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
                }, run.trace(), accepted.remote());
                run.trace().accepted(id, accepted.remote(), accepted.local());
                return link;
            }
            if (event == null && run.programEnded()) {
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

    
    /** Reads (and drops) whatever the peer sends until it closes or the deadline passes. */
    private PeerEnd awaitEnd(Link link, long deadline) {
        try {
            while (!past(deadline) && !run.cancelled()) {
                byte[] data = link.read(64 * 1024, Math.min(deadline, deadline(100)));
                if (data == null) {
                    return PeerEnd.FINISHED;
                }
            }
            return PeerEnd.STILL_OPEN;
        } catch (IOException e) {
            link.close(Link.errorOf(e));
            return PeerEnd.RESET;
        }
    }

    private String noClient() {
        if (run.cancelled()) {
            return t("check.connected.stopped", Address.format(run.setup().at()), run.secondsSoFar());
        }
        return t("check.connected.none", Address.format(run.setup().at()), run.setup().patience().toSeconds());
    }

    /** What a check does with the student's client once it has connected. */
    interface Served {
        void with(Link link) throws IOException;
    }

    /**
     * The exercises where the app serves: listens, starts the program, and decides whether a client connected;
     * {@code then} checks the rest with it.
     */
    private void serveOneClient(Served then) throws IOException {
        serveOneClient(then, null);
    }

    /** The same, over TLS when {@code tls} says so. */
    private void serveOneClient(Served then, io.socketworkbench.engine.TlsSettings tls) throws IOException {
        TcpServer server = listen(tls);
        if (server == null) {
            return;
        }
        try {
            if (!run.startProgram()) {
                return;
            }
            String connectedTitle = t("check.connected.title", Address.format(run.setup().at()));
            Link link = acceptOne(server);
            if (link == null) {
                run.add(Check.fail(connectedTitle, noClient(), run.withProgramError(t("check.connected.hint"))));
                return;
            }
            run.add(Check.pass(connectedTitle, t("check.connected.from", Address.format(link.remote()))));
            then.with(link);
        } finally {
            server.stop().orTimeout(CLOSE_MS, TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
            run.trace().stopped();
        }
    }

    private void homeworkClient(Link link) throws IOException {
        answered(link, MESSAGE, "This is socket!");
    }

    /**
     * The chat client: it sends its name as one line, the app answers {@link Exercise#chatAnswer}, and then the
     * homework's checks follow with that answer (read it all, print it, close).
     */
    private void chatClient(Link link) throws IOException {
        String title = t("check.chat-client.name.title");
        long wait = run.setup().runs() ? NAME_WAIT_MS : run.setup().patience().toMillis();
        long deadline = deadline(wait);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        boolean ended = false;
        try {
            while (!past(deadline) && !run.cancelled() && line.size() < Exercise.LONGEST_NAME
                    && line.toString(java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\n') < 0) {
                byte[] data = link.read(Exercise.LONGEST_NAME - line.size(), Math.min(deadline, deadline(100)));
                if (data == null) {
                    ended = true;
                    break;
                }
                line.writeBytes(data);
            }
        } catch (Link.Broken e) {
            link.close(e.error);
            run.add(Check.fail(title, e.error.pythonText(), run.withProgramError(t("check.chat-client.hint.send"))));
            return;
        }
        byte[] sent = line.toByteArray();
        String text = line.toString(java.nio.charset.StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String name = (end < 0 ? text : text.substring(0, end)).strip();
        String seen = PythonBytes.head(sent, 48);
        String problem = null;
        String hint = t("check.chat-client.hint.line");
        if (sent.length == 0) {
            problem = ended ? t("check.chat-client.name.closed") : t("check.chat-client.name.none", wait / 1000);
            hint = ended ? run.withProgramError(t("check.chat-client.hint.send")) : t("check.chat-client.hint.first");
        } else if (end < 0 && sent.length < Exercise.LONGEST_NAME) {
            problem = t("check.chat-client.name.no-end", seen, wait / 1000);
        } else if (end < 0) {
            problem = t("check.chat-client.name.long", Exercise.LONGEST_NAME);
        } else if (name.isEmpty()) {
            problem = t("check.chat-client.name.empty", seen);
            hint = t("check.chat-client.hint.empty");
        }
        if (problem != null) {
            link.close(null);
            run.add(Check.fail(title, problem, hint));
            return;
        }
        run.add(Check.pass(title, t("check.chat-client.name.yes", seen)));
        byte[] answer = Exercise.chatAnswer(name);
        answered(link, answer, "Hello, " + name);
    }

    /**
     * Sends {@code message}, closes the app's side, and checks that the client read it all, printed it (a line
     * of its output holds {@code printedPart}) and closed.
     */
    private void answered(Link link, byte[] message, String printedPart) throws IOException {
        link.write(message, deadline(2_000));
        link.shutdownOutput();
        long closeWait = run.setup().runs() ? run.setup().patience().toMillis() : CLOSE_MS + 2_000;
        PeerEnd end = awaitEnd(link, deadline(closeWait));
        if (end != PeerEnd.RESET) {
            link.close(null);
        }
        boolean exited = run.setup().runs() && run.awaitExit(deadline(CLOSE_MS));
        String printed = run.setup().runs() ? run.program().stdout() : "";
        boolean printedAll = printed.contains(printedPart);
        String receivedTitle = t("check.homework-client.received.title", message.length);
        if (end == PeerEnd.RESET) {
            run.add(Check.fail(receivedTitle, t("check.homework-client.received.reset"),
                    t("check.homework-client.received.hint")));
        } else if (end == PeerEnd.FINISHED) {
            run.add(Check.pass(receivedTitle, t("check.homework-client.received.yes")));
        } else if (printedAll) {
            run.add(Check.pass(receivedTitle, t("check.homework-client.received.printed")));
        } else {
            run.add(Check.fail(receivedTitle, t("check.homework-client.received.unknown"),
                    t("check.homework-client.received.hint")));
        }
        if (run.setup().runs()) {
            String printedTitle = t("check.homework-client.printed.title");
            if (printedAll) {
                run.add(Check.pass(printedTitle, firstLineWith(printed, printedPart)));
            } else {
                String seen = printed.isBlank() ? t("check.homework-client.printed.nothing")
                        : t("check.homework-client.printed.other", firstLine(printed));
                String hint = printed.contains(printedPart.substring(0, 4)) ? t("check.homework-client.received.hint")
                        : t("check.homework-client.printed.hint");
                run.add(Check.fail(printedTitle, seen, run.withProgramError(hint)));
            }
        }
        String closedTitle = t("check.homework-client.closed.title");
        if (end == PeerEnd.STILL_OPEN) {
            run.add(Check.fail(closedTitle, t("check.closed.not", closeWait / 1000),
                    t("check.homework-client.closed.hint")));
        } else if (run.setup().runs() && !exited) {
            run.add(Check.fail(closedTitle, t("check.exited.not", CLOSE_MS / 1000),
                    t("check.homework-client.closed.hint")));
        } else {
            run.add(Check.pass(closedTitle, end == PeerEnd.RESET ? t("check.closed.reset") : t("check.closed.yes")));
        }
    }

    private void timeoutClient(Link link) throws IOException {
        long since = System.nanoTime();
        PeerEnd end = awaitEnd(link, deadline(GIVE_UP_MS));
        double took = (System.nanoTime() - since) / 1e9;
        if (end != PeerEnd.RESET) {
            link.close(null);
        }
        String gaveUpTitle = t("check.timeout-client.gave-up.title", GIVE_UP_MS / 1000);
        boolean exited = run.setup().runs() && end != PeerEnd.STILL_OPEN && run.awaitExit(deadline(CLOSE_MS));
        String output = run.setup().runs() ? run.program().allOutput() : "";
        String saidLine = timeoutLine(output);
        if (end == PeerEnd.STILL_OPEN) {
            run.add(Check.fail(gaveUpTitle, t("check.timeout-client.gave-up.not", GIVE_UP_MS / 1000),
                    saidLine.isEmpty() ? t("check.timeout-client.gave-up.hint")
                            : t("check.timeout-client.exited.hint")));
        } else {
            run.add(Check.pass(gaveUpTitle, t("check.timeout-client.gave-up.after",
                    String.format(Texts.locale(), "%.1f", took))));
        }
        if (run.setup().runs()) {
            String saidTitle = t("check.timeout-client.said.title");
            if (!saidLine.isEmpty()) {
                run.add(Check.pass(saidTitle, saidLine));
            } else {
                run.add(Check.fail(saidTitle, output.isBlank() ? t("check.homework-client.printed.nothing")
                        : t("check.homework-client.printed.other", firstLine(output)),
                        t("check.timeout-client.said.hint")));
            }
            String exitedTitle = t("check.timeout-client.exited.title");
            if (exited) {
                run.add(Check.pass(exitedTitle, t("check.exited.code", run.program().exitCode())));
            } else {
                run.add(Check.fail(exitedTitle, end == PeerEnd.STILL_OPEN
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
}
