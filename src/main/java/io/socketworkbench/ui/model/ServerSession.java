package io.socketworkbench.ui.model;

import io.socketworkbench.session.ServerSetup;
import io.socketworkbench.session.ReplyMode;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Operation;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpServer;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.ui.fx.Delivery;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server pane's view model: it owns the listening socket, turns the engine's events into what the pane shows
 * (state, clients, transcript, log) and feeds the lesson. Everything shown comes from what the engine reports it
 * did: a greeting or echo appears when the engine wrote it, a send is pending until written, or refused. UI thread
 * only (the {@link EventPort} calls back there); no JavaFX, so it is tested without the toolkit.
 */
public final class ServerSession {

    /** Sends to every client rather than one. */
    public static final long ALL = -1;

    private final SocketEngine engine;
    private final EventPort port;
    private final Lesson lesson;
    private final EndpointDraft form = new EndpointDraft("127.0.0.1", "37777");
    private final Transcript transcript = new Transcript(2000);
    private final ServerTls tls;
    private final Clients clients = new Clients();
    private final Feed<String> log = new Feed<>();
    private final Value<Boolean> running = new Value<>(false);
    private final Value<Map<String, Object>> readBack = new Value<>(null);
    private final List<Runnable> onListening = new ArrayList<>();
    private TcpServer tcp;
    private UdpEndpoint udp;
    private ServerSetup current;
    private SocketAddress lastDatagramSender;
    /** The multicast group the UDP server joined, as text, or null. */
    private String group;
    private final FramingModel framer;
    private final TrafficStats stats;
    private final ReplyRules rules = new ReplyRules();
    private final TrafficLog trafficLog;
    private final ServerSends sends;
    private final ServerStatus status;

    public ServerSession(SocketEngine engine, EventPort port, Lesson lesson) {
        this.engine = engine;
        this.port = port;
        this.lesson = lesson;
        this.stats = new TrafficStats(port);
        this.tls = new ServerTls(transcript, lesson, stats);
        stats.changed().observe(tick -> clients.sample());
        this.trafficLog = new TrafficLog(port);
        this.status = new ServerStatus(port, clients, running);
        this.sends = new ServerSends(this, port, transcript, lesson, trafficLog, log, clients, rules);
        this.framer = FramingModel.showingIn(port, transcript, (connection, message) -> {
            transcript.add(Message.received(message, 0, clients.remoteOf(connection)));
            sends.answer(message, connection, null);
        });
        framer.framing().observe(framing -> lesson.framing("con", framing));
    }

    /** The continuous log to file: every event and byte, whatever the transcript drops. */
    public TrafficLog trafficLog() {
        return trafficLog;
    }

    /** The auto-reply rules, used while the server runs with {@link ReplyMode#RULES}. */
    public ReplyRules rules() {
        return rules;
    }

    /** Messages, bytes and rates in and out, every client together. */
    public TrafficStats stats() {
        return stats;
    }

    /** How the transcript puts each client's bytes back into messages; null: as they arrive. */
    public FramingModel framer() {
        return framer;
    }

    /** What the server's form holds now: the next Start's address, and what settings keep. */
    public EndpointDraft form() {
        return form;
    }

    public Transcript transcript() {
        return transcript;
    }

    public Clients clients() {
        return clients;
    }

    /** Timestamp-free log lines, as they happen. */
    public Feed<String> log() {
        return log;
    }

    /** The state line: stopped, starting, listening (with the client count), or why it failed. */
    public Value<String> status() {
        return status.line();
    }

    /** True from Start until Stop or a failed start: the form and the reply controls are locked meanwhile. */
    public Value<Boolean> running() {
        return running;
    }

    /** getsockopt of the listening socket, once it listens. */
    public Value<Map<String, Object>> readBack() {
        return readBack;
    }

    /** The reply the running server really uses (null when stopped). */
    public ReplyMode reply() {
        return current == null ? null : current.reply();
    }

    /** Why the last start failed (null after one that listened): for an example that must say what to do. */
    public SocketError startFailure() {
        return status.startFailure();
    }

    /**
     * After a start refused with "Address already in use": {@code answer} hears (on the window's thread) true when
     * the port only lingers in TIME_WAIT from an earlier server, with nobody listening, false when another program
     * listens there.
     */
    public void whyInUse(java.util.function.Consumer<Boolean> answer) {
        Address inUse = status.inUse();
        if (inUse != null) {
            port.when(engine.onlyLingering(inUse), answer::accept, error -> answer.accept(false));
        }
    }

    /** The server's TLS: its certificate, and what the last client's handshake agreed. */
    public ServerTls tls() {
        return tls;
    }

