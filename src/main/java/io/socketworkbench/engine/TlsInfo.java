package io.socketworkbench.engine;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a finished TLS handshake agreed: the protocol version ({@code TLSv1.3}), the cipher suite, the ALPN protocol
 * (null when none was agreed), the name the client asked for (SNI, null when none), and each side's certificate
 * chain, leaf first (empty when that side sent none), and the records of the handshake as this side saw them cross
 * the wire, in order.
 */
public record TlsInfo(String protocol, String cipherSuite, String alpn, String sni,
                      List<X509Certificate> peerChain, List<X509Certificate> localChain, List<TlsRecord> records) {

    public TlsInfo {
        peerChain = List.copyOf(peerChain);
        localChain = List.copyOf(localChain);
        records = List.copyOf(records);
    }

    /** What {@code engine}'s handshake agreed; SNI is the name a client sent, or the one a server was asked for. */
    static TlsInfo of(SSLEngine engine, List<TlsRecord> records) {
        SSLSession session = engine.getSession();
        String alpn = engine.getApplicationProtocol();
        String sni = null;
        List<SNIServerName> names = engine.getUseClientMode() ? engine.getSSLParameters().getServerNames()
                : session instanceof ExtendedSSLSession extended ? extended.getRequestedServerNames() : null;
        if (names != null) {
            for (SNIServerName name : names) {
                if (name instanceof SNIHostName host) {
                    sni = host.getAsciiName();
                }
            }
        }
        List<X509Certificate> peer = new ArrayList<>();
        try {
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    peer.add(x509);
                }
            }
        } catch (SSLPeerUnverifiedException none) {
            // a client without a certificate
        }
        List<X509Certificate> local = new ArrayList<>();
        Certificate[] mine = session.getLocalCertificates();
        if (mine != null) {
            for (Certificate certificate : mine) {
                if (certificate instanceof X509Certificate x509) {
                    local.add(x509);
                }
            }
        }
        return new TlsInfo(session.getProtocol(), session.getCipherSuite(), alpn == null || alpn.isEmpty() ? null
                : alpn, sni, peer, local, records);
    }

    /** The line the command line prints: {@code TLSv1.3, TLS_AES_256_GCM_SHA384, ALPN h2}. */
    public String summary() {
        return protocol + ", " + cipherSuite + (alpn == null ? "" : ", ALPN " + alpn);
    }
}
