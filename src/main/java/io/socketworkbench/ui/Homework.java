package io.socketworkbench.ui;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.ui.client.ClientPane;
import io.socketworkbench.ui.server.ServerPane;

/** Examples → Homework (contract 4): the seed's server in the server pane, and the client pane connecting to it. */
final class Homework {
    private Homework() {
    }

    /**
     * The homework on {@code port}. If the server cannot start because the port is in use: another program there
     * (say, the seed's server.py) gets the client, as the homework's client would find it; a port that only lingers
     * in TIME_WAIT from an earlier server has nobody to connect to, so the client waits and the server pane says
     * why, when it frees, and offers Retry ({@code retry}) or the next port ({@code nextPort}).
     */
    static void run(ServerPane server, ClientPane client, int port, Runnable retry, Runnable nextPort) {
        server.form().set(io.socketworkbench.ui.model.Protocol.TCP, "127.0.0.1", port);
        server.setReply(ReplyMode.GREET_CLOSE, "This is socket!");
        server.setBacklog(5);
        // The tutorial's listen(5) is for this start only: a later Start gets the form's own backlog back.
        server.whenListening(server::restoreBacklog);
        client.form().set(io.socketworkbench.ui.model.Protocol.TCP, "127.0.0.1", port);
        server.whenListening(() -> {
            var failure = server.startFailure();
            if (failure == null) {
                client.open();
                return;
            }
            server.whyInUse(lingering -> {
                if (lingering) {
                    server.offer(t("homework.timeWait", Integer.toString(port)),
                            java.util.List.of(new String[] {"server-retry", t("homework.retry")},
                                    new String[] {"server-other-port", t("homework.otherPort",
                                            Integer.toString(port + 1))}),
                            java.util.List.of(retry, nextPort));
                } else {
                    server.offer(t("homework.taken", Integer.toString(port)), java.util.List.of(),
                            java.util.List.of());
                    client.open();
                }
            });
        });
        server.startServer();
    }
}
