package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.TlsChoice;
import io.socketworkbench.tls.CertificateNames;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.TlsFileException;
import io.socketworkbench.ui.fx.Delivery;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The server pane's TLS, as a view model: the certificate it shows (this machine's self-signed one: where its file
 * is, the names it is for, its SHA-256 fingerprint, which clients need to trust it), then what each client's
 * handshake agreed, as transcript events. No JavaFX.
 */
public final class ServerTls {
    private final Transcript transcript;
    private final io.socketworkbench.lesson.Lesson lesson;
    private final WireTotals wire;
    private final Value<String> info = new Value<>(null);
    private final Map<Long, String> peers = new HashMap<>();
    private String certificate = "";

    ServerTls(Transcript transcript, io.socketworkbench.lesson.Lesson lesson, TrafficStats stats) {
        this.transcript = transcript;
        this.lesson = lesson;
        this.wire = new WireTotals(stats);
    }

    /** The pane's TLS line; null when the server has no TLS. */
    public Value<String> info() {
        return info;
    }

    /** Listens as {@code setup} says, over TLS when it asks for it; null, told to {@code failed}, when it cannot. */
    TcpServer listen(SocketEngine engine, ServerSetup setup, SocketListener listener, Consumer<String> failed) {
        peers.clear();
        if (setup.tls() == null) {
            info.set(null);
            return engine.listen(setup.tcpConfig(), listener);
        }
        try {
            TlsChoice.Server tls = setup.tls().settings();
            certificate = setup.tls().selfSigned() ? t("tls.server.certificate", tls.certificateFile(),
                    String.join(", ", Certificates.LOCAL_NAMES), tls.fingerprint())
                    : t("tls.server.given", tls.certificateFile(), String.join(", ", CertificateNames.names(
                            tls.key().leaf())), tls.fingerprint());
            info.set(certificate);
            return engine.listen(setup.tcpConfig().withTls(tls.settings()), listener);
        } catch (TlsFileException e) {
            String problem = t("tls.certificate.bad", e.file(), t("tls.file." + e.reason().key()));
            info.set(problem);
            transcript.add(Message.error(problem));
            failed.accept(problem);
            return null;
        }
    }

    /** Hears each client's handshake before {@code next} hears each event. */
    Consumer<Delivery> watching(Consumer<Delivery> next) {
        return delivery -> {
            SocketEvent event = delivery.event();
            if (event instanceof SocketEvent.Accepted accepted) {
                peers.put(accepted.connection(), Address.format(accepted.remote()));
            } else if (event instanceof SocketEvent.Secured secured) {
                String peer = peers.getOrDefault(secured.source(), "?");
                transcript.add(Message.event(t("event.tls.client", peer, secured.info().summary())));
                info.set(certificate + "\n" + t("tls.server.last", peer, ClientTls.describe(secured.info(), true)));
                lesson.secured(io.socketworkbench.lesson.Lesson.Side.SERVER, secured.source(), secured.info());
            } else if (event instanceof SocketEvent.Wire counted) {
                wire.said(counted.source(), counted.read(), counted.written());
            } else if (event instanceof SocketEvent.Closed closed) {
                peers.remove(closed.source());
                wire.ended(closed.source());
            }
            next.accept(delivery);
        };
    }
}
