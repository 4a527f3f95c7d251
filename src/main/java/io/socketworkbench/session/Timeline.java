package io.socketworkbench.session;

import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.FactSink;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of a window (or of a command line run): every socket fact its engine reported, once, in the order
 * it happened, appended as the engine's threads report them and never changed. What the lesson, the diagram and the
 * export show can be checked against it, for any number of clients, tabs and the relay.
 *
 * <p>Bounded, as every view of the window is: past {@link #MAX_FACTS} facts or {@link #MAX_BYTES} of data, facts
 * are no longer kept but counted ({@link #omitted()}); a recording to a file ({@link RecordingWriter}) keeps every
 * byte.
 */
public final class Timeline implements FactSink {
    public static final int MAX_FACTS = 200_000;
    public static final long MAX_BYTES = 16L << 20;

    private final List<Fact> facts = new ArrayList<>();
    private long bytes;
    private long omitted;

    @Override
    public synchronized void fact(Fact fact) {
        if (omitted > 0 || facts.size() >= MAX_FACTS || bytes + fact.data().length > MAX_BYTES) {
            omitted++;
            return;
        }
        bytes += fact.data().length;
        facts.add(fact);
    }

    /** Every fact kept, in order. */
    public synchronized List<Fact> facts() {
        return List.copyOf(facts);
    }

    /** The facts of one connection, server or UDP socket, in order. */
    public synchronized List<Fact> of(long conn) {
        return facts.stream().filter(f -> f.conn() == conn).toList();
    }

    /** Facts that came after the bounds were reached: not kept, counted. */
    public synchronized long omitted() {
        return omitted;
    }

    /** The bytes {@code conn} received ({@code in}) or sent, joined in order: TCP data and datagrams alike. */
    public synchronized byte[] bytes(long conn, boolean in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Fact fact : facts) {
            if (fact.conn() == conn && fact.in() == in
                    && (fact.type() == Fact.Type.DATA || fact.type() == Fact.Type.DATAGRAM)) {
                out.writeBytes(fact.data());
            }
        }
        return out.toByteArray();
    }

    /** The ids of the connections of {@code type} (ACCEPT, CONNECT, LISTEN), in the order they happened. */
    public synchronized List<Long> conns(Fact.Type type) {
        List<Long> ids = new ArrayList<>();
        for (Fact fact : facts) {
            if (fact.type() == type && !ids.contains(fact.conn())) {
                ids.add(fact.conn());
            }
        }
        return ids;
    }

    /** Starts over. */
    public synchronized void clear() {
        facts.clear();
        bytes = 0;
        omitted = 0;
    }
}
