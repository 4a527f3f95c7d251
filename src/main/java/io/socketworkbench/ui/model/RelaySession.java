package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Operation;
import io.socketworkbench.engine.Relay;
import io.socketworkbench.engine.RelayConfig;
import io.socketworkbench.engine.RelaySides;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.session.RelaySetup;
import io.socketworkbench.session.TlsChoice;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.TlsFileException;
import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.i18n.I18n;
import java.net.InetSocketAddress;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay pane's view model: listens, forwards every client to the target byte for byte (the engine's
 * {@link Relay}, on the engine's thread), and shows both directions in one transcript: client to server as received
 * bubbles, server to client as sent ones, each named "from → to". Forwarding never waits for the window: when the
 * window falls more than {@link #MAX_WAITING} bytes behind, chunks are counted, not shown, and the transcript says
 * how many. Over TLS (to its clients, with this machine's certificate, or to the target) it shows the plaintext,
 * with each handshake as an event and as rows on the lesson's diagram. No JavaFX.
 */
public final class RelaySession {
    static final long MAX_WAITING = 4L * 1024 * 1024;

    private final SocketEngine engine;
    private final EventPort port;
    private final io.socketworkbench.lesson.Lesson lesson;
    private final Transcript transcript = new Transcript(2000);
    private final Value<String> status = new Value<>(t("relay.state.stopped"));
    private final Value<Boolean> running = new Value<>(false);
    private final Value<String> tlsInfo = new Value<>(null);
    private final Value<Boolean> unchecked = new Value<>(false);
    private final AtomicLong waitingBytes = new AtomicLong();
    private final AtomicLong unshownBytes = new AtomicLong();
    private final AtomicBoolean unshownNoted = new AtomicBoolean();
    /** UI thread: each connection's ends, named: the client, the target, the relay's own address toward it. */
    private final Map<Long, String[]> ends = new HashMap<>();
    private final AtomicLong forwarded = new AtomicLong();
    private int connections;
    private Relay relay;
    private String listening = "";
    private String target = "";
    private int localPort = -1;

    public RelaySession(SocketEngine engine, EventPort port, io.socketworkbench.lesson.Lesson lesson) {
        this.engine = engine;
        this.port = port;
        this.lesson = lesson;
    }

    public Transcript transcript() {
        return transcript;
    }

    public Value<String> status() {
        return status;
    }

    public Value<Boolean> running() {
        return running;
    }

    /** Bytes forwarded, both directions, every connection: counted on the relay's threads. */
    public long forwardedBytes() {
        return forwarded.get();
    }

    /** Starts the relay {@code setup} describes; whether it could is said in the transcript and the state line. */
    public void start(RelaySetup setup) {
        stop();
        Address where = setup.listen();
        target = Address.format(setup.target());
        RelayConfig config;
        try {
            config = setup.config();
            TlsChoice.Server own = setup.tls() ? TlsChoice.selfSignedServer() : null;
            tlsInfo.set(own == null ? null : t("relay.tls.certificate", own.certificateFile(),
                    String.join(", ", Certificates.LOCAL_NAMES), own.fingerprint()));
        } catch (TlsFileException e) {
            String problem = t("tls.certificate.bad", e.file(), t("tls.file." + e.reason().key()));
            tlsInfo.set(problem);
            transcript.add(Message.error(problem));
            status.set(problem);
            return;
        }
        unchecked.set(setup.toTls() && !setup.verifyTarget());
        Relay started = engine.relay(config, new Watcher());
        relay = started;
        connections = 0;
        running.set(true);
        status.set(t("relay.state.starting"));
        String hops = (setup.tls() ? t("relay.hop.tls") : "") + (setup.toTls() ? t("relay.hop.toTls") : "");
        port.when(started.started(), local -> {
            if (relay != started) {
                return;
            }
            listening = Address.format(local);
            localPort = local instanceof InetSocketAddress inet ? inet.getPort() : -1;
            transcript.add(Message.event(t("relay.event.listening", listening, target) + hops));
            showState();
        }, error -> {
            if (relay != started) {
                return;
            }
            relay = null;
            running.set(false);
            transcript.add(Message.error(I18n.explained(error, where, false)));
            status.set(I18n.error(error));
        });
    }

    /** What the relay's TLS toward its clients shows them (its certificate, which they trust); null without. */
    public Value<String> tlsInfo() {
        return tlsInfo;
    }

    /** True while the relay speaks TLS to the target without checking its certificate: the pane says so in red. */
    public Value<Boolean> unchecked() {
        return unchecked;
    }

    public void stop() {
        if (relay == null) {
            return;
        }
        relay.stop();
        relay = null;
        localPort = -1;
        running.set(false);
        transcript.add(Message.event(t("relay.event.stopped")));
        status.set(t("relay.state.stopped"));
    }

    /** The port it listens on (the real one after port 0), or -1 when stopped. */
    public int localPort() {
        return localPort;
    }

    private void showState() {
        status.set(t("relay.state.running", listening, target, connections));
    }

    /** From the engine's thread: runs {@code shown} on the UI thread, soon; {@code bytes} count against the backlog. */
    private void post(Runnable shown, long bytes) {
        waitingBytes.addAndGet(bytes);
        port.post(() -> {
            waitingBytes.addAndGet(-bytes);
            noteUnshown();
            shown.run();
        });
    }

    /** UI thread: says how many forwarded bytes were counted, not shown, since it last said so. */
    private void noteUnshown() {
        unshownNoted.set(false);
        long unshown = unshownBytes.getAndSet(0);
        if (unshown > 0) {
            transcript.add(Message.event(t("relay.unshown", unshown)));
        }
    }

    private String[] endsOf(long id) {
        return ends.getOrDefault(id, new String[] {"?", "?", null});
    }

    /**
     * On the engine's thread: turns the relay's events into what the transcript and the lesson show, posted to the
     * UI thread. A chunk is counted, not shown, while the window is {@link #MAX_WAITING} bytes behind.
     */
    private final class Watcher implements SocketListener {
        private final RelaySides sides = new RelaySides();
        /** Engine thread: the error that ended a client's connection to the target, shown when the client's ends. */
        private final Map<Long, SocketError> upstreamErrors = new HashMap<>();

        @Override
        public void onEvent(SocketEvent event) {
            boolean upstream = sides.isUpstream(event.source());
            long id = sides.clientOf(event.source());
            sides.learn(event);
            if (event instanceof SocketEvent.Accepted accepted) {
                accepted(accepted.connection(), Address.format(accepted.remote()));
            } else if (event instanceof SocketEvent.Connected connected && upstream) {
                forwarding(id, Address.format(connected.remote()), Address.format(connected.local()));
            } else if (event instanceof SocketEvent.Failed failed && failed.operation() == Operation.CONNECT
                    && upstream && failed.error().kind() != io.socketworkbench.engine.ErrorKind.CONNECTION_ABORTED) {
                SocketError error = failed.error();
                post(() -> transcript.add(Message.error(t("relay.event.failed", endsOf(id)[0],
                        I18n.error(error)))), 0);
            } else if (event instanceof SocketEvent.Failed failed && failed.operation() == Operation.ACCEPT) {
                SocketError error = failed.error();
                post(() -> transcript.add(Message.error(t("relay.event.acceptFailed", I18n.error(error)))), 0);
            } else if (event instanceof SocketEvent.AcceptRefused refused) {
                String name = Address.format(refused.remote());
                post(() -> transcript.add(Message.error(t("relay.event.refused", name, refused.limit()))), 0);
            } else if (event instanceof SocketEvent.Secured secured) {
                secured(id, upstream, secured.info());
            } else if (event instanceof SocketEvent.Received received) {
                chunk(id, !upstream, received.data());
            } else if (event instanceof SocketEvent.PeerFinished) {
                halfClosed(id, !upstream);
            } else if (event instanceof SocketEvent.Closed closed) {
                if (upstream) {
                    if (closed.error() != null) {
                        upstreamErrors.put(id, closed.error());
                    }
                } else {
                    SocketError upstreamError = upstreamErrors.remove(id);
                    closed(id, closed.error() != null ? closed.error() : upstreamError);
                }
            }
        }

        private void accepted(long id, String name) {
            post(() -> {
                ends.put(id, new String[] {name, "…", null});
                connections++;
                transcript.add(Message.event(t("relay.event.accepted", name)));
                showState();
            }, 0);
        }

        private void forwarding(long id, String name, String upstream) {
            post(() -> {
                endsOf(id)[1] = name;
                endsOf(id)[2] = upstream;
                transcript.add(Message.event(t("relay.event.forwarding", endsOf(id)[0], name)));
                lesson.relay().forwarding(endsOf(id)[0], listening, upstream, name);
            }, 0);
        }

        private void secured(long id, boolean toTarget, io.socketworkbench.engine.TlsInfo info) {
            post(() -> {
                String[] names = endsOf(id);
                transcript.add(Message.event(t(toTarget ? "relay.event.tls.target" : "relay.event.tls.client",
                        toTarget ? names[1] : names[0], info.summary())));
                lesson.relay().secured(names[0], listening, names[2], names[1], toTarget, info);
            }, 0);
        }

        private void chunk(long id, boolean toServer, byte[] data) {
            forwarded.addAndGet(data.length);
            if (waitingBytes.get() > MAX_WAITING) {
                unshownBytes.addAndGet(data.length);
                if (unshownNoted.compareAndSet(false, true)) {
                    port.post(RelaySession.this::noteUnshown);
                }
                return;
            }
            LocalTime at = LocalTime.now();
            post(() -> {
                String[] names = endsOf(id);
                lesson.relay().chunk(names[0], listening, names[2], names[1], toServer, data);
                transcript.add(toServer
                        ? new Message(Message.Kind.RECEIVED, data, 0, at, names[0] + " \u2192 " + names[1], null,
                                Message.Status.DONE)
                        : new Message(Message.Kind.SENT, data, 0, at, names[1] + " \u2192 " + names[0], null,
                                Message.Status.DONE));
            }, data.length);
        }

        private void halfClosed(long id, boolean toServer) {
            post(() -> {
                String[] names = endsOf(id);
                lesson.relay().halfClosed(names[0], listening, names[2], names[1], toServer);
                transcript.add(Message.event(toServer ? t("relay.event.halfClosed", names[0], names[1])
                        : t("relay.event.halfClosed", names[1], names[0])));
            }, 0);
        }

        private void closed(long id, SocketError error) {
            post(() -> {
                String[] names = ends.remove(id);
                String name = names == null ? "?" : names[0];
                transcript.add(error == null ? Message.event(t("relay.event.closed", name))
                        : Message.error(t("relay.event.reset", name, I18n.error(error))));
                connections = Math.max(0, connections - 1);
                if (relay != null) {
                    showState();
                }
            }, 0);
        }
    }
}
