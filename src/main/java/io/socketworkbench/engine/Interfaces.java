package io.socketworkbench.engine;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This machine's network interfaces, for choosing where to join a group or send a broadcast: each with its
 * addresses and, for IPv4, their broadcast addresses ({@code ip addr} shows the same).
 */
public final class Interfaces {
    /** One interface: its name, whether it is up and can multicast, and its addresses. */
    public record Info(String name, boolean up, boolean loopback, boolean multicast, List<Entry> addresses) {
    }

    /** An address of an interface, with its prefix length and (IPv4 only) broadcast address, or null. */
    public record Entry(String address, int prefix, String broadcast) {
    }

    private Interfaces() {
    }

    /** Every interface the system reports, loopback last. */
    public static List<Info> list() {
        List<Info> all = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<Entry> entries = new ArrayList<>();
                for (InterfaceAddress address : nif.getInterfaceAddresses()) {
                    InetAddress broadcast = address.getBroadcast();
                    entries.add(new Entry(Multicast.text(withoutScope(address.getAddress())),
                            address.getNetworkPrefixLength(), broadcast == null ? null : broadcast.getHostAddress()));
                }
                // IPv4 first: what most lessons use.
                entries.sort((a, b) -> Boolean.compare(a.address().contains(":"), b.address().contains(":")));
                all.add(new Info(nif.getName(), nif.isUp(), nif.isLoopback(), nif.supportsMulticast(), entries));
            }
        } catch (SocketException e) {
            return List.of();
        }
        all.sort((a, b) -> Boolean.compare(a.loopback(), b.loopback()));
        return all;
    }

    /** An IPv6 address without its zone ({@code %lo}): the interface is named beside it anyway. */
    private static InetAddress withoutScope(InetAddress address) {
        if (address instanceof java.net.Inet6Address) {
            try {
                return InetAddress.getByAddress(address.getAddress());
            } catch (java.net.UnknownHostException e) {
                return address;
            }
        }
        return address;
    }

    /**
     * The interface with that name ({@code lo}) or address ({@code 127.0.0.1}); null for null.
     *
     * @throws IllegalArgumentException when no interface has that name or address
     */
    public static NetworkInterface find(String nameOrAddress) {
        if (nameOrAddress == null || nameOrAddress.isBlank()) {
            return null;
        }
        try {
            NetworkInterface byName = NetworkInterface.getByName(nameOrAddress.strip());
            if (byName != null) {
                return byName;
            }
            InetAddress address = Multicast.literal(nameOrAddress);
            NetworkInterface byAddress = address == null ? null : NetworkInterface.getByInetAddress(address);
            if (byAddress != null) {
                return byAddress;
            }
        } catch (SocketException e) {
            // reported below
        }
        throw new IllegalArgumentException("no interface is named or has the address '" + nameOrAddress.strip() + "'");
    }

    /**
     * Where to join {@code group} when the user did not say: the first interface that is up, can multicast and has
     * an address of the group's family, loopback last (as the system's own choice, INADDR_ANY, would do on a
     * machine with a network); null when there is none.
     */
    static NetworkInterface defaultFor(InetAddress group) {
        NetworkInterface loopback = null;
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || !nif.supportsMulticast()) {
                    continue;
                }
                boolean family = Collections.list(nif.getInetAddresses()).stream()
                        .anyMatch(a -> (a instanceof Inet4Address) == (group instanceof Inet4Address));
                if (!family) {
                    continue;
                }
                if (!nif.isLoopback()) {
                    return nif;
                }
                loopback = nif;
            }
        } catch (SocketException e) {
            return null;
        }
        return loopback;
    }
}
