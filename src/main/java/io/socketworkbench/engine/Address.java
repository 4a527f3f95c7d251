package io.socketworkbench.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/** Where a socket binds or connects: a host and port (AF_INET/AF_INET6) or a filesystem path (AF_UNIX). */
public sealed interface Address permits Address.Inet, Address.Unix {

    /** A host name or literal and a port from 0 to 65535; port 0 asks the system for any free port. */
    record Inet(String host, int port) implements Address {
        public Inet {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is empty");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 0-65535");
            }
            host = host.strip();
        }
    }

    /** An AF_UNIX socket file. */
    record Unix(Path path) implements Address {
        public Unix {
            Objects.requireNonNull(path, "path");
        }
    }

    static Inet inet(String host, int port) {
        return new Inet(host, port);
    }

    static Unix unix(Path path) {
        return new Unix(path);
    }

    /** Whether {@code host} is an IP address literal (127.0.0.1, ::1, [::1]) rather than a name. */
    public static boolean isNumericHost(String host) {
        String h = host.strip();
        return h.indexOf(':') >= 0 || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** An address the system gave (a bound or peer address) as one a user could have typed. */
    static Address of(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress ip = inet.getAddress();
            return new Inet(ip == null ? inet.getHostString() : hostText(ip), inet.getPort());
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            return new Unix(unix.getPath());
        }
        throw new IllegalArgumentException("not a socket address: " + address);
    }

    /** Resolves host names; this may block on DNS, so the engine calls it only on its resolver threads. */
    static SocketAddress resolve(Address address) throws UnknownHostException {
        if (address instanceof Inet inet) {
            return new InetSocketAddress(InetAddress.getByName(inet.host()), inet.port());
        }
        return UnixDomainSocketAddress.of(((Unix) address).path());
    }

    /** An address as given, written like {@link #format(SocketAddress)}: {@code host:port}, {@code [::1]:port}, a path. */
    static String format(Address address) {
        if (address instanceof Inet inet) {
            return (inet.host().contains(":") ? "[" + inet.host() + "]" : inet.host()) + ":" + inet.port();
        }
        return ((Unix) address).path().toString();
    }

    /** {@code 127.0.0.1:37777}, {@code [::1]:37777} or the socket file's path. */
    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            InetAddress ip = inet.getAddress();
            String host = ip == null ? inet.getHostString() : hostText(ip);
            return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            String path = unix.getPath().toString();
            return path.isEmpty() ? "(unnamed)" : path;
        }
        return String.valueOf(address);
    }

    /** An IP address as people write it: IPv6 in its short form ({@code ::1}), as Python and RFC 5952 do. */
    static String hostText(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
