package io.socketworkbench.ui.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages sent from an input, for Up and Down as a shell recalls commands: Up goes back, Down forward, and past
 * the newest comes back to what was being typed. Bounded; a message sent twice in a row is kept once.
 */
public final class History {
    static final int MOST = 200;

    private final List<String> sent = new ArrayList<>();
    /** Where Up/Down stand: {@code sent.size()} is "what is being typed". */
    private int at;
    private String typing = "";

    public void add(String message) {
        if (message == null || message.isEmpty()) {
            return;
        }
        if (sent.isEmpty() || !sent.get(sent.size() - 1).equals(message)) {
            sent.add(message);
            if (sent.size() > MOST) {
                sent.remove(0);
            }
        }
        at = sent.size();
        typing = "";
    }

    /** The message before the one shown, or null at the oldest; {@code current} is kept to come back to. */
    public String up(String current) {
        if (at == sent.size()) {
            typing = current;
        }
        if (at == 0) {
            return null;
        }
        return sent.get(--at);
    }

    /** The message after the one shown, what was being typed past the newest, or null when already there. */
    public String down() {
        if (at >= sent.size()) {
            return null;
        }
        at++;
        return at == sent.size() ? typing : sent.get(at);
    }
}
