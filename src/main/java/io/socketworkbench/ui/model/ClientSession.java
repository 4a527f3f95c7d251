package io.socketworkbench.ui.model;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.fx.Delivery;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The client pane's view model: it owns the client socket and the capture, turns the engine's events into what
 * the pane shows (state, transcript) and feeds the lesson, including the socket lab's recv by hand. A send shows
 * as pending until the engine writes it, or as refused. UI thread only; no JavaFX.
 */
public final class ClientSession {
    /** True once the lesson knows the UDP socket's address (from its bind, or after its first send). */
    private boolean boundToldLesson;
    /** Where the client connects or sends to: the address its errors are about. */
    private Address target;
    private final SocketEngine engine;
    private final EventPort port;
    private final Lesson lesson;
    private final Supplier<String> lessonName;
    private final EndpointDraft form = new EndpointDraft("127.0.0.1", "37777");
    private final Transcript transcript = new Transcript(2000);
    private final Value<String> status = new Value<>(t("client.state.idle"));
    private final Value<Boolean> open = new Value<>(false);
    private final Value<Boolean> canShutdown = new Value<>(false);
    private final Value<Map<String, Object>> readBack = new Value<>(null);
    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private final PendingRecv pending;
    private TcpClient tcp;
    private UdpEndpoint udp;
    private ClientSetup current;
    private String peer = "";
    private final FramingModel framer;
    private final TrafficStats stats;
    private final TrafficLog trafficLog;
    private long bytesIn;
    private final Capturing capture;
    private final RecvPieces pieces;
    private final ClientSends sends;
    private final ClientTls tls;
    /** A peer's close that a hand-driven recv has not reached yet: it still has bytes to read first. */
    private SocketEvent.Closed eof;

    /** {@code lessonName} says what the mirror calls this client's socket when it opens ({@code c}, {@code c2}). */
    public ClientSession(SocketEngine engine, EventPort port, Lesson lesson, Supplier<String> lessonName) {
        this.engine = engine;
        this.port = port;
        this.lesson = lesson;
        this.lessonName = lessonName;
        this.pending = new PendingRecv(port);
        this.stats = new TrafficStats(port);
        this.trafficLog = new TrafficLog(port);
        this.capture = new Capturing(transcript);
        this.pieces = new RecvPieces(lesson, transcript);
        this.sends = new ClientSends(port, transcript, lesson, trafficLog);
        this.tls = new ClientTls(transcript, lesson, stats);
        this.framer = FramingModel.showingIn(port, transcript,
                (connection, message) -> transcript.add(Message.received(message, 0, peer)));
        // Choosing a framing is a lesson too: the mirror shows how a Python program frames.
        framer.framing().observe(framing -> lesson.framing(lessonName.get(), framing));
    }

    /** What the client's form holds now: the next connect's target, and what settings keep. */
    public EndpointDraft form() {
        return form;
    }

    public Transcript transcript() {
        return transcript;
    }

    public Value<String> status() {
        return status;
    }

    /** True while connecting, connected, or holding a UDP socket: Connect reads Disconnect. */
    public Value<Boolean> open() {
        return open;
    }

    /** shutdown(SHUT_WR) makes sense now. */
    public Value<Boolean> canShutdown() {
        return canShutdown;
    }

    /** The tab's capture to a file: every byte received, however much the transcript drops. */
    public Capturing capture() {
        return capture;
    }

    /** The tab's TLS: what the last handshake agreed, for the pane's TLS line. */
    public ClientTls tls() {
        return tls;
    }

    public Value<Map<String, Object>> readBack() {
        return readBack;
    }

    /** Every byte received since the session began, shown or not. */
    public long bytesReceived() {
        return bytesIn;
    }

    private ClientLab lab() {
        return current == null ? ClientLab.DEFAULT : current.lab();
    }

    /** Connects (TCP, AF_UNIX) or opens a UDP socket; DNS and connect happen on engine threads. */
    public void open(ClientSetup request) {
        close();
        current = request;
        boundToldLesson = false;
        buffer.clear();
        eof = null;
        pending.stop();
        open.set(true);
        if (request.udp()) {
            udp = engine.udp(request.udpConfig(), capture.wrap(trafficLog.wrap(port.toDatagrams(this::onEvent))));
            lesson.clientOpening(request, udp.id(), lessonName.get());
            peer = Address.format(request.target());
            target = request.target();
            status.set(t("client.state.ready", peer));
            return;
        }
        peer = Address.format(request.target());
        target = request.target();
        status.set(t("client.state.connecting", peer));
        tcp = tls.connect(engine, request, capture.wrap(trafficLog.wrap(port.to(tls.watching(this::onEvent)))),
                status);
        if (tcp == null) {
            open.set(false);
            return;
        }
        lesson.clientOpening(request, tcp.id(), lessonName.get());
    }

