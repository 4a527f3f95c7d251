package io.socketworkbench.cli;

import io.socketworkbench.engine.TlsInfo;
import io.socketworkbench.engine.TlsSettings;
import io.socketworkbench.session.ConfigFolder;
import io.socketworkbench.tls.CertificateNames;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.KeyMaterial;
import io.socketworkbench.tls.TlsContexts;
import io.socketworkbench.tls.TlsFileException;
import io.socketworkbench.tls.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** TLS on the command line: {@code --tls} and what goes with it, for the server and the client. */
abstract class TlsOptions {
    @Option(names = "--tls", description = "Speak TLS over the connection (TLS 1.2 or 1.3), as Python's ssl module "
            + "does with wrap_socket().")
    boolean tls;

    @Option(names = "--cert", paramLabel = "FILE", description = "With --tls: this side's certificate chain, PEM "
            + "(leaf first; the file may hold the key too), or a PKCS#12 file (.p12, .pfx) holding both, its "
            + "password in $SOCKET_WORKBENCH_P12_PASSWORD.")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "With --tls: the private key of --cert, PEM "
            + "(PKCS#8, or the older RSA and EC forms; not encrypted).")
    Path key;

    @Option(names = "--cafile", paramLabel = "FILE", description = "With --tls: also trust the certificates in FILE "
            + "(PEM), as load_verify_locations(cafile=FILE) does.")
    Path cafile;

    @Option(names = "--alpn", paramLabel = "LIST", split = ",", description = "With --tls: the ALPN protocols, "
            + "comma-separated in order of preference (h2,http/1.1), as set_alpn_protocols() sets them.")
    List<String> alpn;

    /** The options given that need --tls, for the error that says so. */
    List<String> given() {
        List<String> given = new ArrayList<>();
        if (cert != null) {
            given.add("--cert");
        }
        if (key != null) {
            given.add("--key");
        }
        if (cafile != null) {
            given.add("--cafile");
        }
        if (alpn != null) {
            given.add("--alpn");
        }
        return given;
    }

    /** Checks the options' combinations; the TLS settings come from {@link #settings}. */
    void check(CommandSpec spec, boolean udp) {
        List<String> given = given();
        if (!tls && !given.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", given) + " need --tls");
        }
        if (tls && udp) {
            throw new ParameterException(spec.commandLine(), "--tls works over TCP (and AF_UNIX streams), not --udp");
        }
        if (key != null && cert == null) {
            throw new ParameterException(spec.commandLine(), "--key needs --cert FILE");
        }
        if (alpn != null) {
            for (String protocol : alpn) {
                if (protocol.isEmpty() || protocol.length() > 255) {
                    throw new ParameterException(spec.commandLine(), "Invalid value for option '--alpn': '"
                            + String.join(",", alpn) + "' needs names of 1 to 255 characters, comma-separated");
                }
            }
        }
    }

    /** This side's key from --cert and --key (or --cert alone, holding both); null when none was given. */
    KeyMaterial keyMaterial() throws CliFailure {
        if (cert == null) {
            return null;
        }
        try {
            return Certificates.read(cert, key);
        } catch (TlsFileException e) {
            throw new CliFailure(fileProblem(e));
        }
    }

    List<java.security.cert.X509Certificate> extraTrust() throws CliFailure {
        if (cafile == null) {
            return List.of();
        }
        try {
            return Certificates.readCertificates(cafile);
        } catch (TlsFileException e) {
            throw new CliFailure(fileProblem(e));
        }
    }

    /** As Python words a file that load_cert_chain() cannot use. */
    static String fileProblem(TlsFileException e) {
        return "ssl.SSLError: " + e.file() + ": " + e.problem();
    }

    /** {@code server --tls}. */
    static final class Server extends TlsOptions {
        @Option(names = "--client-cert", paramLabel = "MODE", defaultValue = "none",
                description = "With --tls: ask each client for a certificate: none (the default), request (check "
                        + "one if sent) or require (refuse a client without one), as verify_mode does.")
        String clientCert;

        /** Set by {@link #settings}: what the first line says about the certificate. */
        private String certificateNote = "";

        @Override
        void check(CommandSpec spec, boolean udp) {
            if (!tls && !"none".equals(clientCert)) {
                throw new ParameterException(spec.commandLine(), "--client-cert needs --tls");
            }
            super.check(spec, udp);
            clientAuth(spec);
        }

        private TlsSettings.ClientAuth clientAuth(CommandSpec spec) {
            try {
                return TlsSettings.ClientAuth.valueOf(clientCert.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--client-cert': '"
                        + clientCert + "' is not one of none, request, require");
            }
        }

        /** The server's TLS, or null without --tls; without --cert, the self-signed certificate of this machine. */
        TlsSettings settings(CommandSpec spec) throws CliFailure {
            if (!tls) {
                return null;
            }
            KeyMaterial given = keyMaterial();
            KeyMaterial mine = serverKey(given);
            certificateNote = certificateNote(given, mine);
            Verifier verifier = Verifier.trusting(extraTrust());
            return TlsSettings.server(TlsContexts.context(mine, verifier), alpn, clientAuth(spec));
        }

        /** What {@code Listening on ...} says after the address: the certificate, its fingerprint last. */
        String listeningNote() {
            return certificateNote.isEmpty() ? "" : ", " + certificateNote;
        }
    }

    /** {@code client --tls}. */
    static final class Client extends TlsOptions {
        @Option(names = "--sni", paramLabel = "NAME", description = "With --tls: the server name to send (SNI) and "
                + "to check the certificate against, as server_hostname= does (default: the host).")
        String sni;

        @Option(names = "--insecure", description = "With --tls: do not check the server's certificate at all "
                + "(CERT_NONE, check_hostname=False). Said on stderr: anyone on the path could read and change "
                + "the bytes.")
        boolean insecure;

        @Override
        List<String> given() {
            List<String> given = super.given();
            if (sni != null) {
                given.add("--sni");
            }
            if (insecure) {
                given.add("--insecure");
            }
            return given;
        }

        @Override
        void check(CommandSpec spec, boolean udp) {
            super.check(spec, udp);
            if (sni != null && (sni.isBlank() || sni.indexOf(':') >= 0)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--sni': '" + sni
                        + "' is not a host name");
            }
        }

        TlsSettings settings() throws CliFailure {
            if (!tls) {
                return null;
            }
            Verifier verifier = insecure ? Verifier.insecure() : Verifier.trusting(extraTrust());
            return TlsSettings.client(TlsContexts.context(keyMaterial(), verifier), sni, !insecure, alpn);
        }
    }

    /** A server's key: the one given, else the self-signed certificate of this machine (made on first use). */
    static KeyMaterial serverKey(KeyMaterial given) throws CliFailure {
        if (given != null) {
            return given;
        }
        try {
            return Certificates.selfSigned(ConfigFolder.tls());
        } catch (TlsFileException e) {
            throw new CliFailure(fileProblem(e));
        }
    }

    /** What the Listening line says of a server's certificate, its SHA-256 fingerprint last. */
    static String certificateNote(KeyMaterial given, KeyMaterial used) {
        return (given == null ? "TLS, self-signed certificate " + ConfigFolder.tls().resolve("localhost-cert.pem")
                + " for " + String.join(", ", Certificates.LOCAL_NAMES)
                : "TLS, certificate for " + String.join(", ", CertificateNames.names(used.leaf())))
                + ", SHA-256 " + Certificates.fingerprint(used.leaf());
    }

    /**
     * {@code relay --tls} (TLS to the clients, with this certificate: its own TLS termination) and
     * {@code relay --to-tls} (TLS to the target, checked as a client checks it).
     */
    static final class Relay {
        @Option(names = "--tls", description = "Speak TLS to the clients, with --cert and --key or else this "
                + "machine's self-signed certificate (the clients trust it as their CA), and show their plaintext.")
        boolean tls;

        @Option(names = "--cert", paramLabel = "FILE", description = "With --tls: the relay's certificate chain, "
                + "PEM.")
        Path cert;

        @Option(names = "--key", paramLabel = "FILE", description = "With --tls: the private key of --cert, PEM.")
        Path key;

        @Option(names = "--to-tls", description = "Speak TLS to the target (a plain client can then talk to a TLS "
                + "server), checking its certificate and the host name of --to.")
        boolean toTls;

        @Option(names = "--cafile", paramLabel = "FILE", description = "With --to-tls: also trust the certificates "
                + "in FILE (PEM).")
        Path cafile;

        @Option(names = "--insecure", description = "With --to-tls: do not check the target's certificate (said "
                + "on stderr).")
        boolean insecure;

        private String note = "";

        void check(CommandSpec spec) {
            if (!tls && (cert != null || key != null)) {
                throw new ParameterException(spec.commandLine(), "--cert and --key need --tls");
            }
            if (!toTls && (cafile != null || insecure)) {
                throw new ParameterException(spec.commandLine(), "--cafile and --insecure need --to-tls");
            }
            if (key != null && cert == null) {
                throw new ParameterException(spec.commandLine(), "--key needs --cert FILE");
            }
        }

        /** TLS toward the clients, or null. */
        TlsSettings listening() throws CliFailure {
            if (!tls) {
                return null;
            }
            KeyMaterial given = null;
            if (cert != null) {
                try {
                    given = Certificates.readPem(cert, key == null ? cert : key);
                } catch (TlsFileException e) {
                    throw new CliFailure(fileProblem(e));
                }
            }
            KeyMaterial used = serverKey(given);
            note = certificateNote(given, used);
            return TlsSettings.server(TlsContexts.context(used, Verifier.trusting(List.of())), null,
                    TlsSettings.ClientAuth.NONE);
        }

        /** TLS toward the target, or null. */
        TlsSettings upstream() throws CliFailure {
            if (!toTls) {
                return null;
            }
            List<java.security.cert.X509Certificate> extra = List.of();
            if (cafile != null) {
                try {
                    extra = Certificates.readCertificates(cafile);
                } catch (TlsFileException e) {
                    throw new CliFailure(fileProblem(e));
                }
            }
            Verifier verifier = insecure ? Verifier.insecure() : Verifier.trusting(extra);
            return TlsSettings.client(TlsContexts.context(null, verifier), null, !insecure, null);
        }

        String listeningNote() {
            return note.isEmpty() ? "" : ", " + note;
        }
    }

    /** The stderr line after a handshake: {@code TLS with 127.0.0.1:4433: TLSv1.3, TLS_AES_256_GCM_SHA384}. */
    static String handshakeLine(String peer, TlsInfo info) {
        return "TLS with " + peer + ": " + info.summary()
                + (info.sni() == null ? "" : ", SNI " + info.sni());
    }
}
