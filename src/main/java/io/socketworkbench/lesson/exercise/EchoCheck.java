package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.bytes;
import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.past;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The echo server check, over TCP or AF_UNIX: three clients at once each send 1 MiB of random bytes in pieces of
 * random size and compare what comes back. No client closes before all three have their bytes back, so a server
 * that serves one client at a time is caught: the others never get an answer. Then each client shuts down its
 * sending side, and the server must close in turn.
 */
final class EchoCheck {
    private final ExerciseRun run;

    EchoCheck(ExerciseRun run) {
        this.run = run;
    }

    /** One of the app's clients. */
    private static final class Client {
        final int number;
        final Link link;
        final byte[] payload;
        int sent;
        int echoed;
        /** Where the echo first differed from what was sent, or -1. */
        int mismatch = -1;
        boolean ended;
        SocketError error;
        boolean closedAfterFinish;
        /** Reading pauses until then (System.nanoTime), so that the server's sends meet a full buffer. */
        long pausedUntil;
        int pauses;
        boolean held;
        /** The piece on its way, from {@code pieceFrom} to {@code sent}; the next is sent once it is out. */
        CompletableFuture<Integer> piece;
        int pieceFrom;

        Client(int number, Link link, byte[] payload) {
            this.number = number;
            this.link = link;
            this.payload = payload;
        }

        boolean complete() {
            return echoed == payload.length && mismatch < 0;
        }
    }

    /**
     * Each client stops reading for a moment after every quarter of its bytes: a real client is not always
     * ready, and a server that uses send() where it needs sendall() then meets a full buffer and loses bytes.
     */
    private static final int PAUSE_EVERY = ExerciseRun.ECHO_BYTES / 4;
    private static final long PAUSE_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(300);

