package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds a local port, as Linux tells it in {@code /proc/net}: the sockets bound or listening there (with the
 * process that owns each, where this user may see it), and the TCP connections lingering in TIME_WAIT. Used to
 * explain "Address already in use". Elsewhere, or when /proc cannot be read, it knows nothing ({@link #UNKNOWN}).
 */
public record PortUse(int port, List<Holder> holders, int timeWait, int timeWaitSecondsLeft) {

    /** A socket bound to the port: {@code process} is the owner's name and {@code pid} its id, or null and -1. */
    public record Holder(String process, long pid) {
    }

    public static final PortUse UNKNOWN = new PortUse(0, List.of(), 0, 0);

    public PortUse {
        holders = List.copyOf(holders);
    }

    /** How long Linux keeps a connection in TIME_WAIT (TCP_TIMEWAIT_LEN): 60 seconds, fixed. */
    public static final int TIME_WAIT_SECONDS = 60;

    private static final String LISTEN = "0A";
    private static final String TIME_WAIT = "06";
    /** /proc reports timers in USER_HZ, which is 100 on Linux. */
    private static final int CLOCK_TICKS = 100;

    /** Reads what holds {@code port}, for TCP or UDP. */
    public static PortUse of(int port, boolean udp) {
        if (port <= 0) {
            return UNKNOWN;
        }
        List<String> inodes = new ArrayList<>();
        int timeWait = 0;
        int maxLeft = 0;
        String[] tables = udp ? new String[] {"/proc/net/udp", "/proc/net/udp6"}
                : new String[] {"/proc/net/tcp", "/proc/net/tcp6"};
        for (String table : tables) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] f = line.trim().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                int colon = f[1].lastIndexOf(':');
                if (colon < 0 || Integer.parseInt(f[1].substring(colon + 1), 16) != port) {
                    continue;
                }
                if (!udp && TIME_WAIT.equals(f[3])) {
                    timeWait++;
                    String[] timer = f[5].split(":");
                    if (timer.length == 2) {
                        maxLeft = Math.max(maxLeft, (int) Math.ceil(
                                Long.parseLong(timer[1], 16) / (double) CLOCK_TICKS));
                    }
                } else if (udp || LISTEN.equals(f[3])) {
                    inodes.add(f[9]);
                }
            }
        }
        List<Holder> holders = new ArrayList<>();
        Map<String, Holder> owners = inodes.isEmpty() ? Map.of() : owners();
        for (String inode : inodes) {
            Holder owner = owners.get(inode);
            holders.add(owner == null ? new Holder(null, -1) : owner);
        }
        return new PortUse(port, holders, timeWait, Math.min(maxLeft, TIME_WAIT_SECONDS));
    }

    /** Socket inodes to their processes, from the {@code socket:[N]} links in each readable /proc/PID/fd. */
    static Map<String, Holder> owners() {
        Map<String, Holder> owners = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p ->
                p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path process : processes) {
                String name = null;
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
                    for (Path fd : fds) {
                        String target;
                        try {
                            target = Files.readSymbolicLink(fd).toString();
                        } catch (IOException | RuntimeException e) {
                            continue;
                        }
                        if (target.startsWith("socket:[")) {
                            if (name == null) {
                                name = processName(process);
                            }
                            owners.putIfAbsent(target.substring(8, target.length() - 1),
                                    new Holder(name, Long.parseLong(process.getFileName().toString())));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // another user's process, or one that just ended
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return owners;
    }

    /** The program's name, with its script for an interpreter: {@code python3 server.py}. */
    private static String processName(Path process) {
        try {
            byte[] raw = Files.readAllBytes(process.resolve("cmdline"));
            String[] args = new String(raw, java.nio.charset.StandardCharsets.UTF_8).split("\u0000");
            if (args.length > 0 && !args[0].isEmpty()) {
                String program = Path.of(args[0]).getFileName().toString();
                if (program.startsWith("python") || program.equals("node") || program.equals("ruby")) {
                    for (int i = 1; i < args.length; i++) {
                        if (args[i].equals("-c")) {
                            return program + " -c";
                        }
                        if (args[i].equals("-m") && i + 1 < args.length) {
                            return program + " -m " + args[i + 1];
                        }
                        if (!args[i].startsWith("-")) {
                            return program + " " + Path.of(args[i]).getFileName();
                        }
                    }
                }
                return program;
            }
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when a socket (not only a lingering connection) holds the port. */
    public boolean held() {
        return !holders.isEmpty();
    }
}