    /** The engine's id of this pane's socket (its facts in the timeline carry it), or -1 when none is open. */
    public long connection() {
        return tcp != null ? tcp.id() : udp != null ? udp.id() : -1;
    }

    public boolean isOpen() {
        return tcp != null || udp != null;
    }

    public void close() {
        pending.stop();
        if (eof != null) {
            SocketEvent.Closed held = eof;
            eof = null;
            closed(held);
        }
        if (tcp != null) {
            tcp.close();
        }
        if (udp != null) {
            udp.stop();
            udp = null;
            status.set(t("client.state.idle"));
        }
        open.set(false);
    }

    private boolean current(long source) {
        return (tcp != null && tcp.id() == source) || (udp != null && udp.id() == source);
    }

    private void onEvent(Delivery delivery) {
        SocketEvent event = delivery.event();
        if (!current(event.source())) {
            return;
        }
        if (event instanceof SocketEvent.Listening listening) {
            boundToldLesson = true;
            lesson.clientBound(listening.local());
            status.set(t("client.state.udp", Address.format(listening.local()), peer));
        } else if (event instanceof SocketEvent.Connected connected) {
            peer = Address.format(connected.remote());
            status.set(t("client.state.connected", Address.format(connected.local()), peer));
            transcript.add(Message.event(t("event.connected", peer)));
            lesson.clientConnected(connected.source(), connected.local(), connected.remote());
            canShutdown.set(true);
            port.when(tcp.options(), values -> {
                readBack.set(values);
                lesson.optionsRead(Lesson.Side.CLIENT, values);
            }, error -> {
                // A peer that closes at once (the homework's server greets, then closes) may end the connection
                // before its options are read: its close is already in the transcript, and nothing went wrong.
                if (error.kind() != io.socketworkbench.engine.ErrorKind.NOT_CONNECTED) {
                    transcript.add(Message.error(t("lab.optionsFailed", I18n.error(error))));
                }
            });
        } else if (event instanceof SocketEvent.Received received) {
            onReceived(received, delivery);
        } else if (event instanceof SocketEvent.Sent sent) {
            stats.out(delivery.isUnshown() ? delivery.unshown() : 1,
                    delivery.isUnshown() ? delivery.unshownBytes() : sent.bytes());
            if (udp != null && !boundToldLesson) {
                // Bound by the system on its first send (a socket for a group or a broadcast binds no address
                // first): the diagram learns which sender is this pane.
                java.net.SocketAddress local = udp.localAddress();
                if (local != null) {
                    boundToldLesson = true;
                    lesson.clientBound(local);
                }
            }
        } else if (event instanceof SocketEvent.Closed closed) {
            onClosed(closed);
        } else if (event instanceof SocketEvent.Failed failed) {
            onFailed(failed);
        } else if (event instanceof SocketEvent.SendRejected rejected) {
            transcript.add(Message.error(t("log.sendRejected", rejected.queued())));
        }
    }

    private void onReceived(SocketEvent.Received received, Delivery delivery) {
        bytesIn += delivery.totalBytes();
        stats.in(delivery.isUnshown() ? delivery.unshown() : 1, delivery.totalBytes());
        if (delivery.isUnshown()) {
            // Datagrams faster than the window: counted, and said so; the lab's buffer never had them.
            transcript.add(Message.event(t("transcript.unshownIn", delivery.unshown(), delivery.unshownBytes())));
            return;
        }
        if (lab().manualReceive()) {
            long lost = buffer.add(received, delivery.elidedBytes());
            if (lost > 0) {
                transcript.add(Message.event(t("lab.bufferDropped", lost, ReceiveBuffer.MAX_BYTES)));
            }
            if (pending.waiting()) {
                recvNow();
            } else {
                showBuffered();
            }
        } else if (udp != null) {
            pieces.datagram(lab().bufsize(), received);
        } else if (framer.feed(received.source(), received.data(), delivery.elidedBytes())) {
            // The lesson still sees the recv calls; the transcript shows the messages they make up.
            pieces.calls(lab().bufsize(), received.source(), received.data());
        } else {
            pieces.show(lab().bufsize(), received.source(), received.data(), delivery.elidedBytes(), peer);
        }
    }

    /** The continuous log to file: every event and byte, whatever the transcript drops. */
    public TrafficLog trafficLog() {
        return trafficLog;
    }

    /** Messages, bytes and rates in and out. */
    public TrafficStats stats() {
        return stats;
    }

    /** How this transcript puts received bytes back into messages; null: as they arrive. */
    public FramingModel framer() {
        return framer;
    }