    void run() throws IOException {
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < ExerciseRun.ECHO_CLIENTS && !run.cancelled(); i++) {
                long wait = i == 0 ? run.setup().patience().toMillis() : 2_000;
                Link link = run.connect(deadline(wait), true);
                if (link == null) {
                    break;
                }
                byte[] payload = new byte[ExerciseRun.ECHO_BYTES];
                run.random().nextBytes(payload);
                clients.add(new Client(i + 1, link, payload));
            }
            if (clients.isEmpty()) {
                run.nobodyListened();
                return;
            }
            run.add(Check.pass(t("check.listens.title", Address.format(run.setup().at())), t("check.listens.yes")));
            exchange(clients);
            judge(clients);
        } finally {
            for (Client client : clients) {
                client.link.close(client.error);
            }
        }
    }

    /** Sends and reads on all clients until every echo is complete, or nothing has come for a while. */
    private void exchange(List<Client> clients) {
        long lastProgress = System.nanoTime();
        while (!run.cancelled()) {
            boolean allDone = clients.stream().allMatch(c -> c.complete() || c.ended || c.mismatch >= 0);
            if (allDone || (System.nanoTime() - lastProgress) / 1_000_000 > ExerciseRun.ECHO_STALL_MS) {
                break;
            }
            boolean moved = false;
            for (Client client : clients) {
                if (client.ended) {
                    continue;
                }
                try {
                    moved |= send(client);
                    if (receive(client)) {
                        moved = true;
                        lastProgress = System.nanoTime();
                    }
                } catch (IOException e) {
                    client.ended = true;
                    client.error = Link.errorOf(e);
                }
            }
            if (!moved) {
                run.wire().awaitAny(20);
            }
        }
        for (Client client : clients) {
            client.link.holdReading(false);
        }
        // The clients that got everything say they are done; a good server then closes its end too.
        for (Client client : clients) {
            if (client.complete() && !client.ended) {
                client.link.shutdownOutput();
            }
        }
        long deadline = deadline(ExerciseRun.CLOSE_MS);
        for (Client client : clients) {
            if (client.complete() && !client.ended) {
                try {
                    while (!past(deadline) && !run.cancelled()) {
                        byte[] data = client.link.read(64 * 1024, deadline);
                        if (data == null) {
                            client.closedAfterFinish = true;
                            break;
                        }
                    }
                } catch (IOException e) {
                    client.error = Link.errorOf(e);
                    client.closedAfterFinish = true;
                }
            }
        }
    }

    /**
     * One piece of random size at a time, the next once the last is out, as a client writes what the socket
     * takes; true when a piece went.
     */
    private boolean send(Client client) throws IOException {
        boolean moved = false;
        if (client.piece != null && client.piece.isDone()) {
            if (client.piece.isCompletedExceptionally()) {
                throw new Link.Broken(SocketError.from(client.piece.handle((n, e) -> e).join()));
            }
            run.trace().sent(client.link.id, Arrays.copyOfRange(client.payload, client.pieceFrom, client.sent));
            client.piece = null;
            moved = true;
        }
        if (client.piece == null && client.sent < client.payload.length) {
            int length = Math.min(1 + run.random().nextInt(64 * 1024), client.payload.length - client.sent);
            client.pieceFrom = client.sent;
            client.sent += length;
            client.piece = client.link.send(Arrays.copyOfRange(client.payload, client.pieceFrom, client.sent));
        }
        return moved;
    }

    /**
     * Takes what came back, unless the client is pausing: then the engine holds its reading, so that the
     * server's sends meet a full buffer. True when bytes came.
     */
    private boolean receive(Client client) throws IOException {
        boolean paused = System.nanoTime() - client.pausedUntil < 0;
        if (paused != client.held) {
            client.held = paused;
            client.link.holdReading(paused);
        }
        if (paused) {
            return false;
        }
        byte[] data = client.link.read(64 * 1024, System.nanoTime());
        if (data == null) {
            client.ended = true;
            return false;
        }
        if (data.length == 0) {
            return false;
        }
        compare(client, data);
        if (client.echoed >= (client.pauses + 1) * PAUSE_EVERY) {
            client.pauses++;
            client.pausedUntil = System.nanoTime() + PAUSE_NANOS;
        }
        return true;
    }

    private static void compare(Client client, byte[] data) {
        if (client.mismatch >= 0) {
            client.echoed += data.length;
            return;
        }
        for (int i = 0; i < data.length; i++) {
            int at = client.echoed + i;
            if (at >= client.payload.length || client.payload[at] != data[i]) {
                client.mismatch = at;
                break;
            }
        }
        client.echoed += data.length;
    }

    private void judge(List<Client> clients) {
        String total = bytes(ExerciseRun.ECHO_BYTES);
        // Served at once: every client got an answer while all were connected.
        String atOnceTitle = t("check.echo.at-once.title", ExerciseRun.ECHO_CLIENTS);
        long answered = clients.stream().filter(c -> c.echoed > 0 || c.ended).count();
        if (clients.size() < ExerciseRun.ECHO_CLIENTS) {
            run.add(Check.fail(atOnceTitle, t("check.echo.at-once.refused", clients.size() + 1),
                    run.withProgramError(t("check.echo.at-once.hint"))));
        } else if (answered == clients.size()) {
            run.add(Check.pass(atOnceTitle, t("check.echo.at-once.yes", clients.size())));
        } else if (answered == 0) {
            run.add(Check.fail(atOnceTitle, t("check.echo.nothing"),
                    run.withProgramError(t("check.echo.nothing.hint"))));
        } else {
            run.add(Check.fail(atOnceTitle, t("check.echo.at-once.not", answered, clients.size()),
                    t("check.echo.at-once.hint")));
        }
        String everyTitle = t("check.echo.every.title", total);
        Client bad = clients.stream().filter(c -> !c.complete()).findFirst().orElse(null);
        if (bad == null && clients.size() == ExerciseRun.ECHO_CLIENTS) {
            run.add(Check.pass(everyTitle, t("check.echo.every.yes", clients.size(), total)));
        } else if (bad == null) {
            run.add(Check.fail(everyTitle, t("check.echo.every.some", clients.size(), total),
                    t("check.echo.at-once.hint")));
        } else if (bad.echoed == 0 && !bad.ended && answered == 0) {
            run.add(Check.fail(everyTitle, t("check.echo.nothing"), t("check.echo.nothing.hint")));
        } else if (bad.mismatch >= 0) {
            run.add(Check.fail(everyTitle, t("check.echo.every.differ", bad.number, bytes(bad.mismatch)),
                    t("check.echo.sendall.hint")));
        } else if (bad.ended) {
            String how = bad.error != null ? bad.error.pythonText() : t("check.echo.every.eof");
            run.add(Check.fail(everyTitle, t("check.echo.every.ended", bad.number, bytes(bad.echoed), total, how),
                    t("check.echo.recv-loop.hint")));
        } else if (bad.echoed > 0) {
            run.add(Check.fail(everyTitle, t("check.echo.every.stopped", bad.number, bytes(bad.echoed), total,
                    ExerciseRun.ECHO_STALL_MS / 1000), t("check.echo.sendall.hint")));
        } else {
            run.add(Check.fail(everyTitle, t("check.echo.every.none", bad.number), t("check.echo.at-once.hint")));
        }
        if (clients.stream().allMatch(Client::complete) && clients.size() == ExerciseRun.ECHO_CLIENTS) {
            String closesTitle = t("check.echo.closes.title");
            if (clients.stream().allMatch(c -> c.closedAfterFinish)) {
                run.add(Check.pass(closesTitle, t("check.closed.yes")));
            } else {
                run.add(Check.fail(closesTitle, t("check.closed.not", ExerciseRun.CLOSE_MS / 1000),
                        t("check.echo.closes.hint")));
            }
        }
    }
}
