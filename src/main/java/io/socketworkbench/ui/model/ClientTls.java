package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.CheckedCertificate;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.TlsInfo;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.TlsChoice;
import io.socketworkbench.tls.CertificateNames;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.TlsFileException;
import io.socketworkbench.ui.fx.Delivery;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A client tab's TLS, as a view model: the pane's TLS line (what the handshake agreed, then the server's
 * certificate chain, each certificate with its verdict), and the handshake as a transcript event. What it shows
 * comes from the engine's {@link SocketEvent.Secured}, never from the form. No JavaFX.
 */
public final class ClientTls {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final Transcript transcript;
    private final Lesson lesson;
    private final WireTotals wire;
    private final Value<String> info = new Value<>(null);
    private final Value<Boolean> unchecked = new Value<>(false);
    private TlsChoice choice;
    /** A TLS connection is under way and its handshake has not finished. */
    private boolean handshaking;

    ClientTls(Transcript transcript, Lesson lesson, TrafficStats stats) {
        this.transcript = transcript;
        this.lesson = lesson;
        this.wire = new WireTotals(stats);
    }

    /** The pane's TLS line; null when the tab's socket has no TLS. */
    public Value<String> info() {
        return info;
    }

    /** True while the connection's certificate is not checked ("do not verify"): the pane says so in red. */
    public Value<Boolean> unchecked() {
        return unchecked;
    }

    /**
     * Connects as {@code setup} says, over TLS when it asks for it; null, said in the transcript and in
     * {@code status}, when its CA file cannot be read.
     */
    TcpClient connect(SocketEngine engine, ClientSetup setup, SocketListener listener, Value<String> status) {
        choice = setup.tls();
        unchecked.set(choice != null && !choice.verify());
        if (choice == null) {
            info.set(null);
            return engine.connect(setup.tcpConfig(), listener);
        }
        try {
            var settings = choice.clientSettings();
            info.set(t("tls.handshaking"));
            handshaking = true;
            return engine.connect(setup.tcpConfig().withTls(settings), listener);
        } catch (TlsFileException e) {
            String problem = t(e.file().equals(choice.caFile()) ? "tls.caFile.bad" : "tls.certificate.bad", e.file(),
                    t("tls.file." + e.reason().key()));
            info.set(problem);
            transcript.add(Message.error(problem));
            status.set(problem);
            return null;
        }
    }

    /** Hears the handshake's end before {@code next} hears each event. */
    Consumer<Delivery> watching(Consumer<Delivery> next) {
        return delivery -> {
            if (delivery.event() instanceof SocketEvent.Wire counted) {
                wire.said(counted.source(), counted.read(), counted.written());
            } else if (delivery.event() instanceof SocketEvent.Closed closed) {
                wire.ended(closed.source());
            }
            if (delivery.event() instanceof SocketEvent.Secured secured) {
                transcript.add(Message.event(t("event.tls", secured.info().summary())));
                info.set(describe(secured.info(), choice == null || choice.verify()));
                handshaking = false;
                lesson.secured(Lesson.Side.CLIENT, secured.source(), secured.info());
            } else if (handshaking && (delivery.event() instanceof SocketEvent.Closed
                    || delivery.event() instanceof SocketEvent.Failed)) {
                handshaking = false;
                SocketError error = delivery.event() instanceof SocketEvent.Closed closed ? closed.error()
                        : ((SocketEvent.Failed) delivery.event()).error();
                // a refused certificate: the chain, each with what was wrong; else the transcript says why
                info.set(error == null || error.chain().isEmpty() ? t("tls.noHandshake") : refused(error));
            }
            next.accept(delivery);
        };
    }

    /** The chain of a server whose certificate was refused, each certificate with what was wrong with it. */
    static String refused(SocketError error) {
        StringBuilder text = new StringBuilder(t("tls.refused"));
        List<CheckedCertificate> chain = error.chain();
        for (int i = 0; i < chain.size(); i++) {
            List<String> flaws = new ArrayList<>();
            for (CheckedCertificate.Flaw flaw : chain.get(i).flaws()) {
                flaws.add(t("tls.flaw." + flaw.name().toLowerCase(Locale.ROOT)));
            }
            text.append('\n').append(line(i, chain.get(i).certificate(),
                    flaws.isEmpty() ? t("tls.flaw.none") : String.join(t("tls.flaw.and"), flaws)));
        }
        return text.toString();
    }

    private static String line(int i, X509Certificate c, String verdict) {
        return t(i == 0 ? "tls.leaf" : "tls.chain", c.getSubjectX500Principal().getName(),
                c.getIssuerX500Principal().getName(), String.join(", ", CertificateNames.names(c)),
                DAY.format(c.getNotBefore().toInstant()), DAY.format(c.getNotAfter().toInstant()),
                Certificates.fingerprint(c), verdict);
    }

    /** What the handshake agreed, then the peer's chain, leaf first, each certificate with its verdict. */
    static String describe(TlsInfo tls, boolean verified) {
        StringBuilder text = new StringBuilder(t("tls.agreed", tls.protocol(), tls.cipherSuite()));
        if (tls.alpn() != null) {
            text.append(t("tls.alpn", tls.alpn()));
        }
        if (tls.sni() != null) {
            text.append(t("tls.sni", tls.sni()));
        }
        List<X509Certificate> chain = tls.peerChain();
        for (int i = 0; i < chain.size(); i++) {
            text.append('\n').append(line(i, chain.get(i), t(verified ? "tls.verdict.ok" : "tls.verdict.unchecked")));
        }
        return text.toString();
    }
}
