package io.socketworkbench.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * Facts about this machine that tell one errno from another where the JDK's exception type does not: the JDK
 * throws {@code BindException} for EADDRINUSE, EADDRNOTAVAIL and EACCES alike, with the C library's message in the
 * user's language. These checks read no message text, so the errno is the same whatever LANG says.
 */
final class SystemFacts {
    private SystemFacts() {
    }

    /** Which errno a failed bind to {@code address} had. */
    static ErrorKind bindFailure(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return pathFailure(unix.getPath(), true);
        }
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            InetAddress ip = inet.getAddress();
            if (!ip.isAnyLocalAddress() && !isLocal(ip)) {
                return ErrorKind.ADDRESS_NOT_AVAILABLE;
            }
            if (inet.getPort() > 0 && inet.getPort() < unprivilegedPortStart() && !privileged()) {
                return ErrorKind.PERMISSION_DENIED;
            }
        }
        return ErrorKind.ADDRESS_IN_USE;
    }

    /** Which errno a failed connect to an AF_UNIX path had: no file, or a file nobody listens on. */
    static ErrorKind unixConnectFailure(Path path) {
        return pathFailure(path, false);
    }

    /** The most bytes an AF_UNIX path may have: sockaddr_un's sun_path holds 108 with the closing NUL. */
    static final int MAX_UNIX_PATH_BYTES = 107;

    private static ErrorKind pathFailure(Path path, boolean bind) {
        if (path.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_UNIX_PATH_BYTES) {
            return ErrorKind.UNIX_PATH_TOO_LONG;
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return ErrorKind.NO_SUCH_FILE;
        }
        if (bind) {
            if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return ErrorKind.ADDRESS_IN_USE;
            }
            return parent != null && !Files.isWritable(parent) ? ErrorKind.PERMISSION_DENIED
                    : ErrorKind.ADDRESS_IN_USE;
        }
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return ErrorKind.NO_SUCH_FILE;
        }
        return ErrorKind.CONNECTION_REFUSED;
    }

    /** True when an interface of this machine has {@code ip}, so a bind to it can work. */
    static boolean isLocal(InetAddress ip) {
        if (ip.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(ip) != null;
        } catch (SocketException e) {
            return true;
        }
    }

    /**
     * True when a TCP connect to {@code ip} cannot leave this machine: a broadcast or multicast address, or one no
     * route covers (the kernel then refuses with ENETUNREACH before sending anything).
     */
    static boolean unroutable(InetAddress ip) {
        if (ip.isMulticastAddress()
                || java.util.Arrays.equals(ip.getAddress(), new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255})) {
            return true;
        }
        if (isLocal(ip)) {
            return false;
        }
        try {
            return ip instanceof java.net.Inet4Address ? !routedV4(ip.getAddress()) : !routedV6(ip.getAddress());
        } catch (IOException | RuntimeException e) {
            return false; // no table to read: say nothing more than the JDK said
        }
    }

    /** /proc/net/route: Iface Destination Gateway Flags RefCnt Use Metric Mask, addresses in little-endian hex. */
    private static boolean routedV4(byte[] address) throws IOException {
        int ip = java.nio.ByteBuffer.wrap(address).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        for (String line : Files.readAllLines(Path.of("/proc/net/route"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 7 && !f[0].equals("Iface")) {
                int destination = Integer.parseUnsignedInt(f[1], 16);
                int mask = Integer.parseUnsignedInt(f[7], 16);
                if ((ip & mask) == destination) {
                    return true;
                }
            }
        }
        return false;
    }

    /** /proc/net/ipv6_route: destination (32 hex digits), prefix length (hex), ... */
    private static boolean routedV6(byte[] address) throws IOException {
        java.math.BigInteger ip = new java.math.BigInteger(1, address);
        for (String line : Files.readAllLines(Path.of("/proc/net/ipv6_route"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 2) {
                int prefix = Integer.parseInt(f[1], 16);
                java.math.BigInteger destination = new java.math.BigInteger(f[0], 16);
                if (prefix == 0 || ip.shiftRight(128 - prefix).equals(destination.shiftRight(128 - prefix))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when no interface but loopback is up: a failed lookup then could ask no name server (EAI_AGAIN). */
    static boolean offline() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    return false;
                }
            }
            return true;
        } catch (SocketException e) {
            // The JDK's word for a machine with no interface at all, as in a fresh network namespace.
            return true;
        }
    }

    /** Linux lets anyone bind from this port up ({@code net.ipv4.ip_unprivileged_port_start}); elsewhere 1024. */
    static int unprivilegedPortStart() {
        try {
            // Line by line: procfs reports a size of 0, and a read sized by it can come back short.
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"))
                    .get(0).strip());
        } catch (IOException | RuntimeException e) {
            return 1024;
        }
    }

    /** CAP_NET_BIND_SERVICE's bit in the capability masks of {@code /proc/self/status}. */
    private static final long NET_BIND_SERVICE = 1L << 10;

    /**
     * True when this process may bind ports below {@link #unprivilegedPortStart()}: it holds CAP_NET_BIND_SERVICE
     * (root normally does; root without it gets EACCES as anyone would).
     */
    static boolean privileged() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & NET_BIND_SERVICE) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it to the address checks
        }
        return false;
    }
}
