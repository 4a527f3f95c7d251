package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketEvent;
import java.util.List;

/** One kind of data event, joined: the bytes kept for display, and the count of all of them. */
final class Joined {
    private final SocketEvent first;
    /** The kept parts, copied once into one array on delivery (a single part is passed on as it is). */
    private final List<byte[]> parts = new java.util.ArrayList<>();
    private int keptSize;
    private long total;

    /** Every byte of the run, kept for display or not. */
    long total() {
        return total;
    }

    Joined(SocketEvent first) {
        this.first = first;
    }

    void add(byte[] data, int bytes) {
        int keep = Math.max(0, Math.min(FxBridge.MAX_MERGED_BYTES - keptSize, data.length));
        if (keep > 0) {
            parts.add(keep == data.length ? data : java.util.Arrays.copyOf(data, keep));
            keptSize += keep;
        }
        total += bytes;
    }

    private byte[] kept() {
        if (parts.size() == 1) {
            return parts.get(0); // engine events are immutable: their array can be shown as it is
        }
        byte[] all = new byte[keptSize];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    Delivery delivery() {
        if (first instanceof SocketEvent.Received r) {
            return new Delivery(new SocketEvent.Received(r.source(), r.from(), kept()), total - keptSize);
        }
        SocketEvent.Sent s = (SocketEvent.Sent) first;
        byte[] data = s.data() == null ? null : kept();
        return new Delivery(new SocketEvent.Sent(s.source(), s.to(), (int) Math.min(Integer.MAX_VALUE, total),
                s.origin(), data), data == null ? 0 : total - data.length);
    }
}
