package io.socketworkbench.ui.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The bytes a pane's TLS connections put on the wire and took off it (records, handshakes and alerts), summed from
 * the engine's {@code Wire} events into its statistics: those of open connections as last said, plus those of
 * the ones that ended. No JavaFX.
 */
final class WireTotals {
    private final TrafficStats stats;
    private final Map<Long, long[]> open = new HashMap<>();
    private long endedIn;
    private long endedOut;

    WireTotals(TrafficStats stats) {
        this.stats = stats;
    }

    /** Connection {@code connection} has read {@code read} and written {@code written} bytes on the wire so far. */
    void said(long connection, long read, long written) {
        open.put(connection, new long[] {read, written});
        show();
    }

    /** The connection ended: what it said last stays in the totals. */
    void ended(long connection) {
        long[] last = open.remove(connection);
        if (last != null) {
            endedIn += last[0];
            endedOut += last[1];
        }
    }

    private void show() {
        long in = endedIn;
        long out = endedOut;
        for (long[] counts : open.values()) {
            in += counts[0];
            out += counts[1];
        }
        stats.wire(in, out);
    }
}
