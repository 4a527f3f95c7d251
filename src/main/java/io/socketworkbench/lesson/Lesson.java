package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.lesson.ExportRecord.Step;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live lesson: what the user's own sockets have done so far, as the tutorial's steps and a TCP state per side,
 * and through its parts the Python 3 calls that would do the same ({@link PythonMirror}), the sequence diagram
 * ({@link SequenceRecorder}) and the record that "Export as Python" replays ({@link ExportRecord}). Fed by the
 * panes on the UI thread; it holds no sockets itself.
 */
public final class Lesson {

    /** Which pane acted. */
    public enum Side { SERVER, CLIENT }

    private final EnumSet<LessonStep> done = EnumSet.noneOf(LessonStep.class);
    private final PythonMirror mirror = new PythonMirror();
    private final List<Runnable> listeners = new ArrayList<>();
    private final SequenceRecorder diagram = new SequenceRecorder();
    private final ExportRecord session = new ExportRecord();
    private final RelayHops relay = new RelayHops(diagram, this::changed);
    private TcpState server = TcpState.CLOSED;
    private TcpState client = TcpState.CLOSED;
    private boolean udp;
    /** The last thing set up speaks TLS: the TLS steps are the ones to show. */
    private boolean tls;
    /** One datagram to many: a server joined a group, or a client sends to a group or with SO_BROADCAST. */
    private boolean group;
    private ServerSetup startingServer;

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Set<LessonStep> done() {
        return EnumSet.copyOf(done);
    }

    public List<String> mirror() {
        return mirror.lines();
    }

    public SequenceDiagram sequence() {
        return diagram.sequence();
    }

    public ExportRecord exportRecord() {
        return session;
    }

    public TcpState serverState() {
        return server;
    }

    public TcpState clientState() {
        return client;
    }

    /** True when the last thing set up was UDP, so the UDP steps are the ones to show. */
    public boolean udp() {
        return udp;
    }

    /** True when the last thing set up was TCP with TLS, so the TLS steps are the ones to show. */
    public boolean tls() {
        return tls;
    }

    /** True once the session sends to many: the broadcast and multicast steps apply. */
    public boolean group() {
        return group;
    }

    /** Starts over: no steps, no mirror, an empty diagram. */
    public void clear() {
        done.clear();
        mirror.clear();
        diagram.clear();
        changed();
    }

    /** A server is about to bind as {@code setup} says; {@link #serverListening(SocketAddress)} or
     * {@link #bindFailed} follows. */
    public void serverStarting(ServerSetup setup) {
        startingServer = setup;
    }

    /** The server that was starting is bound (UDP) or listening (TCP, AF_UNIX) at {@code local}. */
    public void serverListening(SocketAddress local) {
        serverListening(startingServer, local);
    }

    /** The server that was starting could not bind (or its host did not resolve): what Python raises there. */
    public void bindFailed(SocketError error) {
        if (startingServer != null) {
            mirror.bindFailed(startingServer, error);
            changed();
        }
    }

    /** The server is bound (UDP) or listening (TCP, AF_UNIX) at {@code local}. */
    public void serverListening(ServerSetup setup, SocketAddress local) {
        Address actual = Address.of(local);
        session.server(setup);
        session.serverBound(actual);
        udp = setup.udp();
        tls = setup.tls() != null && !udp;
        diagram.serverAt(local);
        mirror.serverListening(setup, actual);
        boolean joins = setup.multicast().group() != null;
        group = joins;
        if (joins) {
            diagram.joined(io.socketworkbench.engine.Multicast.text(
                    io.socketworkbench.engine.Multicast.groupAddress(setup.multicast().group())));
        }
        if (setup.udp()) {
            done.removeAll(LessonStep.UDP);
            done.removeAll(LessonStep.GROUP);
            done.add(LessonStep.UDP_BIND);
            if (joins) {
                done.add(LessonStep.GROUP_JOIN);
            }
        } else {
            done.removeAll(LessonStep.TLS);
            done.add(LessonStep.LISTEN);
            server = TcpState.LISTEN;
        }
        changed();
    }

    /** What getsockopt reads back on a socket of {@code side} once it is set up. */
    public void optionsRead(Side side, Map<String, Object> values) {
        ServerSetup serverSetup = session.server();
        ClientSetup clientSetup = session.client();
        var spec = side == Side.SERVER
                ? serverSetup == null ? null : serverSetup.options()
                : clientSetup == null ? null : clientSetup.options();
        if (spec != null) {
            mirror.optionsRead(side, spec, values);
            changed();
        }
    }

