package io.socketworkbench.ui.model;

import java.util.Locale;

/** Whether a server bound to an address can be reached from other machines. Pure; no JavaFX. */
public final class Exposure {
    private Exposure() {
    }

    /**
     * True unless {@code host} is a loopback address ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) or empty:
     * the wildcards {@code 0.0.0.0} and {@code ::}, a LAN interface's address, or a name that may resolve to one, all
     * let other machines connect.
     */
    public static boolean exposes(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty() || h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return false;
        }
        return !h.matches("127(\\.\\d{1,3}){3}");
    }
}
