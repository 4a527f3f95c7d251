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
 * A client's TLS, as data: the CA file it trusts besides the system's store (null: none), the server name it
 * sends and checks (null: the host connected to), whether it checks the certificate at all, the ALPN protocols it
 * offers, and the certificate it shows a server that asks for one (PEM with its key in {@code key} or in the same
 * file, or PKCS#12, opened with {@code password} when one was typed; null: none). The window's TLS row makes one; the engine's settings are made from it when
 * connecting.
 */
public record TlsChoice(Path caFile, String serverName, boolean verify, List<String> alpn, Path certificate,
                        Path key, Password password) {
    public static final TlsChoice DEFAULT = new TlsChoice(null, null, true, List.of(), null, null, null);

    public TlsChoice {
        serverName = serverName == null || serverName.isBlank() ? null : serverName.strip();
        alpn = alpn == null ? List.of() : List.copyOf(alpn);
    }

    /** The engine's TLS for a client set up so; the CA file and the client's certificate are read now. */
    public TlsSettings clientSettings() throws TlsFileException {
        Verifier verifier = !verify ? Verifier.insecure()
                : Verifier.trusting(caFile == null ? List.of() : Certificates.readCertificates(caFile));
        KeyMaterial mine = certificate == null ? null : Certificates.read(certificate, key, password);
        return TlsSettings.client(TlsContexts.context(mine, verifier), serverName, verify, alpn);
    }

    /**
     * A server's TLS with this machine's self-signed certificate (made once, kept in {@link ConfigFolder#tls()}),
     * which clients trust by loading it as their CA.
     */
    public static Server selfSignedServer() throws TlsFileException {
        return ServerTlsChoice.SELF_SIGNED.settings();
    }

    /** A server's TLS, with the certificate it shows and where that certificate's file is. */
    public record Server(TlsSettings settings, KeyMaterial key, Path certificateFile) {
        public String fingerprint() {
            return Certificates.fingerprint(key.leaf());
        }
    }
}