    /** A call that raised: the line, with the exception Python shows. */
    public void raised(String call, SocketError error) {
        mirror.raised(call, error);
        changed();
    }

    public void serverStopped() {
        mirror.serverStopped(session.server());
        server = TcpState.CLOSED;
        changed();
    }

    /** The client is about to connect (TCP, AF_UNIX) or has a UDP socket ready to send. */
    public void clientOpening(ClientSetup setup) {
        clientOpening(setup, -1, "c");
    }

    /**
     * Client socket {@code id} (the engine's) is about to connect, or has a UDP socket ready to send; the mirror
     * calls it {@code name} ({@code c}, or {@code c1}, {@code c2} when there are several client tabs).
     */
    public void clientOpening(ClientSetup setup, long id, String name) {
        session.client(setup, id);
        udp = setup.udp();
        tls = setup.tls() != null && !udp;
        diagram.clientOpening();
        mirror.clientOpening(setup, id, name);
        if (setup.udp() && (Boolean.TRUE.equals(setup.options().broadcast())
                || io.socketworkbench.engine.Multicast.isGroup(setup.target()))) {
            group = true;
        }
        if (!setup.udp()) {
            client = TcpState.SYN_SENT;
        }
        changed();
    }

    public void clientConnected(long id, SocketAddress local, SocketAddress remote) {
        client = TcpState.ESTABLISHED;
        // A connect succeeds only where somebody listens, even a peer outside the app (nc, a student's server).
        done.add(LessonStep.LISTEN);
        done.add(LessonStep.CONNECT);
        mirror.clientConnected(session.client(), remote);
        diagram.clientConnected(id, local, remote);
        changed();
    }

    /** The client's connect failed: an exception, or with connect_ex the error code it returns. */
    public void clientFailed(SocketError error) {
        client = TcpState.CLOSED;
        mirror.clientFailed(session.client(), error);
        // A failed lookup sent nothing: only an answer that came over the wire is drawn.
        if (error.kind() != io.socketworkbench.engine.ErrorKind.UNKNOWN_HOST) {
            diagram.refused(Address.format(mirror.clientTarget()), error.pythonText());
        }
        session.clientFailed();
        changed();
    }

    /** The client's UDP socket is bound (by the system, on its first send). */
    public void clientBound(SocketAddress local) {
        diagram.clientAt(local);
        changed();
    }

    public void accepted(long connection, SocketAddress remote, SocketAddress local) {
        server = TcpState.ESTABLISHED;
        done.add(LessonStep.CONNECT);
        session.accepted(connection);
        mirror.accepted(remote);
        diagram.accepted(connection, remote, local);
        changed();
    }

    /**
     * The TLS handshake on {@code connection} finished ({@code side}'s view): the hello and the certificate steps,
     * the wrap in the mirror, and the handshake's records on the diagram.
     */
    public void secured(Side side, long connection, io.socketworkbench.engine.TlsInfo info) {
        done.add(LessonStep.TLS_HELLO);
        done.add(LessonStep.TLS_VERIFY);
        mirror.secured(side, connection, info);
        diagram.secured(connection, info.records());
        changed();
    }

    /**
     * Bytes sent on {@code connection} (a server sending to all clients passes each). The arrow is drawn here, at
     * the send, so that it comes before a close that follows it; a receive draws one only from a peer that is not
     * one of our panes.
     */
    public void sent(Side side, long connection, byte[] data) {
        done.add(LessonStep.SEND);
        mirror.sent(mirror.name(side, false, connection), data);
        diagram.sent(connection, PythonMirror.preview(data), data.length);
        step(side, connection, new Step(Step.Action.SEND, data.clone(), data.length, null));
        changed();
    }

    /** A datagram sent to an address the user gave. */
    public void sentDatagram(Side side, byte[] data, Address target) {
        sentDatagram(side, data, PythonSource.address(target), Address.format(target), null);
    }

    /** A datagram sent to an address the system gave, such as the sender of one received. */
    public void sentDatagram(Side side, byte[] data, SocketAddress to) {
        sentDatagram(side, data, PythonSource.address(to), Address.format(to), to);
    }

    private void sentDatagram(Side side, byte[] data, String target, String label, SocketAddress to) {
        done.add(LessonStep.UDP_SENDTO);
        if (group) {
            done.add(LessonStep.GROUP_SENDTO);
        }
        mirror.sentDatagram(mirror.name(side, true, -1), data, target);
        diagram.datagramSent(side, label, PythonMirror.preview(data), data.length);
        step(side, -1, new Step(Step.Action.SEND, data.clone(), data.length, to));
        changed();
    }

