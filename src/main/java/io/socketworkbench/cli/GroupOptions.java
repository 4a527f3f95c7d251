package io.socketworkbench.cli;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Interfaces;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.SocketOptionsSpec;
import java.net.InetAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Broadcast and multicast on the command line: the server's group to join, the client's sending to many. */
final class GroupOptions {
    private GroupOptions() {
    }

    /** {@code server --udp --join GROUP [--iface ADDR]}. */
    static final class Join {
        @Option(names = "--join", paramLabel = "GROUP",
                description = "With --udp: join the multicast GROUP (224.0.0.0 to 239.255.255.255, or ff00::/8), as "
                        + "IP_ADD_MEMBERSHIP does, and receive what is sent to GROUP:PORT (--bind is not used).")
        String join;

        @Option(names = "--iface", paramLabel = "ADDR",
                description = "With --join: the interface to join on, by its address (127.0.0.1) or name (lo) "
                        + "(default: the system's choice).")
        String iface;

        /** The group of --join, checked with --iface; null without --join. */
        InetAddress group(CommandSpec spec, boolean udp) {
            if ((join != null || iface != null) && !udp) {
                throw new ParameterException(spec.commandLine(), "--join and --iface need --udp");
            }
            if (iface != null && join == null) {
                throw new ParameterException(spec.commandLine(), "--iface needs --join GROUP");
            }
            if (join == null) {
                return null;
            }
            try {
                Interfaces.find(iface);
                return Multicast.groupAddress(join);
            } catch (IllegalArgumentException e) {
                String option = e.getMessage().startsWith("no interface") ? "--iface" : "--join";
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                        + e.getMessage());
            }
        }

        Multicast multicast() {
            return join == null ? Multicast.NONE : Multicast.join(join, iface);
        }
    }

    /** {@code client --udp [--broadcast] [--ttl N] [--iface ADDR]}. */
    static final class Send {
        @Option(names = "--broadcast",
                description = "With --udp: allow sending to a broadcast address such as 255.255.255.255 or "
                        + "192.168.1.255, as setsockopt(SOL_SOCKET, SO_BROADCAST, 1) does; answers from any sender "
                        + "count.")
        boolean broadcast;

        @Option(names = "--ttl", paramLabel = "N",
                description = "With --udp: the TTL (IPv6: hop limit) of datagrams sent to a multicast group, 0-255, "
                        + "as IP_MULTICAST_TTL sets it (default: 1, this network only).")
        Integer ttl;

        @Option(names = "--iface", paramLabel = "ADDR",
                description = "With --udp: send datagrams to a multicast group out of this interface, by its "
                        + "address (127.0.0.1) or name (lo), as IP_MULTICAST_IF sets it (default: the system's "
                        + "choice).")
        String iface;

        void check(CommandSpec spec, boolean udp) {
            if ((broadcast || ttl != null || iface != null) && !udp) {
                throw new ParameterException(spec.commandLine(), "--broadcast, --ttl and --iface need --udp");
            }
            if (ttl != null && (ttl < 0 || ttl > 255)) {
                throw new ParameterException(spec.commandLine(),
                        "Invalid value for option '--ttl': '" + ttl + "' is not from 0 to 255");
            }
            try {
                Interfaces.find(iface);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--iface': "
                        + e.getMessage());
            }
        }

        /** True when the datagrams go to many (a group, or a broadcast address): answers count from anyone. */
        boolean toMany(Address target) {
            return broadcast || Multicast.isGroup(target);
        }

        SocketOptionsSpec options() {
            return broadcast ? SocketOptionsSpec.DEFAULTS.withBroadcast(true) : SocketOptionsSpec.DEFAULTS;
        }

        Multicast multicast() {
            return new Multicast(null, iface, ttl, null);
        }
    }
}
