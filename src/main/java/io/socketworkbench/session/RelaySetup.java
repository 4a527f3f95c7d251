package io.socketworkbench.session;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.RelayConfig;
import io.socketworkbench.engine.TlsSettings;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.KeyMaterial;
import io.socketworkbench.tls.TlsContexts;
import io.socketworkbench.tls.TlsFileException;
import io.socketworkbench.tls.Verifier;
import java.util.List;

/**
 * A relay, as data: the port it listens on (on 127.0.0.1), the target it forwards each client to, whether it speaks
 * TLS to its clients (with this machine's self-signed certificate, which they trust as their CA: TLS termination,
 * so the relay sees the plaintext), and whether it speaks TLS to the target, checking its certificate (against the
 * system's store and this machine's own certificate, so a relay to this app's own TLS server verifies) or not.
 */
public record RelaySetup(int port, String host, int targetPort, boolean tls, boolean toTls, boolean verifyTarget) {

    public RelaySetup {
        host = host == null ? "" : host.strip();
    }

    /** A plain relay from {@code port} to {@code host}:{@code targetPort}. */
    public static RelaySetup plain(int port, String host, int targetPort) {
        return new RelaySetup(port, host, targetPort, false, false, true);
    }

    public Address listen() {
        return Address.inet("127.0.0.1", port);
    }

    public Address target() {
        return Address.inet(host, targetPort);
    }

    /** The engine's relay as set up here; the certificates are read (or this machine's made) now. */
    public RelayConfig config() throws TlsFileException {
        RelayConfig plain = RelayConfig.of(listen(), target());
        KeyMaterial own = tls || (toTls && verifyTarget) ? Certificates.selfSigned(ConfigFolder.tls()) : null;
        TlsSettings listening = tls ? TlsSettings.server(TlsContexts.context(own, Verifier.trusting(List.of())),
                null, TlsSettings.ClientAuth.NONE) : null;
        TlsSettings upstream = null;
        if (toTls) {
            Verifier verifier = verifyTarget ? Verifier.trusting(List.of(own.leaf())) : Verifier.insecure();
            upstream = TlsSettings.client(TlsContexts.context(null, verifier), null, verifyTarget, null);
        }
        return new RelayConfig(plain.listen().withTls(listening), plain.target(),
                plain.upstream().withTls(upstream));
    }
}
