package io.socketworkbench.cli;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.Escapes;
import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Texts;
import io.socketworkbench.session.Outgoing;
import io.socketworkbench.session.Repeat;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socket-workbench client}: connect, send, and copy every byte received to stdout. */
@Command(name = "client", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Connect to a server, send TEXT or HEX if given, then copy every byte received to stdout, raw.",
            "With nothing to send, whatever arrives on stdin is sent, then the write side is shut down",
            "(like nc -N). The command exits 0 when the server closes the connection.", ""},
        footer = {"", "Examples:",
            "  socket-workbench client 127.0.0.1 37777",
            "      the tutorial's homework: prints This is socket!",
            "  socket-workbench client example.org 80 --send 'GET / HTTP/1.0\\r\\n\\r\\n'",
            "  printf 'hello' | socket-workbench client 127.0.0.1 9000",
            "  socket-workbench client --udp 127.0.0.1 9999 --send ping --timeout 2",
            "  socket-workbench client --unix /tmp/demo.sock --hex '48 69'",
            "  socket-workbench client 127.0.0.1 9000 --send 'n={{counter}}\\n' --repeat 0",
            "      one numbered line a second (the default --interval) until Ctrl+C",
            "  socket-workbench client HOST 502 --hex 01030000000A --append crc16-modbus",
            "      a Modbus request with its CRC (add --show hex to read the answer)"})
final class ClientCommand implements java.util.concurrent.Callable<Integer> {
    private static final int STDIN_CHUNK = 64 * 1024;

