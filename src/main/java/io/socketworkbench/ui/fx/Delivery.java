package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketEvent;

/**
 * An engine event on the UI thread. For merged data, {@code elidedBytes} counts bytes that arrived but are not in
 * the event's array, because a view shows at most {@link FxBridge#MAX_MERGED_BYTES} of one run.
 */
public record Delivery(SocketEvent event, long elidedBytes) {
    /** All bytes this delivery stands for, kept or not. */
    public long totalBytes() {
        if (event instanceof SocketEvent.Received r) {
            return r.data().length + elidedBytes;
        }
        return event instanceof SocketEvent.Sent s ? s.bytes() : 0;
    }
}
