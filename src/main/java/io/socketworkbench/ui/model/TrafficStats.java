package io.socketworkbench.ui.model;

import io.socketworkbench.ui.fx.EventPort;

/**
 * A pane's traffic: messages and bytes in and out, the rate of the last second and the peak, and a rate for each of
 * the last {@link #SECONDS} seconds for the chart. Counts come from engine events (every byte, shown or not);
 * once a second, while there is traffic and for {@link #SECONDS} after it, a sample is taken. A view model: no
 * JavaFX; {@link #changed()} ticks once a sample.
 */
public final class TrafficStats {
    public static final int SECONDS = 120;

    private final EventPort port;
    private final long[] inRates = new long[SECONDS];
    private final long[] outRates = new long[SECONDS];
    /** Where the next sample goes in the rings. */
    private int next;
    private long messagesIn;
    private long bytesIn;
    private long messagesOut;
    private long bytesOut;
    private long inThisSecond;
    private long outThisSecond;
    private long peakIn;
    private long peakOut;
    private int quietSeconds = SECONDS;
    /** Bytes on the wire, TLS's records and all; -1 while no TLS connection has said. */
    private long wireIn = -1;
    private long wireOut = -1;
    private boolean ticking;
    private final Value<Long> changed = new Value<>(0L);

    public TrafficStats(EventPort port) {
        this.port = port;
    }

    public void in(long messages, long bytes) {
        messagesIn += messages;
        bytesIn += bytes;
        inThisSecond += bytes;
        wake();
    }

    public void out(long messages, long bytes) {
        messagesOut += messages;
        bytesOut += bytes;
        outThisSecond += bytes;
        wake();
    }

    private void wake() {
        quietSeconds = 0;
        if (!ticking) {
            ticking = true;
            port.schedule(1000, this::tick);
        }
    }

    /** One second's sample; ticking goes on until the chart has shown {@link #SECONDS} quiet seconds. */
    void tick() {
        sample();
        if (inThisSecond == 0 && outThisSecond == 0 && ++quietSeconds >= SECONDS) {
            ticking = false;
        } else {
            port.schedule(1000, this::tick);
        }
        inThisSecond = 0;
        outThisSecond = 0;
        changed.set(changed.get() + 1);
    }

    private void sample() {
        inRates[next] = inThisSecond;
        outRates[next] = outThisSecond;
        next = (next + 1) % SECONDS;
        peakIn = Math.max(peakIn, inThisSecond);
        peakOut = Math.max(peakOut, outThisSecond);
    }

    /** Ticks once a sample: for the view to redraw. */
    public Value<Long> changed() {
        return changed;
    }

    /** Bytes per second in, {@code secondsAgo} seconds ago (0: the last whole second), for 0 to SECONDS - 1. */
    public long inRate(int secondsAgo) {
        return inRates[Math.floorMod(next - 1 - secondsAgo, SECONDS)];
    }

    public long outRate(int secondsAgo) {
        return outRates[Math.floorMod(next - 1 - secondsAgo, SECONDS)];
    }

    public long messagesIn() {
        return messagesIn;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long messagesOut() {
        return messagesOut;
    }

    public long bytesOut() {
        return bytesOut;
    }

    /** TLS's bytes on the wire, in and out, as its connections last said them; shown at the next sample. */
    public void wire(long in, long out) {
        wireIn = in;
        wireOut = out;
    }

    /** Bytes taken off the wire (TLS records and all); -1 when the pane's connections had no TLS. */
    public long wireIn() {
        return wireIn;
    }

    public long wireOut() {
        return wireOut;
    }

    public long peakIn() {
        return peakIn;
    }

    public long peakOut() {
        return peakOut;
    }
}
