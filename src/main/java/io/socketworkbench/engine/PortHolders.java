package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which processes have a socket on an address: a TCP or UDP socket whose local or remote port is the address's
 * port (a listener, or a client connected to it), or an AF_UNIX socket bound to the path. Read from Linux's
 * {@code /proc}: the kernel's socket tables give the sockets' inodes, and each process's {@code fd} folder says
 * which inodes it holds ({@link PortUse#owners()}). Elsewhere, and for processes of other users, nothing is found.
 */
public final class PortHolders {
    /** A process that holds a socket on the address, with its name as {@link PortUse} gives it (python3 server.py). */
    public record Holder(long pid, String name) {
        /** True for this very process: the app itself (the server pane, Examples → Homework server). */
        public boolean isThisApp() {
            return pid == ProcessHandle.current().pid();
        }
    }

    private static final Path PROC = Path.of("/proc");

    private PortHolders() {
    }

    /**
     * The processes holding a socket on {@code at} (TCP and UDP both for an internet address), each once: a
     * listener, a bound UDP socket, or a loopback client connected to the port.
     */
    public static List<Holder> of(Address at) {
        return holding(at, false);
    }

    /** The processes listening at {@code at}: a TCP listener, a UDP socket bound to the port, an AF_UNIX socket. */
    public static List<Holder> listeningAt(Address at) {
        return holding(at, true);
    }

    private static List<Holder> holding(Address at, boolean listenersOnly) {
        Set<Long> inodes = new HashSet<>();
        if (at instanceof Address.Inet inet) {
            for (String table : new String[] {"tcp", "tcp6", "udp", "udp6"}) {
                inodes.addAll(inetInodes(PROC.resolve("net").resolve(table), inet.port(), listenersOnly));
            }
        } else if (at instanceof Address.Unix unix) {
            inodes.addAll(unixInodes(PROC.resolve("net").resolve("unix"), unix.path().toAbsolutePath().toString()));
        }
        inodes.remove(0L);
        if (inodes.isEmpty()) {
            return List.of();
        }
        Map<Long, Holder> holders = new LinkedHashMap<>();
        PortUse.owners().forEach((inode, owner) -> {
            if (owner.pid() > 0 && inodes.contains(parse(inode))) {
                holders.putIfAbsent(owner.pid(), new Holder(owner.pid(), owner.process() == null ? "?" : owner.process()));
            }
        });
        return List.copyOf(holders.values());
    }

    /** The inodes of the sockets in one of /proc/net/{tcp,tcp6,udp,udp6} whose local or remote port is {@code port}. */
    static Set<Long> inetInodes(Path table, int port, boolean listenersOnly) {
        boolean tcp = table.getFileName().toString().startsWith("tcp");
        Set<Long> inodes = new HashSet<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String line : lines(table)) {
            String[] fields = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (fields.length < 10 || !fields[0].endsWith(":")) {
                continue;
            }
            String local = fields[1].toUpperCase(Locale.ROOT);
            String remote = fields[2].toUpperCase(Locale.ROOT);
            boolean listening = local.endsWith(hexPort) && (!tcp || fields[3].equals("0A"));
            if (listening || !listenersOnly && (local.endsWith(hexPort) || remote.endsWith(hexPort) && loopback(remote))) {
                inodes.add(parse(fields[9]));
            }
        }
        return inodes;
    }

    /** A table's {@code ADDR:PORT} on 127.0.0.0/8 or ::1 (addresses are in the kernel's byte order). */
    static boolean loopback(String addressAndPort) {
        String address = addressAndPort.substring(0, addressAndPort.indexOf(':'));
        return address.length() == 8 && address.endsWith("7F")
                || address.equals("00000000000000000000000001000000")
                || address.length() == 32 && address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F");
    }

    /** The inodes of the AF_UNIX sockets in /proc/net/unix bound to {@code path}. */
    static Set<Long> unixInodes(Path table, String path) {
        Set<Long> inodes = new HashSet<>();
        for (String line : lines(table)) {
            String[] fields = line.trim().split("\\s+", 8);
            // Num RefCount Protocol Flags Type St Inode Path
            if (fields.length == 8 && fields[7].equals(path)) {
                inodes.add(parse(fields[6]));
            }
        }
        return inodes;
    }

    private static List<String> lines(Path table) {
        try {
            return Files.readAllLines(table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
