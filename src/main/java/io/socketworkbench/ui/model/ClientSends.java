package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.fx.EventPort;

/**
 * What a client tab writes: the user's sends (to the connected server, or for UDP to the target the form gives) and
 * files. Each shows in the transcript pending until the engine wrote it, or refused, and goes to the traffic log
 * and the lesson once written.
 */
final class ClientSends {
    private final EventPort port;
    private final Transcript transcript;
    private final Lesson lesson;
    private final TrafficLog trafficLog;

    ClientSends(EventPort port, Transcript transcript, Lesson lesson, TrafficLog trafficLog) {
        this.port = port;
        this.transcript = transcript;
        this.lesson = lesson;
        this.trafficLog = trafficLog;
    }

    /** See {@link ClientSession#send}; {@code tcp} or {@code udp} is the tab's socket, {@code peer} its server. */
    String send(TcpClient tcp, UdpEndpoint udp, String peer, byte[] data, Address udpTarget) {
        if (udp != null) {
            if (udpTarget == null) {
                return t("port.invalid");
            }
            trafficLog.userSent(Address.format(udpTarget), data);
            transcript.showSend(port, () -> udp.send(udpTarget, data), data, Address.format(udpTarget),
                    n -> lesson.sentDatagram(Lesson.Side.CLIENT, data, udpTarget), reason -> { });
            return null;
        }
        if (!connected(tcp)) {
            return t("input.notConnected");
        }
        long id = tcp.id();
        trafficLog.userSent(peer, data);
        transcript.showSend(port, () -> tcp.send(data), data, peer, n -> lesson.sent(Lesson.Side.CLIENT, id, data),
                reason -> { });
        return null;
    }

    /** See {@link ClientSession#fileTarget}. */
    FileTarget fileTarget(TcpClient tcp, UdpEndpoint udp, String peer) {
        if (udp != null) {
            return FileTarget.refused(t("input.file.udp"));
        }
        if (!connected(tcp)) {
            return FileTarget.refused(t("input.notConnected"));
        }
        return FileTarget.to(peer, tcp::send);
    }

    private static boolean connected(TcpClient tcp) {
        return tcp != null && tcp.connected().isDone() && !tcp.connected().isCompletedExceptionally();
    }
}
