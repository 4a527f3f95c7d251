package io.socketworkbench.ui.model;

import io.socketworkbench.session.QuickItem;
import io.socketworkbench.ui.fx.EventPort;
import java.util.List;
import java.util.function.Function;

/**
 * Runs quick messages as a sequence: each message sent in turn, each delay waited, once or in a loop, until the
 * end or Stop; the step under way is shown. A send that is refused stops the sequence with its reason. No JavaFX.
 */
public final class SequenceRunner {
    private final EventPort port;
    private final Value<Integer> step = new Value<>(-1);
    private final Value<Boolean> running = new Value<>(false);
    private final Value<String> stoppedBecause = new Value<>(null);
    private List<QuickItem> items = List.of();
    private boolean loop;
    private Function<QuickItem, String> send;
    private Runnable cancel;

    public SequenceRunner(EventPort port) {
        this.port = port;
    }

    /** The index of the item under way, or -1. */
    public Value<Integer> step() {
        return step;
    }

    public Value<Boolean> running() {
        return running;
    }

    public Value<String> stoppedBecause() {
        return stoppedBecause;
    }

    public void start(List<QuickItem> all, boolean loop, Function<QuickItem, String> send) {
        stop();
        if (all.stream().allMatch(QuickItem::isDelay)) {
            return; // nothing to send
        }
        this.items = List.copyOf(all);
        this.loop = loop;
        this.send = send;
        stoppedBecause.set(null);
        running.set(true);
        run(0);
    }

    public void stop() {
        if (cancel != null) {
            cancel.run();
            cancel = null;
        }
        running.set(false);
        step.set(-1);
    }

    private void run(int index) {
        cancel = null;
        if (!running.get()) {
            return;
        }
        if (index >= items.size()) {
            if (!loop) {
                stop();
                return;
            }
            index = 0;
        }
        step.set(index);
        QuickItem item = items.get(index);
        int next = index + 1;
        if (item.isDelay()) {
            cancel = port.schedule(item.delayMillis(), () -> run(next));
            return;
        }
        String problem = send.apply(item);
        if (problem != null) {
            stoppedBecause.set(problem);
            stop();
            return;
        }
        // The next step on the next pulse: a loop without delays cannot hold the window's thread.
        cancel = port.schedule(0, () -> run(next));
    }
}