    /** Bytes received on {@code connection}, as one recv of {@code bufsize} returned them. */
    public void received(Side side, long connection, byte[] data, int bufsize) {
        // Bytes that arrived were sent, even by a peer outside the app (nc, a student's script): step 3 happened.
        done.add(LessonStep.SEND);
        done.add(LessonStep.RECEIVE);
        mirror.received(mirror.name(side, false, connection), data, bufsize);
        diagram.received(connection, PythonMirror.preview(data), data.length);
        step(side, connection, new Step(Step.Action.RECEIVE, new byte[0], data.length, null));
        changed();
    }

    /** A datagram received from {@code from}; {@code discarded} bytes did not fit in bufsize and are lost. */
    public void receivedDatagram(Side side, byte[] data, SocketAddress from, int bufsize, int discarded) {
        // The sender had a bound socket, even one outside the app.
        done.add(LessonStep.UDP_BIND);
        done.add(LessonStep.UDP_SENDTO);
        done.add(LessonStep.UDP_RECVFROM);
        if (group) {
            done.add(LessonStep.GROUP_SENDTO);
            done.add(LessonStep.GROUP_RECVFROM);
        }
        mirror.receivedDatagram(mirror.name(side, true, -1), data, from, bufsize, discarded);
        diagram.datagramReceived(side, from, PythonMirror.preview(data), data.length + discarded);
        step(side, -1, new Step(Step.Action.RECEIVE, new byte[0], data.length, from));
        changed();
    }

    /** A recv that raised instead of returning: BlockingIOError with nothing waiting, TimeoutError after a wait. */
    public void receiveFailed(String call, SocketError error) {
        raised(call, error);
    }

    /** shutdown(SHUT_WR): this side sends no more; the other side's recv returns b''. */
    public void halfClosed(Side side, long connection) {
        mirror.halfClosed(mirror.name(side, false, connection));
        set(side, TcpState.FIN_WAIT);
        diagram.halfClosed(connection);
        step(side, connection, Step.of(Step.Action.SHUT_WR));
        changed();
    }

    /**
     * The other side's FIN arrived, but {@code side} has not read the {@code b''} that tells it so, nor closed:
     * the socket waits in CLOSE_WAIT. The FIN is drawn now, as it crossed now.
     */
    public void peerFinished(Side side, long connection) {
        set(side, TcpState.CLOSE_WAIT);
        diagram.finArrived(connection);
        changed();
    }

    /** A connection ended, seen from {@code side}. */
    public void closed(Side side, long connection, CloseReason reason, SocketError error) {
        if (error != null && error.kind().tls()) {
            done.add(LessonStep.TLS_HELLO); // the hello crossed; what came back ended the handshake
        }
        done.add(LessonStep.CLOSE);
        diagram.closed(connection, reason, error == null ? "" : error.pythonText());
        if (error != null && error.kind().tls()) {
            mirror.tlsFailed(side, connection, error);
        } else {
            mirror.closed(mirror.name(side, false, connection), reason, error);
        }
        switch (reason) {
            case LOCAL, STALLED -> {
                set(side, TcpState.TIME_WAIT);
                step(side, connection, Step.of(Step.Action.CLOSE));
            }
            case PEER -> {
                set(side, TcpState.CLOSED);
                step(side, connection, Step.of(Step.Action.PEER_CLOSED));
            }
            case RESET, ERROR -> set(side, TcpState.CLOSED);
        }
        changed();
    }

    private void step(Side side, long connection, Step step) {
        if (side == Side.SERVER) {
            session.serverStep(connection, step);
        } else {
            session.clientStep(connection, step);
        }
    }

    private void set(Side side, TcpState state) {
        if (side == Side.SERVER) {
            server = state;
        } else {
            client = state;
        }
    }

    /** The relay's hops on the diagram, as the relay reports them. */
    public RelayHops relay() {
        return relay;
    }

    /**
     * A transcript chose a framing: the mirror shows how a Python program puts the messages back, and why it must
     * (TCP keeps no message boundaries). {@code sock} is the socket's name in the mirror; null framing: nothing.
     */
    public void framing(String sock, io.socketworkbench.codec.Framing framing) {
        if (framing != null) {
            mirror.framing(sock, framing);
            changed();
        }
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
