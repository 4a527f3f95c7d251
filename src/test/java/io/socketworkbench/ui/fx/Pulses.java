package io.socketworkbench.ui.fx;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Drives a bridge by hand, as the FX pulse would, on the test thread: view models run without the toolkit, and a
 * test waits for the state it needs (bounded), never for a fixed time.
 */
public final class Pulses {
    private final FxBridge bridge = new FxBridge();

    public EventPort port() {
        return bridge;
    }

    /** Pulses until {@code done} holds; fails after {@code limit}. */
    public void until(BooleanSupplier done, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            bridge.drain();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    public void until(BooleanSupplier done, String what) {
        until(done, Duration.ofSeconds(10), what);
    }

    /** Pulses until nothing is queued, so that what has happened so far is shown. */
    public void settle() {
        while (bridge.drain() > 0) {
            // keep draining
        }
    }
}