    private void onClosed(SocketEvent.Closed closed) {
        if (lab().manualReceive() && closed.reason() == CloseReason.PEER && !pending.waiting()) {
            eof = closed;
            lesson.peerFinished(Lesson.Side.CLIENT, closed.source());
            showBuffered();
            return;
        }
        if (pending.waiting() && closed.reason() == CloseReason.PEER) {
            pending.stop();
            transcript.add(Message.event(t("lab.recvEmpty", lab().bufsize())));
        }
        closed(closed);
    }

    private void onFailed(SocketEvent.Failed failed) {
        String text = I18n.error(failed.error());
        transcript.add(Message.error(I18n.explained(failed.error(), target, udp != null)));
        if (udp != null) {
            lesson.raised(lessonName.get() + ".sendto(…)", failed.error());
        } else {
            lesson.clientFailed(failed.error());
        }
        status.set(text);
        if (tcp != null && tcp.id() == failed.source()) {
            tcp = null;
            open.set(false);
        }
    }

    private void closed(SocketEvent.Closed closed) {
        pending.stop();
        framer.end(closed.source());
        String text = switch (closed.reason()) {
            case PEER -> t("event.peerClosed");
            case LOCAL, STALLED -> t("event.closedByUs");
            case RESET, ERROR -> I18n.explained(closed.error(), target, false);
        };
        transcript.add(closed.error() == null ? Message.event(text) : Message.error(text));
        lesson.closed(Lesson.Side.CLIENT, closed.source(), closed.reason(), closed.error());
        status.set(text);
        canShutdown.set(false);
        if (tcp != null && tcp.id() == closed.source()) {
            tcp = null;
        }
        open.set(false);
    }

    private void showBuffered() {
        if (buffer.isEmpty() && eof != null) {
            status.set(t("lab.eofWaiting"));
        } else if (!buffer.isEmpty()) {
            status.set(t("lab.pending", buffer.bytes()));
        }
    }

    /** The lab's recv button: one recv, the way a Python socket would answer it now. Returns a problem, or null. */
    public String recvNow() {
        int size = lab().bufsize();
        String c = lessonName.get();
        String call = udp != null ? "data, addr = " + c + ".recvfrom(" + size + ")" : "data = " + c + ".recv(" + size + ")";
        if (!isOpen() && eof == null) {
            return t("input.notConnected");
        }
        if (!buffer.isEmpty()) {
            pending.stop();
            if (udp != null) {
                pieces.datagram(lab().bufsize(), buffer.nextDatagram());
            } else {
                long connection = tcp != null ? tcp.id() : eof != null ? eof.source() : -1;
                byte[] piece = buffer.take(size);
                lesson.received(Lesson.Side.CLIENT, connection, piece, size);
                transcript.add(Message.received(piece, 0, peer));
            }
            showBuffered();
            return null;
        }
        if (eof != null) {
            SocketEvent.Closed held = eof;
            eof = null;
            transcript.add(Message.event(t("lab.recvEmpty", size)));
            closed(held);
            return null;
        }
        if (lab().nonBlocking()) {
            SocketError error = SocketError.of(ErrorKind.WOULD_BLOCK);
            lesson.receiveFailed(call, error);
            transcript.add(Message.error(I18n.explained(error, target, false)));
            return null;
        }
        if (!pending.waiting()) {
            status.set(t("lab.recvWaiting", size));
            pending.start(lab().timeout(), () -> {
                SocketError error = SocketError.of(ErrorKind.TIMED_OUT);
                lesson.receiveFailed(call, error);
                transcript.add(Message.error(I18n.explained(error, target, false)));
                status.set(I18n.error(error));
            });
        }
        return null;
    }

    /** shutdown(SHUT_WR): no more sending; the server's recv returns b'' and it may still answer. */
    public String shutdownOutput() {
        if (tcp == null || !tcp.connected().isDone()) {
            return t("input.notConnected");
        }
        tcp.shutdownOutput();
        lesson.halfClosed(Lesson.Side.CLIENT, tcp.id());
        transcript.add(Message.event(t("lab.shutdownDone")));
        canShutdown.set(false);
        return null;
    }

    /**
     * Sends to the server (UDP: to the target the form gives now). Returns a problem to show instead, or null once
     * the bytes are handed to the engine: the transcript shows them pending until written, or refused.
     */
    public String send(byte[] data, Address udpTarget) {
        return sends.send(tcp, udp, peer, data, udpTarget);
    }

    /** Where a file goes: the connected server, over a stream socket (a datagram cannot carry a file). */
    public FileTarget fileTarget() {
        return sends.fileTarget(tcp, udp, peer);
    }
}
