package io.socketworkbench.tls;

import io.socketworkbench.engine.Address;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;

/** The names a certificate is for, and whether a host name or an address is one of them (as OpenSSL checks it). */
public final class CertificateNames {
    private CertificateNames() {
    }

    /** The names a certificate is for: its DNS and IP subject alternative names, else its common name. */
    public static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alt = certificate.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> entry : alt) {
                    int type = (Integer) entry.get(0);
                    if (type == 2) {
                        names.add(String.valueOf(entry.get(1)));
                    } else if (type == 7) {
                        names.add(shortIp(String.valueOf(entry.get(1))));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            // no usable names: the common name below
        }
        if (names.isEmpty()) {
            String cn = commonName(certificate);
            if (cn != null) {
                names.add(cn);
            }
        }
        return names;
    }

    /** An IPv6 address as people write it ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}); IPv4 as it is. */
    private static String shortIp(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        String[] groups = ip.split(":", -1);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].replaceFirst("^0+(?=.)", "").equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", "").toLowerCase(Locale.ROOT));
            if (i < groups.length - 1) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static String commonName(X509Certificate certificate) {
        org.bouncycastle.asn1.x500.RDN[] cn = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return cn.length == 0 ? null
                : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** Whether {@code name} (a host name or an IP address) is one the certificate is for, as OpenSSL checks it. */
    public static boolean matchesHost(X509Certificate certificate, String name) {
        String host = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        boolean ip = Address.isNumericHost(host);
        List<String> names = names(certificate);
        for (String candidate : names) {
            if (ip) {
                if (sameAddress(candidate, host)) {
                    return true;
                }
            } else if (dnsMatch(candidate.toLowerCase(Locale.ROOT), host.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            boolean aIp = Address.isNumericHost(a);
            return aIp && InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (IOException e) {
            return false;
        }
    }

    /** A DNS name against a pattern: equal, or {@code *.example.org} for exactly one label in front. */
    private static boolean dnsMatch(String pattern, String host) {
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
        }
        return p.equals(h);
    }
}
