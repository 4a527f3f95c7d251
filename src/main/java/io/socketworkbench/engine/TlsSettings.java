package io.socketworkbench.engine;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS over a TCP connection, as its caller set it up: the context (its keys and how it trusts peers, made above the
 * engine), the side, the name a client sends (SNI) and checks the certificate against, the ALPN protocols offered
 * (a client) or accepted in order (a server), whether a server asks for a client certificate, and the protocol
 * versions (null: TLS 1.2 and 1.3).
 *
 * @param serverName a client's SNI and the name its certificate check uses; null: the host connected to (an IP
 *     address is checked, never sent as SNI)
 * @param verifyHost whether a client checks the host name against the certificate (its context decides whether the
 *     chain is checked at all)
 */
public record TlsSettings(SSLContext context, boolean client, String serverName, boolean verifyHost,
                          List<String> alpn, ClientAuth clientAuth, List<String> protocols) {

    /** Whether a server asks for a client certificate: not at all, if the client has one, or always. */
    public enum ClientAuth { NONE, REQUEST, REQUIRE }

    public TlsSettings {
        Objects.requireNonNull(context, "context");
        alpn = alpn == null ? List.of() : List.copyOf(alpn);
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        protocols = protocols == null ? null : List.copyOf(protocols);
    }

    public static TlsSettings client(SSLContext context, String serverName, boolean verifyHost, List<String> alpn) {
        return new TlsSettings(context, true, serverName, verifyHost, alpn, ClientAuth.NONE, null);
    }

    public static TlsSettings server(SSLContext context, List<String> alpn, ClientAuth clientAuth) {
        return new TlsSettings(context, false, null, false, alpn, clientAuth, null);
    }

    /** An engine for one connection to (or from) {@code host}, {@code port}. */
    SSLEngine newEngine(String host, int port) {
        SSLEngine engine = host == null ? context.createSSLEngine() : context.createSSLEngine(host, port);
        engine.setUseClientMode(client);
        SSLParameters parameters = engine.getSSLParameters();
        if (protocols != null) {
            parameters.setProtocols(protocols.toArray(String[]::new));
        }
        if (!alpn.isEmpty()) {
            parameters.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        if (client) {
            String name = serverName != null ? serverName : host;
            if (name != null && !Address.isNumericHost(name)) {
                parameters.setServerNames(List.of(new SNIHostName(name)));
            }
            if (verifyHost) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
        } else {
            parameters.setNeedClientAuth(clientAuth == ClientAuth.REQUIRE);
            if (clientAuth == ClientAuth.REQUEST) {
                parameters.setWantClientAuth(true);
            }
        }
        engine.setSSLParameters(parameters);
        return engine;
    }
}
