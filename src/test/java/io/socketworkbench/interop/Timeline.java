package io.socketworkbench.interop;

import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.FactSink;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's timeline: every socket fact its engine reported, in order, as the engine's threads report them, with the
 * questions a test asks of them. (The window keeps no timeline yet; a recording to a file is the CLI's.)
 */
final class Timeline implements FactSink {
    private final List<Fact> facts = new ArrayList<>();

    @Override
    public synchronized void fact(Fact fact) {
        facts.add(fact);
    }

    synchronized List<Fact> facts() {
        return List.copyOf(facts);
    }

    /** The facts of one connection, server or UDP socket, in order. */
    synchronized List<Fact> of(long conn) {
        return facts.stream().filter(f -> f.conn() == conn).toList();
    }

    /** The bytes {@code conn} received ({@code in}) or sent, joined in order: TCP data and datagrams alike. */
    synchronized byte[] bytes(long conn, boolean in) {
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
    synchronized List<Long> conns(Fact.Type type) {
        List<Long> ids = new ArrayList<>();
        for (Fact fact : facts) {
            if (fact.type() == type && !ids.contains(fact.conn())) {
                ids.add(fact.conn());
            }
        }
        return ids;
    }
}
