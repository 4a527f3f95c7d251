package io.socketworkbench.session;

import io.socketworkbench.engine.TlsSettings;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.KeyMaterial;
import io.socketworkbench.tls.Password;
import io.socketworkbench.tls.TlsContexts;
import io.socketworkbench.tls.TlsFileException;
import io.socketworkbench.tls.Verifier;
import java.nio.file.Path;
import java.util.List;

/**
 * A server's TLS, as data: its certificate (PEM, with the key in {@code key} or in the same file, or a PKCS#12
 * file, opened with {@code password} when one was typed; null: this machine's self-signed certificate), whether it
 * asks clients for a certificate, the CA file their certificates are checked against besides the system's store
 * (null: none), and the ALPN protocols it accepts. The server pane's TLS row makes one; the engine's settings are made from it when the server starts.
 */
public record ServerTlsChoice(Path certificate, Path key, ServerTlsChoice.ClientAuth clientAuth, Path clientCa,
                              List<String> alpn, Password password) {
    /** Whether clients are asked for a certificate: Python's CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED. */
    public enum ClientAuth { NONE, REQUEST, REQUIRE }

    /** This machine's self-signed certificate, no client certificates, no ALPN. */
    public static final ServerTlsChoice SELF_SIGNED = new ServerTlsChoice(null, null, null, null, null, null);

    public ServerTlsChoice {
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        alpn = alpn == null ? List.of() : List.copyOf(alpn);
    }

    /** True when the server shows this machine's self-signed certificate. */
    public boolean selfSigned() {
        return certificate == null;
    }

    /** The engine's TLS for a server set up so, with the key it shows; the files are read now. */
    public TlsChoice.Server settings() throws TlsFileException {
        KeyMaterial material = certificate == null ? Certificates.selfSigned(ConfigFolder.tls())
                : Certificates.read(certificate, key, password);
        Verifier verifier = Verifier.trusting(clientCa == null ? List.of() : Certificates.readCertificates(clientCa));
        return new TlsChoice.Server(TlsSettings.server(TlsContexts.context(material, verifier), alpn,
                TlsSettings.ClientAuth.valueOf(clientAuth.name())),
                material, certificate == null ? ConfigFolder.tls().resolve("localhost-cert.pem") : certificate);
    }
}