    private final Streams io;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Transport transport = new Transport();

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST", converter = HostConverter.class,
            description = "Server host name or address (default: 127.0.0.1).")
    String host;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PORT", converter = PortConverter.class,
            description = "Server port, 0-65535 (default: 37777).")
    Integer port;

    @ArgGroup(exclusive = true)
    Payload payload = new Payload();

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", converter = CharsetConverter.class,
            description = "Encoding of --send TEXT (default: ${DEFAULT-VALUE}). Received bytes are never decoded.")
    Charset encoding;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Like settimeout(): give up connecting, or waiting for data, after SECONDS "
                    + "(more than 0, at most 86400: one day). With --udp: how long to wait for answers (default: 1).")
    Double timeout;

    @Option(names = "--save", paramLabel = "FILE", description = "Also append every byte received to FILE.")
    Path save;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Send the payload N times (0: until Ctrl+C), --interval apart. In --send TEXT, {{counter}} "
                    + "becomes 1, 2, 3, ...; {{time}} the time (HH:mm:ss.SSS); {{random}} a number below 100000.")
    Long repeat;

    @Option(names = "--interval", paramLabel = "MS",
            description = "Milliseconds between repeated sends, 0 to 86400000 (default: 1000).")
    Long interval;

    @Option(names = "--append", paramLabel = "CHECK", converter = ChecksumConverter.class,
            description = "Append a checksum to each message: sum8, xor8, crc8, crc16-modbus (low byte first, as "
                    + "Modbus RTU sends it), crc16-ccitt, crc32 or lrc.")
    Checksum append;

    @picocli.CommandLine.Mixin
    GroupOptions.Send group = new GroupOptions.Send();

    @picocli.CommandLine.Mixin
    ReceivedFormat format = new ReceivedFormat();

    @picocli.CommandLine.Mixin
    RecordOption record = new RecordOption();

    @picocli.CommandLine.Mixin
    TlsOptions.Client tlsOptions = new TlsOptions.Client();

    /** From the TLS options, once checked; null for plain TCP. */
    private io.socketworkbench.engine.TlsSettings tls;

    /** The longest --interval: a day. */
    static final long MAX_INTERVAL_MS = 86_400_000L;

    /** The longest --timeout: a day, as the socket lab allows. */
    static final int MAX_TIMEOUT_SECONDS = 86_400;

    ClientCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws CliFailure, IOException {
        if (timeout != null && !(timeout > 0 && timeout <= MAX_TIMEOUT_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--timeout': '"
                    + spec.commandLine().getParseResult().matchedOption("--timeout").stringValues().get(0)
                    + "' is not a number of seconds from more than 0 to " + MAX_TIMEOUT_SECONDS);
        }
        if (transport.unix != null && (host != null || port != null)) {
            throw new ParameterException(spec.commandLine(), "--unix PATH takes no HOST or PORT");
        }
        if (transport.udp && transport.unix != null) {
            throw new ParameterException(spec.commandLine(), "--udp and --unix cannot be combined");
        }
        if (repeat != null && repeat < 0) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--repeat': '" + repeat + "' is not 0 (until Ctrl+C) or more");
        }
        if (interval != null && (interval < 0 || interval > MAX_INTERVAL_MS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--interval': '" + interval
                    + "' is not a number of milliseconds from 0 to " + MAX_INTERVAL_MS);
        }
        if ((repeat != null || interval != null) && payload.text == null && payload.hex == null) {
            throw new ParameterException(spec.commandLine(), "--repeat and --interval need --send TEXT or --hex HEX");
        }
        if (append != null && payload.text == null && payload.hex == null) {
            throw new ParameterException(spec.commandLine(), "--append needs --send TEXT or --hex HEX");
        }
        group.check(spec, transport.udp);
        tlsOptions.check(spec, transport.udp);
        tls = tlsOptions.settings();
        if (tlsOptions.insecure) {
            io.err().println("Warning: --insecure: the server's certificate is not checked; anyone on the way "
                    + "could read and change these bytes");
        }
        byte[] toSend = payloadBytes();
        if (toSend != null) {
            toSend = message(1);
        }
        Address target = transport.unix != null ? Address.unix(transport.unix)
                : Address.inet(host == null ? "127.0.0.1" : host, port == null ? 37777 : port);
        try (SocketEngine engine = new SocketEngine("client");
             ReceivedBytes received = ReceivedBytes.open(io.out(), save, format.show, format.frame, engine);
             io.socketworkbench.session.RecordingWriter recording = record.start(engine)) {
            return transport.udp ? udp(engine, target, toSend, received) : tcp(engine, target, toSend, received);
        }
    }

    /** Message number {@code n} (from 1): the payload with its placeholders filled in and its checksum. */
    private byte[] message(long n) {
        return outgoing().wire(n);
    }

    /** What --send or --hex, --encoding and --append say goes on the wire, as the window's Send reads it. */
    private Outgoing outgoing() {
        return payload.hex != null ? new Outgoing(payload.hex, PayloadFormat.HEX, "", append, encoding)
                : new Outgoing(payload.text, PayloadFormat.ESCAPES, "", append, encoding);
    }

    /** How many messages to send: --repeat, or one; 0 means until Ctrl+C. */
    private long count() {
        return repeat == null ? 1 : repeat;
    }

    /**
     * Sends message 1, 2, ... through {@code send} as the window's Repeat does (the same {@link Repeat}): one every
     * --interval ms, each only after the one before has been written, so a long or endless repeat holds one message
     * at a time; {@code done} runs after the last. A failed send ends the repeat; the connection's events decide
     * the exit.
     */
    private void sendRepeated(java.util.function.Function<byte[], CompletableFuture<?>> send,
                              SocketEngine timer, Runnable done) {
        new Repeat(timer::schedule).start(interval == null ? 1000 : interval, count(), this::message, send,
                new Repeat.Progress() {
                    @Override
                    public void sent(long messages, long bytes) {
                    }

                    @Override
                    public void ended(String problem) {
                        if (problem == null) {
                            done.run();
                        }
                    }
                });
    }

    private byte[] payloadBytes() {
        try {
            if (payload.hex != null) {
                return Hex.parse(payload.hex);
            }
            return payload.text == null ? null : Escapes.parse(payload.text, encoding);
        } catch (PayloadSyntaxException e) {
            String option = payload.hex != null ? "--hex" : "--send";
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }

    private int tcp(SocketEngine engine, Address target, byte[] toSend, ReceivedBytes received) throws CliFailure {
        Duration limit = timeout == null ? null : Duration.ofMillis(Math.round(timeout * 1000));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        ClientConfig config = ClientConfig.of(target).withTls(tls)
                .withTimeouts(limit == null ? ClientConfig.DEFAULT_CONNECT_TIMEOUT : limit, limit)
                .withSink((connection, data) -> {
                    received.write(connection, data);
                    if (received.stdoutBroken() && save == null) {
                        exit.complete(0);
                    }
                });
        AtomicReference<SocketError> failure = new AtomicReference<>();
        TcpClient client = engine.connect(config, event -> {
            if (event instanceof SocketEvent.Closed closed) {
                if (ServerCommand.endedBadly(closed.reason())) {
                    failure.set(closed.error());
                    exit.complete(1);
                } else {
                    exit.complete(0);
                }
            } else if (event instanceof SocketEvent.Failed failed) {
                failure.set(failed.error());
                exit.complete(1);
            } else if (event instanceof SocketEvent.Secured secured) {
                io.err().println(TlsOptions.handshakeLine(Address.format(target), secured.info()));
            }
        });
        client.connected().thenRun(() -> {
            if (toSend != null) {
                sendRepeated(client::send, engine, () -> { });
            } else {
                client.sendAll(io.in(), STDIN_CHUNK);
            }
        });
        int code = exit.join();
        if (failure.get() != null) {
            throw new CliFailure(failure.get(), target, false);
        }
        return code;
    }

    /**
     * Where a UDP client binds: on loopback when the target is there, so nothing beyond this machine can send to
     * it; elsewhere the system picks, on the first send, as with a fresh Python socket.
     */
    private static Address loopbackBind(Address target) {
        if (target instanceof Address.Inet inet) {
            String host = inet.host();
            if (host.equals("localhost") || host.startsWith("127.")) {
                return Address.inet("127.0.0.1", 0);
            }
            if (host.equals("::1")) {
                return Address.inet("::1", 0);
            }
        }
        return null;
    }

    private int udp(SocketEngine engine, Address target, byte[] toSend, ReceivedBytes received)
            throws CliFailure, IOException {
        byte[] datagram = toSend != null ? toSend : io.in().readNBytes(UdpEndpoint.MAX_DATAGRAM + 1);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        AtomicReference<SocketError> failure = new AtomicReference<>();
        long waitMillis = Math.round((timeout == null ? 1.0 : timeout) * 1000);
        AtomicReference<Runnable> idle = new AtomicReference<>();
        // The wait for answers ends the run only once every repeat has gone out.
        java.util.concurrent.atomic.AtomicBoolean allSent = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable restartTimer = () -> {
            Runnable previous = idle.getAndSet(engine.schedule(waitMillis, () -> {
                if (allSent.get()) {
                    exit.complete(0);
                }
            }));
            if (previous != null) {
                previous.run();
            }
        };
        // Answers count only from where the datagram went; anyone else on the network is a stranger.
        AtomicReference<java.net.SocketAddress> peer = new AtomicReference<>();
        java.util.Set<java.net.SocketAddress> strangers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            // To a group or a broadcast address, the answers come from the members, whoever they are.
            boolean toMany = group.toMany(target);
            UdpConfig config = UdpConfig.of(toMany ? null : loopbackBind(target)).withOptions(group.options())
                    .withMulticast(group.multicast());
            UdpEndpoint endpoint = engine.udp(config, event -> {
                if (event instanceof SocketEvent.Sent sent && sent.to() != null) {
                    peer.compareAndSet(null, sent.to());
                } else if (event instanceof SocketEvent.Received data) {
                    if (!toMany && !data.from().equals(peer.get())) {
                        if (strangers.size() < 16 && strangers.add(data.from())) {
                            io.err().println("Ignored a datagram from " + Address.format(data.from())
                                    + ": the answer can only come from where the datagram went");
                        }
                        return;
                    }
                    restartTimer.run();
                    write(received, data.data(), exit);
                } else if (event instanceof SocketEvent.Failed failed) {
                    failure.set(failed.error());
                    exit.complete(1);
                }
            });
            java.util.function.Function<byte[], CompletableFuture<?>> send = bytes -> {
                CompletableFuture<?> sent = endpoint.send(target, bytes);
                sent.whenComplete((ok, error) -> {
                    if (error != null) {
                        // A datagram that could not go out ends the run with the reason; nothing would answer.
                        failure.compareAndSet(null, SocketError.from(error));
                        exit.complete(1);
                    }
                });
                return sent;
            };
            if (toSend != null) {
                sendRepeated(send, engine, () -> {
                    allSent.set(true);
                    restartTimer.run();
                });
            } else {
                send.apply(datagram).thenRun(() -> {
                    allSent.set(true);
                    restartTimer.run();
                });
            }
            int code = exit.join();
            if (failure.get() != null) {
                SocketError error = failure.get();
                if (error.kind() == ErrorKind.PERMISSION_DENIED && !group.broadcast) {
                    // Python's words, and what they mean here: a broadcast address needs SO_BROADCAST.
                    throw new CliFailure(error, target, true, Texts.t(
                            "explain.permission-denied.broadcast", target instanceof Address.Inet inet ? inet.host()
                            : Address.format(target)));
                }
                throw new CliFailure(error, target, true);
            }
            return code;
        } finally {
            Runnable waiting = idle.get();
            if (waiting != null) {
                waiting.run();
            }
        }
    }

    private void write(ReceivedBytes received, byte[] data, CompletableFuture<Integer> exit) {
        try {
            received.write(data);
            if (received.stdoutBroken() && save == null) {
                exit.complete(0);
            }
        } catch (IOException e) {
            io.err().println(SocketError.from(e).pythonText());
            exit.complete(1);
        }
    }
}