    /** Runs once, the next time the server is listening or has failed to. */
    public void whenListening(Runnable action) {
        onListening.add(action);
    }

    public void start(ServerSetup start) {
        if (running.get()) {
            stop();
        }
        current = start;
        rules.resetCounters();
        running.set(true);
        status.starting();
        lesson.serverStarting(start.exported());
        if (start.udp()) {
            udp = engine.udp(start.udpConfig(), trafficLog.wrap(port.toDatagrams(this::onEvent)));
        } else {
            tcp = tls.listen(engine, start, trafficLog.wrap(port.to(tls.watching(this::onEvent))), this::stopped);
        }
    }

    public void stop() {
        if (tcp != null) {
            tcp.stop();
        }
        if (udp != null) {
            udp.stop();
        }
        if (tcp != null || udp != null) {
            lesson.serverStopped();
            log.publish(t("log.stopped"));
        }
        tcp = null;
        udp = null;
        stopped(t("server.state.stopped"));
    }

    private void stopped(String why) {
        running.set(false);
        current = null;
        lastDatagramSender = null;
        group = null;
        clients.clear();
        status.stopped(why);
    }

    private boolean current(long source) {
        return (tcp != null && tcp.id() == source) || (udp != null && udp.id() == source)
                || clients.get(source) != null;
    }

    private void onEvent(Delivery delivery) {
        SocketEvent event = delivery.event();
        if (!current(event.source())) {
            return;
        }
        if (delivery.isUnshown()) {
            onUnshown(delivery);
        } else if (event instanceof SocketEvent.Listening listening) {
            String local = Address.format(listening.local());
            lesson.serverListening(listening.local());
            port.when(udp != null ? udp.options() : tcp.options(), values -> {
                readBack.set(values);
                lesson.optionsRead(Lesson.Side.SERVER, values);
            }, error -> log.publish(t("log.optionsFailed", I18n.error(error))));
            status.listening(local, udp != null);
            log.publish(t("log.listening", local));
            transcript.add(Message.event(t("event.listening", local)));
            runListeners();
        } else if (event instanceof SocketEvent.Joined joined) {
            group = io.socketworkbench.engine.Multicast.text(((java.net.InetSocketAddress) joined.group()).getAddress());
            log.publish(t("log.joined", group, joined.iface()));
            transcript.add(Message.event(t("event.joined", group, joined.iface())));
        } else if (event instanceof SocketEvent.Accepted accepted) {
            String remote = Address.format(accepted.remote());
            clients.add(accepted.connection(), remote);
            lesson.accepted(accepted.connection(), accepted.remote(), accepted.local());
            log.publish(t("log.accepted", remote));
            transcript.add(Message.event(t("event.accepted", remote)));
            status.changed();
        } else if (event instanceof SocketEvent.Received received) {
            onReceived(received, delivery);
        } else if (event instanceof SocketEvent.Sent sent) {
            onSent(sent, delivery);
        } else if (event instanceof SocketEvent.Closed closed) {
            onClosed(closed);
        } else if (event instanceof SocketEvent.Failed failed) {
            onFailed(failed);
        } else if (event instanceof SocketEvent.AcceptRefused refused) {
            String line = t("log.refused", Address.format(refused.remote()), refused.limit());
            log.publish(line);
            transcript.add(Message.event(current != null && current.limits().busy().length > 0
                    ? line + "\n" + t("event.refusedTold", new String(current.limits().busy(),
                            java.nio.charset.StandardCharsets.UTF_8).strip()) : line));
        } else if (event instanceof SocketEvent.SendRejected rejected) {
            log.publish(t("log.sendRejected", rejected.queued()));
        }
    }

    private void onFailed(SocketEvent.Failed failed) {
        String text = I18n.error(failed.error());
        String remote = clients.remoteOf(failed.source());
        if (remote != null) {
            // A greeting, echo or broadcast that did not reach this client.
            text = t("log.sendFailed", remote, text);
        }
        log.publish(t("log.failed", text));
        boolean starting = failed.operation() == Operation.BIND || failed.operation() == Operation.RESOLVE;
        transcript.add(Message.error(starting && current != null && remote == null
                ? I18n.explained(failed.error(), current.address(), current.udp()) : text));
        if (starting) {
            status.failed(failed.error(), current == null ? null : current.address());
            lesson.bindFailed(failed.error());
            tcp = null;
            udp = null;
            stopped(I18n.error(failed.error()));
            runListeners();
        }
    }

