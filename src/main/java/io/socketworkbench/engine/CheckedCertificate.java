package io.socketworkbench.engine;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One certificate of the chain a peer sent, with what the check found wrong with it: nothing (an empty list) when
 * it is fine, which for the last certificate of a chain means a certificate this side trusts issued it (or is it).
 */
public record CheckedCertificate(X509Certificate certificate, List<Flaw> flaws) {

    /** What can be wrong with one certificate, as OpenSSL names the failures. */
    public enum Flaw {
        /** Signed by itself, and not one this side trusts. */
        SELF_SIGNED,
        /** Its issuer is neither in the chain nor trusted. */
        UNKNOWN_ISSUER,
        EXPIRED,
        NOT_YET_VALID,
        /** Not for the name connected to (or sent as SNI): the leaf only. */
        WRONG_HOST
    }

    public CheckedCertificate {
        flaws = List.copyOf(flaws);
    }
}
