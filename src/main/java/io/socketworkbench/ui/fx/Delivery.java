package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketEvent;

/**
 * An engine event on the UI thread. For merged data, {@code elidedBytes} counts bytes that arrived but are not in
 * the event's array, because a view shows at most {@link FxBridge#MAX_MERGED_BYTES} of one run.
 *
 * <p>A datagram flood faster than the window is counted, not queued: then a delivery with {@code unshown > 0}
 * stands for that many datagrams ({@code unshownBytes} in all) that arrived or left and were not shown; its event
 * is the last of them.
 */
public record Delivery(SocketEvent event, long elidedBytes, long unshown, long unshownBytes) {

    public Delivery(SocketEvent event, long elidedBytes) {
        this(event, elidedBytes, 0, 0);
    }

    /** True when this delivery only counts datagrams the window did not show. */
    public boolean isUnshown() {
        return unshown > 0;
    }

    /** All bytes this delivery stands for, kept or not. */
    public long totalBytes() {
        if (unshown > 0) {
            return unshownBytes;
        }
        if (event instanceof SocketEvent.Received r) {
            return r.data().length + elidedBytes;
        }
        return event instanceof SocketEvent.Sent s ? s.bytes() : 0;
    }
}