    /** Datagrams that came or went faster than the window shows them: counted, and said so. */
    private void onUnshown(Delivery delivery) {
        boolean in = delivery.event() instanceof SocketEvent.Received;
        String line = t(in ? "transcript.unshownIn" : "transcript.unshownOut", delivery.unshown(),
                delivery.unshownBytes());
        if (in) {
            status.datagrams(delivery.unshown());
            SocketEvent.Received last = (SocketEvent.Received) delivery.event();
            lastDatagramSender = last.from();
            clients.countIn(last.source(), delivery.unshownBytes());
            stats.in(delivery.unshown(), delivery.unshownBytes());
        } else {
            clients.countOut(delivery.event().source(), delivery.unshownBytes());
            stats.out(delivery.unshown(), delivery.unshownBytes());
        }
        log.publish(line);
        transcript.add(Message.event(line));
        status.changed();
    }

    private void onReceived(SocketEvent.Received received, Delivery delivery) {
        boolean datagram = udp != null && received.from() != null;
        if (datagram) {
            status.datagrams(1);
        }
        String peer = datagram ? Address.format(received.from()) : clients.remoteOf(received.source());
        if (datagram && group != null) {
            // The transcript says whom a datagram came from and which group it was sent to.
            peer = t("datagram.viaGroup", peer, group);
        }
        clients.countIn(received.source(), delivery.totalBytes());
        stats.in(1, delivery.totalBytes());
        if (datagram) {
            lastDatagramSender = received.from();
        }
        log.publish(t("log.received", peer, delivery.totalBytes()));
        if (datagram || !framer.feed(received.source(), received.data(), delivery.elidedBytes())) {
            transcript.add(Message.received(received.data(), delivery.elidedBytes(), peer));
            sends.answer(received.data(), received.source(), datagram ? received.from() : null);
        }
        if (datagram) {
            lesson.receivedDatagram(Lesson.Side.SERVER, received.data(), received.from(), 65535, 0);
        } else {
            lesson.received(Lesson.Side.SERVER, received.source(), received.data(), 1024);
        }
    }

    /** Counts every write; shows the ones the engine made by itself (greeting, echo), as it made them. */
    private void onSent(SocketEvent.Sent sent, Delivery delivery) {
        clients.countOut(sent.source(), sent.bytes());
        stats.out(1, sent.bytes());
        if (sent.origin() == SocketEvent.Origin.USER || sent.data() == null) {
            return;
        }
        boolean datagram = udp != null;
        String peer = datagram ? Address.format(sent.to()) : clients.remoteOf(sent.source());
        transcript.add(new Message(Message.Kind.SENT, sent.data(), delivery.elidedBytes(), java.time.LocalTime.now(),
                peer, null, Message.Status.DONE));
        if (datagram) {
            lesson.sentDatagram(Lesson.Side.SERVER, sent.data(), sent.to());
        } else {
            lesson.sent(Lesson.Side.SERVER, sent.source(), sent.data());
        }
    }

    private void onClosed(SocketEvent.Closed closed) {
        String remote = clients.remoteOf(closed.source());
        if (remote == null) {
            return;
        }
        framer.end(closed.source());
        clients.remove(closed.source());
        lesson.closed(Lesson.Side.SERVER, closed.source(), closed.reason(), closed.error());
        Integer idle = current == null ? null : current.limits().idleSeconds();
        String line = ClosedWords.line(closed, remote, idle);
        log.publish(line);
        // The log keeps one line an event; the transcript says what a reset or error means.
        String explanation = ClosedWords.explanation(closed, idle);
        transcript.add(Message.event(explanation.isEmpty() ? line : line + "\n" + explanation));
        status.changed();
    }

    private void runListeners() {
        List<Runnable> due = new ArrayList<>(onListening);
        onListening.clear();
        due.forEach(Runnable::run);
    }

    /**
     * Sends to one client, or to {@link #ALL}; for UDP, to the last sender. Returns a problem to show instead
     * (nothing to send to), or null once the bytes are handed to the engine: the transcript shows them pending
     * until the engine writes them, or refused with its reason.
     */
    public String send(byte[] data, long target) {
        return sends.send(data, target);
    }

    /** Where a file goes: one client, or every client ({@link #ALL}), over TCP. */
    public FileTarget fileTarget(long target) {
        return sends.fileTarget(target);
    }

    TcpServer tcp() {
        return tcp;
    }

    UdpEndpoint udp() {
        return udp;
    }

    /** How the running server was started; null while stopped. */
    ServerSetup current() {
        return current;
    }

    SocketAddress lastDatagramSender() {
        return lastDatagramSender;
    }

    /** Closes one client (after its queued bytes). */
    public void closeClient(long id) {
        if (tcp != null) {
            tcp.close(id);
        }
    }
}
