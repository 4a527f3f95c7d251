package io.socketworkbench.lesson;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model behind the sequence diagram: one lifeline per endpoint (labelled ip:port, so on loopback the two sides
 * stay apart), and one arrow per thing that crossed the wire, oldest first. Consecutive arrows of the same kind
 * between the same lifelines collapse into one with a count, so a flood stays a single row. Both the lifelines and
 * the rows are bounded; the number of rows dropped is kept.
 */
public final class SequenceDiagram {

    /** What a lifeline stands for; the view names it in the user's language. */
    public enum Role { SERVER, CLIENT, PEER, OTHERS, RELAY, GROUP }

    /**
     * What an arrow shows. A {@code TLS} arrow is one record of a handshake: its preview names what the record
     * carried ({@code ClientHello}), empty when it was encrypted.
     */
    public enum Kind { CONNECT, DATA, DATAGRAM, FIN, RST, REFUSED, HALF_CLOSE, TLS }

    public record Lifeline(String address, Role role) {}

    /**
     * One row. {@code preview} is a short Python bytes literal of the first message (or an error's text);
     * {@code count} is how many collapsed into it and {@code bytes} their total.
     */
    public record Arrow(int from, int to, Kind kind, String preview, long bytes, int count) {
        Arrow plus(long more) {
            return new Arrow(from, to, kind, preview, bytes + more, count + 1);
        }
    }

    /** Lifelines before the rest share one "others" line: readable, not 1,000 columns. */
    public static final int MAX_LIFELINES = 6;
    public static final int MAX_ARROWS = 500;

    private final List<Lifeline> lifelines = new ArrayList<>();
    private final Map<String, Integer> byAddress = new HashMap<>();
    private final ArrayDeque<Arrow> arrows = new ArrayDeque<>();
    private long dropped;

    public List<Lifeline> lifelines() {
        return List.copyOf(lifelines);
    }

    public List<Arrow> arrows() {
        return List.copyOf(arrows);
    }

    /** Rows dropped from the top to keep the diagram bounded. */
    public long dropped() {
        return dropped;
    }

    public void clear() {
        lifelines.clear();
        byAddress.clear();
        arrows.clear();
        dropped = 0;
    }

    /** The lifeline for {@code address}, added on first sight; a peer's line becomes a pane's when a pane claims it. */
    public int lifeline(String address, Role role) {
        Integer known = byAddress.get(address);
        if (known != null) {
            // A pane learning that a peer is its own socket (the events of the two sides can come in either order).
            Lifeline line = lifelines.get(known);
            if (line.role() == Role.PEER && role != Role.PEER && line.address().equals(address)) {
                lifelines.set(known, new Lifeline(address, role));
            }
            return known;
        }
        int index;
        if (lifelines.size() < MAX_LIFELINES - 1) {
            index = lifelines.size();
            lifelines.add(new Lifeline(address, role));
        } else {
            index = MAX_LIFELINES - 1;
            if (lifelines.size() < MAX_LIFELINES) {
                lifelines.add(new Lifeline("", Role.OTHERS));
            }
        }
        byAddress.put(address, index);
        return index;
    }

    /** The lifeline of {@code address}, or -1. */
    public int indexOf(String address) {
        Integer known = byAddress.get(address);
        return known == null ? -1 : known;
    }

    /** A lifeline drawn before its address was known ({@code c}) takes its real address. */
    public void rename(int index, String address) {
        Lifeline line = lifelines.get(index);
        byAddress.remove(line.address());
        lifelines.set(index, new Lifeline(address, line.role()));
        byAddress.put(address, index);
    }

    /** Another address of the same socket (a wildcard-bound socket seen by its peers from 127.0.0.1). */
    public void alias(String address, int index) {
        byAddress.putIfAbsent(address, index);
    }

    /**
     * Lifeline {@code from} turns out to be {@code into} seen from elsewhere (a relay's connection onward, met by the
     * server before the relay said it was its own): its arrows and addresses move to {@code into} and it goes, the
     * lines after it moving up one. Nothing is merged once the others' line is there (it must stay last).
     * Returns false when nothing was merged.
     */
    public boolean merge(int from, int into) {
        if (from == into || from >= lifelines.size() || into >= lifelines.size()
                || lifelines.size() >= MAX_LIFELINES) {
            return false;
        }
        java.util.function.IntUnaryOperator moved = moved(from, into);
        List<Arrow> kept = new ArrayList<>(arrows);
        arrows.clear();
        for (Arrow arrow : kept) {
            arrows.addLast(new Arrow(moved.applyAsInt(arrow.from()), moved.applyAsInt(arrow.to()), arrow.kind(),
                    arrow.preview(), arrow.bytes(), arrow.count()));
        }
        lifelines.remove(from);
        byAddress.replaceAll((address, index) -> moved.applyAsInt(index));
        return true;
    }

    /** Where each lifeline's index goes when {@code from} merges into {@code into}. */
    static java.util.function.IntUnaryOperator moved(int from, int into) {
        int target = into > from ? into - 1 : into;
        return index -> index == from ? target : index > from ? index - 1 : index;
    }

    /** Whether an address already has its own lifeline (or shares the others' line). */
    public boolean knows(String address) {
        return byAddress.containsKey(address);
    }

    public void add(int from, int to, Kind kind, String preview, long bytes) {
        Arrow last = arrows.peekLast();
        if (last != null && last.from() == from && last.to() == to && last.kind() == kind
                && (kind != Kind.TLS || last.preview().equals(preview))) {
            arrows.pollLast();
            arrows.addLast(last.plus(bytes));
            return;
        }
        arrows.addLast(new Arrow(from, to, kind, preview, bytes, 1));
        if (arrows.size() > MAX_ARROWS) {
            arrows.pollFirst();
            dropped++;
        }
    }
}
