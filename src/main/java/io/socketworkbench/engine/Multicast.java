package io.socketworkbench.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What a UDP endpoint does with multicast, as Python sets it with setsockopt: the group it joins
 * ({@code IP_ADD_MEMBERSHIP} / {@code IPV6_JOIN_GROUP}; null: none), the interface it joins on and sends from
 * ({@code IP_MULTICAST_IF}; null: the system's choice), the TTL or hop limit of what it sends to a group
 * ({@code IP_MULTICAST_TTL}; null: 1, the system's default) and whether its own group datagrams come back to this
 * machine ({@code IP_MULTICAST_LOOP}; null: yes, the default).
 *
 * @param group a multicast address literal (224.0.0.0/4 or ff00::/8), or null
 * @param iface an interface's address or name ({@code 127.0.0.1}, {@code lo}), or null
 */
public record Multicast(String group, String iface, Integer ttl, Boolean loop) {
    public static final Multicast NONE = new Multicast(null, null, null, null);

    public Multicast {
        if (ttl != null && (ttl < 0 || ttl > 255)) {
            throw new IllegalArgumentException("TTL " + ttl + " is not 0-255");
        }
    }

    public static Multicast join(String group, String iface) {
        return new Multicast(group, iface, null, null);
    }

    public Multicast withTtl(Integer value) {
        return new Multicast(group, iface, value, loop);
    }

    public Multicast withInterface(String value) {
        return new Multicast(group, value, ttl, loop);
    }

    public Multicast withLoop(Boolean value) {
        return new Multicast(group, iface, ttl, value);
    }

    /** True when any option is set: the endpoint has multicast work to do when it opens. */
    public boolean any() {
        return group != null || iface != null || ttl != null || loop != null;
    }

    /**
     * The group's address, from a literal only (a group is never looked up by name).
     *
     * @throws IllegalArgumentException when {@code text} is not an IP literal or not a multicast address
     */
    public static InetAddress groupAddress(String text) {
        InetAddress address = literal(text);
        if (address == null || !address.isMulticastAddress()) {
            throw new IllegalArgumentException("'" + text + "' is not a multicast address (224.0.0.0 to "
                    + "239.255.255.255, or ff00::/8)");
        }
        return address;
    }

    /** True when {@code target} is a multicast group's address (a literal in 224.0.0.0/4 or ff00::/8). */
    public static boolean isGroup(Address target) {
        return target instanceof Address.Inet inet && isGroup(inet.host());
    }

    /** True for a multicast literal (224.0.0.0/4, ff00::/8); a name is never looked up. */
    public static boolean isGroup(String host) {
        InetAddress address = literal(host);
        return address != null && address.isMulticastAddress();
    }

    /** An address as people write it: {@code 239.255.0.1}, {@code ff02::1:2} (IPv6 shortened). */
    public static String text(InetAddress address) {
        String formatted = Address.format(new java.net.InetSocketAddress(address, 1));
        return formatted.startsWith("[") ? formatted.substring(1, formatted.lastIndexOf(']'))
                : formatted.substring(0, formatted.lastIndexOf(':'));
    }

    /** An IPv4 or IPv6 literal as an address, or null when {@code text} is not one (no name is looked up). */
    static InetAddress literal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String bare = text.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        boolean v4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
