package io.socketworkbench.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** The JSSE contexts the engine's TLS runs on: this side's key (if any) and how it checks its peer. */
public final class TlsContexts {
    private TlsContexts() {
    }

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    /** A context that proves itself with {@code key} (null: no certificate) and checks peers with {@code verifier}. */
    public static SSLContext context(KeyMaterial key, Verifier verifier) {
        try {
            KeyManager[] keyManagers = null;
            if (key != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", key.key(), IN_MEMORY, key.chain().toArray(X509Certificate[]::new));
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, IN_MEMORY);
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {verifier}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
