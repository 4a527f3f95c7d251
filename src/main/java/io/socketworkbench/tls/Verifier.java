package io.socketworkbench.tls;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CertificateRejected;
import io.socketworkbench.engine.CheckedCertificate;
import io.socketworkbench.engine.ErrorKind;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How one side checks its peer's certificate: against the system's trust store and the CA file given, then (a
 * client) against the name connected to or sent as SNI. A failure says why as Python's ssl module does
 * ({@link CertificateRejected}: self-signed, unknown issuer, expired, not yet valid, wrong host), with the dates and
 * names an explanation shows. {@link #insecure()} checks nothing: the caller must say so where the user sees it.
 */
public final class Verifier extends X509ExtendedTrustManager {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final X509TrustManager pkix;
    private final boolean checks;
    private final List<X509Certificate> anchors;

    private Verifier(X509TrustManager pkix, List<X509Certificate> anchors, boolean checks) {
        this.pkix = pkix;
        this.anchors = anchors;
        this.checks = checks;
    }

    /** Trusts the system's store (the runtime's {@code cacerts}) and each certificate in {@code extra}. */
    public static Verifier trusting(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            List<X509Certificate> anchors = new ArrayList<>();
            for (javax.net.ssl.TrustManager manager : system.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    anchors.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            anchors.addAll(extra);
            int n = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("anchor-" + n++, anchor);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return new Verifier(x509, List.copyOf(anchors), true);
                }
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the trust store: " + e.getMessage(), e);
        }
    }

    /** Accepts every certificate: {@code --insecure}, "do not verify". */
    public static Verifier insecure() {
        return new Verifier(null, List.of(), false);
    }

    public boolean checks() {
        return checks;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (!checks) {
            return;
        }
        String name = engine != null
                && "HTTPS".equals(engine.getSSLParameters().getEndpointIdentificationAlgorithm())
                ? nameToCheck(engine) : null;
        checkChain(chain, authType, false, name);
        if (name != null && !CertificateNames.matchesHost(chain[0], name)) {
            boolean ip = Address.isNumericHost(name);
            List<String> details = new ArrayList<>();
            details.add(name);
            details.add(String.join(", ", CertificateNames.names(chain[0])));
            throw new CertificateRejected(ErrorKind.TLS_HOST_MISMATCH, "[SSL: CERTIFICATE_VERIFY_FAILED] "
                    + "certificate verify failed: " + (ip ? "IP address mismatch" : "Hostname mismatch")
                    + ", certificate is not valid for '" + name + "'.", details, inspect(chain, name));
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (checks) {
            checkChain(chain, authType, true, null);
        }
    }

    /** The name a client checks: the SNI it sends, else the host it connected to. */
    private static String nameToCheck(SSLEngine engine) {
        List<SNIServerName> names = engine.getSSLParameters().getServerNames();
        for (SNIServerName name : names == null ? List.<SNIServerName>of() : names) {
            if (name instanceof SNIHostName host) {
                return host.getAsciiName();
            }
        }
        return engine.getPeerHost();
    }

    private void checkChain(X509Certificate[] chain, String authType, boolean client, String name)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate");
        }
        try {
            if (client) {
                pkix.checkClientTrusted(chain, authType);
            } else {
                pkix.checkServerTrusted(chain, authType);
            }
            // PKIX takes a trusted certificate's dates on trust; OpenSSL (and so Python) checks them too.
            for (X509Certificate certificate : chain) {
                certificate.checkValidity();
            }
        } catch (CertificateException e) {
            throw classify(chain, e, inspect(chain, name));
        }
    }

    /**
     * Each certificate of {@code chain} with what is wrong with it: its dates, the leaf's names against
     * {@code name} (null: not checked), and whether the top of the chain is trusted or signed by itself.
     */
    private List<CheckedCertificate> inspect(X509Certificate[] chain, String name) {
        List<CheckedCertificate> checked = new ArrayList<>();
        for (int i = 0; i < chain.length; i++) {
            X509Certificate certificate = chain[i];
            List<CheckedCertificate.Flaw> flaws = new ArrayList<>();
            if (i == chain.length - 1 && !trusted(certificate)) {
                flaws.add(selfIssued(certificate) ? CheckedCertificate.Flaw.SELF_SIGNED
                        : CheckedCertificate.Flaw.UNKNOWN_ISSUER);
            }
            try {
                certificate.checkValidity();
            } catch (java.security.cert.CertificateExpiredException e) {
                flaws.add(CheckedCertificate.Flaw.EXPIRED);
            } catch (java.security.cert.CertificateNotYetValidException e) {
                flaws.add(CheckedCertificate.Flaw.NOT_YET_VALID);
            }
            if (i == 0 && name != null && !CertificateNames.matchesHost(certificate, name)) {
                flaws.add(CheckedCertificate.Flaw.WRONG_HOST);
            }
            checked.add(new CheckedCertificate(certificate, flaws));
        }
        return checked;
    }

    /** Whether {@code top}, the last certificate of a chain, is trusted, or was issued by one that is. */
    private boolean trusted(X509Certificate top) {
        return anchors.stream().anyMatch(a -> a.equals(top)
                || a.getSubjectX500Principal().equals(top.getIssuerX500Principal()));
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** Why the chain failed, in OpenSSL's order: an untrusted self-signed leaf first, then the dates, the issuer. */
    private CertificateRejected classify(X509Certificate[] chain, CertificateException failure,
                                         List<CheckedCertificate> checked) {
        X509Certificate leaf = chain[0];
        String prefix = "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ";
        String subject = leaf.getSubjectX500Principal().getName();
        boolean selfIssued = selfIssued(leaf);
        CertPathValidatorException.Reason reason = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertPathValidatorException path) {
                reason = path.getReason();
            }
            if (t instanceof java.security.cert.CertificateExpiredException) {
                reason = CertPathValidatorException.BasicReason.EXPIRED;
            }
            if (t instanceof java.security.cert.CertificateNotYetValidException) {
                reason = CertPathValidatorException.BasicReason.NOT_YET_VALID;
            }
        }
        boolean trusted = trusted(chain[chain.length - 1]);
        if (chain.length == 1 && selfIssued && !trusted) {
            return new CertificateRejected(ErrorKind.TLS_SELF_SIGNED, prefix + "self-signed certificate",
                    List.of(subject), checked);
        }
        X509Certificate dated = leaf;
        if (reason == CertPathValidatorException.BasicReason.EXPIRED
                || reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            for (X509Certificate c : chain) {
                try {
                    c.checkValidity();
                } catch (CertificateException bad) {
                    dated = c;
                    break;
                }
            }
        }
        List<String> dates = List.of(dated.getSubjectX500Principal().getName(),
                DATE.format(dated.getNotBefore().toInstant()), DATE.format(dated.getNotAfter().toInstant()));
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return new CertificateRejected(ErrorKind.TLS_EXPIRED, prefix + "certificate has expired", dates,
                    checked);
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new CertificateRejected(ErrorKind.TLS_NOT_YET_VALID, prefix + "certificate is not yet valid",
                    dates, checked);
        }
        if (!trusted) {
            X509Certificate top = chain[chain.length - 1];
            boolean topSelfSigned = selfIssued(top);
            return new CertificateRejected(ErrorKind.TLS_UNKNOWN_ISSUER, prefix + (topSelfSigned
                    ? "self-signed certificate in certificate chain" : "unable to get local issuer certificate"),
                    List.of(top.getIssuerX500Principal().getName()), checked);
        }
        return new CertificateRejected(ErrorKind.TLS_VERIFY_FAILED, prefix + failure.getMessage(), List.of(subject),
                checked);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.toArray(X509Certificate[]::new);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClientTrusted(chain, authType, (SSLEngine) null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServerTrusted(chain, authType, (SSLEngine) null);
    }
}
