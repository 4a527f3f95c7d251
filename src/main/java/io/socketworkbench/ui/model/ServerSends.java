package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketFailure;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.session.ReplyMode;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.ui.fx.EventPort;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the server pane writes: the user's sends (to one client, to all, or for UDP to the last sender), files, and
 * the rules' replies. Each shows in the transcript pending until the engine wrote it, or refused with its reason,
 * and goes to the traffic log and the lesson once written.
 */
final class ServerSends {
    private final ServerSession session;
    private final EventPort port;
    private final Transcript transcript;
    private final Lesson lesson;
    private final TrafficLog trafficLog;
    private final Feed<String> log;
    private final Clients clients;
    private final ReplyRules rules;

    ServerSends(ServerSession session, EventPort port, Transcript transcript, Lesson lesson, TrafficLog trafficLog,
                Feed<String> log, Clients clients, ReplyRules rules) {
        this.session = session;
        this.port = port;
        this.transcript = transcript;
        this.lesson = lesson;
        this.trafficLog = trafficLog;
        this.log = log;
        this.clients = clients;
        this.rules = rules;
    }

    /** The first matching rule answers {@code message} (from a client, or a datagram's sender), after its delay. */
    void answer(byte[] message, long connection, SocketAddress datagramFrom) {
        ServerSetup current = session.current();
        if (current == null || current.reply() != ReplyMode.RULES) {
            return;
        }
        rules.answer(message, rules.charset()).ifPresent(answer -> {
            Runnable reply = () -> replyWith(answer.bytes(), connection, datagramFrom);
            if (answer.rule().delayMillis() > 0) {
                port.schedule(answer.rule().delayMillis(), reply);
            } else {
                reply.run();
            }
        });
    }

    private void replyWith(byte[] data, long connection, SocketAddress datagramFrom) {
        UdpEndpoint udp = session.udp();
        if (udp != null && datagramFrom != null) {
            trafficLog.userSent(Address.format(datagramFrom) + " (rule)", data);
            transcript.showSend(port, () -> udp.send(datagramFrom, data), data, Address.format(datagramFrom),
                    n -> lesson.sentDatagram(Lesson.Side.SERVER, data, datagramFrom), this::logRefused);
            log.publish(t("log.ruleReplied", Address.format(datagramFrom), data.length));
            return;
        }
        TcpServer tcp = session.tcp();
        String remote = clients.remoteOf(connection);
        if (tcp == null || remote == null) {
            return; // the client left before the delay ended
        }
        trafficLog.userSent(remote + " (rule)", data);
        transcript.showSend(port, () -> tcp.send(connection, data), data, remote,
                n -> lesson.sent(Lesson.Side.SERVER, connection, data), this::logRefused);
        log.publish(t("log.ruleReplied", remote, data.length));
    }

    /** See {@link ServerSession#send}. */
    String send(byte[] data, long target) {
        UdpEndpoint udp = session.udp();
        if (udp != null) {
            SocketAddress to = session.lastDatagramSender();
            if (to == null) {
                return t("input.noSender");
            }
            trafficLog.userSent(Address.format(to), data);
            transcript.showSend(port, () -> udp.send(to, data), data, Address.format(to),
                    n -> lesson.sentDatagram(Lesson.Side.SERVER, data, to), this::logRefused);
            return null;
        }
        TcpServer tcp = session.tcp();
        if (tcp == null || clients.count() == 0) {
            return t("input.notConnected");
        }
        if (target == ServerSession.ALL) {
            trafficLog.userSent(t("server.allClients"), data);
            transcript.showSend(port, () -> reachingSomebody(tcp.broadcast(data)), data, t("server.allClients"),
                    ids -> ids.forEach(id -> lesson.sent(Lesson.Side.SERVER, id, data)), this::logRefused);
        } else {
            String remote = clients.remoteOf(target);
            if (remote == null) {
                return t("input.notConnected");
            }
            trafficLog.userSent(remote, data);
            transcript.showSend(port, () -> tcp.send(target, data), data, remote,
                    n -> lesson.sent(Lesson.Side.SERVER, target, data), this::logRefused);
        }
        return null;
    }

    /** See {@link ServerSession#fileTarget}. */
    FileTarget fileTarget(long target) {
        if (session.udp() != null) {
            return FileTarget.refused(t("input.file.udp"));
        }
        TcpServer server = session.tcp();
        if (server == null || clients.count() == 0) {
            return FileTarget.refused(t("input.notConnected"));
        }
        if (target == ServerSession.ALL) {
            return FileTarget.to(t("server.allClients"), data -> reachingSomebody(server.broadcast(data)));
        }
        String remote = clients.remoteOf(target);
        if (remote == null) {
            return FileTarget.refused(t("input.notConnected"));
        }
        return FileTarget.to(remote, data -> server.send(target, data));
    }

    /** A broadcast that reached nobody (every client left meanwhile) was not sent. */
    private static CompletableFuture<List<Long>> reachingSomebody(CompletableFuture<List<Long>> broadcast) {
        return broadcast.thenApply(ids -> {
            if (ids.isEmpty()) {
                throw new SocketFailure(SocketError.of(ErrorKind.NOT_CONNECTED));
            }
            return ids;
        });
    }

    private void logRefused(String reason) {
        log.publish(t("log.failed", t("transcript.refused", reason)));
    }
}
