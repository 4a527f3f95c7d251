package io.socketworkbench.ui.fx;

import io.socketworkbench.engine.SocketEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consecutive data events of one connection, joined up to the display cap: what arrived, and what the engine
 * wrote by itself (echo, greeting) or for the user. Delivered as one event of each kind, received first.
 */
final class DataRun {
    private final long source;
    private final Map<Object, Joined> runs = new LinkedHashMap<>();

    DataRun(long source) {
        this.source = source;
    }

    static boolean starts(SocketEvent event) {
        return event instanceof SocketEvent.Received || event instanceof SocketEvent.Sent;
    }

    boolean accepts(SocketEvent event) {
        return starts(event) && event.source() == source;
    }

    void add(SocketEvent event) {
        if (event instanceof SocketEvent.Received r) {
            runs.computeIfAbsent("received", k -> new Joined(event)).add(r.data(), r.data().length);
        } else if (event instanceof SocketEvent.Sent sent) {
            runs.computeIfAbsent(sent.origin(), k -> new Joined(event))
                    .add(sent.data() == null ? new byte[0] : sent.data(), sent.bytes());
        }
    }

    List<Delivery> deliveries() {
        return runs.values().stream().map(Joined::delivery).toList();
    }

    /** Every received byte of the run, kept for display or not. */
    long receivedBytes() {
        Joined received = runs.get("received");
        return received == null ? 0 : received.total();
    }
}
