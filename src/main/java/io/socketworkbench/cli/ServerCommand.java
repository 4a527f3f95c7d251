package io.socketworkbench.cli;

import io.socketworkbench.codec.Escapes;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.DatagramSink;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.Operation;
import io.socketworkbench.engine.Operation;
import io.socketworkbench.engine.ServerConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketFailure;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.UdpConfig;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code socket-workbench server}: bind, listen, and print what clients send. */
@Command(name = "server", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            // The first line stands alone in the top-level command list: a whole sentence.
            "Listen for clients, like the tutorial's server.py, and copy what they send to stdout.",
            "The bytes go out as they are; what happens (listening, connections, errors) goes to stderr.", ""},
        footer = {"", "Examples:",
            "  socket-workbench server --greet 'This is socket!' --close-after-greet",
            "      the tutorial's homework server on 127.0.0.1:37777",
            "  socket-workbench server --port 9000 --echo",
            "  socket-workbench server --udp --port 9999 --echo",
            "  socket-workbench server --unix /tmp/demo.sock --save received.bin"})
final class ServerCommand implements java.util.concurrent.Callable<Integer> {
    private final Streams io;

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", converter = HostConverter.class,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "0.0.0.0 lets other machines connect; ::1 is IPv6 loopback.")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "37777", converter = PortConverter.class,
            description = "Port to listen on, 0-65535 (default: ${DEFAULT-VALUE}). 0 picks a free port.")
    int port;

    @ArgGroup(exclusive = true)
    Transport transport = new Transport();

    @Option(names = "--greet", paramLabel = "TEXT",
            description = "Send TEXT to each new client (with --udp: in answer to each datagram). "
                    + "Escapes such as \\r\\n and \\xNN are understood.")
    String greet;

    @Option(names = "--close-after-greet", description = "Close each client after sending the greeting.")
    boolean closeAfterGreet;

    @Option(names = "--echo", description = "Send back whatever is received.")
    boolean echo;

    @Option(names = "--save", paramLabel = "FILE", description = "Append every byte received to FILE.")
    Path save;

    @Option(names = "--once", description = "Exit after the first client leaves (with --udp: after one datagram).")
    boolean once;

    @Option(names = "--max-clients", paramLabel = "N", defaultValue = "0",
            description = "Refuse clients beyond N at a time, N from 0 to 1000000 (default: 0, no limit).")
    int maxClients;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Close a client that has sent nothing for SECONDS (more than 0, at most 86400), so that "
                    + "silent clients cannot hold the --max-clients places for ever (default: never).")
    Double idleTimeout;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS",
            description = "Close a client that has read none of the bytes waiting for it (echoes, a greeting) for "
                    + "SECONDS (more than 0, at most 86400): clients that send and never read cannot hold the "
                    + "--max-clients places for ever (default: never).")
    Double stallTimeout;

    @Option(names = "--busy", paramLabel = "TEXT",
            description = "Send TEXT (escapes as in --greet) to a client refused by --max-clients before closing "
                    + "it, so that it learns why (default: close it without a word).")
    String busy;

    /**
     * The listen queue is what absorbs a storm of connects while the server sets up the ones before: 1024, as the
     * window's server uses (Linux caps it at net.core.somaxconn, 4096 on current kernels).
     */
    @Option(names = "--backlog", paramLabel = "N", defaultValue = "1024",
            description = "The listen() backlog, from 1 to 65535 (default: ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", converter = CharsetConverter.class,
            description = "Encoding of --greet TEXT (default: ${DEFAULT-VALUE}).")
    Charset encoding;

    @picocli.CommandLine.Mixin
    GroupOptions.Join group = new GroupOptions.Join();

    @picocli.CommandLine.Mixin
    ReceivedFormat format = new ReceivedFormat();

    @picocli.CommandLine.Mixin
    RecordOption record = new RecordOption();

    @picocli.CommandLine.Mixin
    TlsOptions.Server tlsOptions = new TlsOptions.Server();

    ServerCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws CliFailure, IOException {
        // Out of file descriptors the JVM cannot load a class from a class folder: what reports a closed client
        // is loaded now (in the jlink image classes need no descriptor, but a run from the build's classes does).
        describe(new SocketEvent.Closed(0, CloseReason.PEER, null));
        if (maxClients < 0 || maxClients > 1_000_000) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--max-clients': '" + maxClients + "' is not from 0 to 1000000");
        }
        checkSeconds("--idle-timeout", idleTimeout);
        checkSeconds("--stall-timeout", stallTimeout);
        if (backlog < 1 || backlog > 65_535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--backlog': '" + backlog + "' is not from 1 to 65535");
        }
        tlsOptions.check(spec, transport.udp);
        io.socketworkbench.engine.TlsSettings tls = tlsOptions.settings(spec);
        byte[] greeting = greeting();
        byte[] busyMessage = escaped("--busy", busy);
        java.net.InetAddress group = this.group.group(spec, transport.udp);
        Address address = transport.unix != null ? Address.unix(transport.unix)
                : group == null ? Address.inet(bind, port)
                // An IPv4 group is bound as it is (only its datagrams arrive); an IPv6 one through the wildcard.
                : Address.inet(group instanceof java.net.Inet4Address ? group.getHostAddress() : "::", port);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        try (SocketEngine engine = new SocketEngine("server");
             ReceivedBytes received = ReceivedBytes.open(io.out(), save, format.show, format.frame, engine);
             io.socketworkbench.session.RecordingWriter recording = record.start(engine)) {
            Map<Long, SocketAddress> peers = new ConcurrentHashMap<>();
            Supplier<CompletableFuture<Void>> stop;
            CompletableFuture<SocketAddress> started;
            if (transport.udp) {
                var endpoint = engine.udp(new UdpConfig(address, null, echo, greeting)
                        .withSink(new DatagramCopy(received, exit))
                        .withMulticast(this.group.multicast()),
                        event -> onUdpEvent(event, exit));
                stop = endpoint::stop;
                started = endpoint.started();
                joinedOn = () -> endpoint.membership() == null ? "?"
                        : endpoint.membership().networkInterface().getName();
            } else {
                ServerConfig config = ServerConfig.of(address).withBacklog(backlog).withEcho(echo)
                        .withGreeting(greeting, closeAfterGreet).withMaxClients(maxClients)
                        .withIdleTimeout(duration(idleTimeout)).withStallTimeout(duration(stallTimeout))
                        .withBusyMessage(busyMessage).withTls(tls);
                if (!echo) {
                    // Straight from the engine's read buffer to stdout and the file: no copy, no event per read.
                    config = config.withSink((connection, data) -> {
                        try {
                            received.write(connection, data);
                        } catch (IOException e) {
                            io.err().println(SocketError.from(e).pythonText());
                            exit.complete(1);
                            throw e;
                        }
                    });
                }
                var server = engine.listen(config, event -> onTcpEvent(event, peers, received, exit));
                stop = server::stop;
                started = server.started();
            }
            // The hook is in place before the server says it listens, so a SIGTERM right after that line exits 0.
            try (SignalExit signals = new SignalExit(() -> {
                awaitQuietly(stop.get());
                RecordOption.closeQuietly(recording);
                try {
                    received.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
                io.err().flush();
            })) {
                SocketAddress local = awaitStart(started, address, transport.udp);
                if (group != null) {
                    int bound = ((java.net.InetSocketAddress) local).getPort();
                    io.err().println("Listening on " + Address.format(new java.net.InetSocketAddress(group, bound)));
                    io.err().println("Joined " + Multicast.text(group) + " on " + joinedOn.get());
                } else {
                    io.err().println("Listening on " + Address.format(local) + tlsOptions.listeningNote());
                }
                int code = exit.join();
                awaitQuietly(stop.get());
                return code;
            }
        }
    }

    /** The interface the server joined its group on, as the UDP endpoint reports it once started. */
    private java.util.function.Supplier<String> joinedOn = () -> "?";

    private void checkSeconds(String option, Double seconds) {
        if (seconds != null && !(seconds > 0 && seconds <= ClientCommand.MAX_TIMEOUT_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': '"
                    + spec.commandLine().getParseResult().matchedOption(option).stringValues().get(0)
                    + "' is not a number of seconds from more than 0 to " + ClientCommand.MAX_TIMEOUT_SECONDS);
        }
    }

    private static Duration duration(Double seconds) {
        return seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static String seconds(Double value) {
        return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString() + " s";
    }

    private byte[] greeting() {
        return escaped("--greet", greet);
    }

    private byte[] escaped(String option, String text) {
        if (text == null) {
            return new byte[0];
        }
        try {
            return Escapes.parse(text, encoding);
        } catch (PayloadSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': "
                    + e.getMessage());
        }
    }

    static SocketAddress awaitStart(CompletableFuture<SocketAddress> started, Address address, boolean udp)
            throws CliFailure {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SocketFailure failure) {
                throw new CliFailure(failure.error(), address, udp);
            }
            throw e;
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> future) {
        try {
            future.get(3, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // best effort on the way out
        }
    }

    private void onTcpEvent(SocketEvent event, Map<Long, SocketAddress> peers, ReceivedBytes received,
                            CompletableFuture<Integer> exit) {
        if (event instanceof SocketEvent.Accepted accepted) {
            peers.put(accepted.connection(), accepted.remote());
            io.err().println("Connection from " + Address.format(accepted.remote()));
        } else if (event instanceof SocketEvent.Secured secured) {
            io.err().println(TlsOptions.handshakeLine(Address.format(peers.get(secured.source())), secured.info()));
        } else if (event instanceof SocketEvent.Received data) {
            copy(received, data.source(), data.data(), exit);
        } else if (event instanceof SocketEvent.Closed closed) {
            received.endOf(closed.source());
            SocketAddress peer = peers.remove(closed.source());
            if (peer == null) {
                return;
            }
            boolean idle = idleTimeout != null && closed.error() != null
                    && closed.error().kind() == ErrorKind.TIMED_OUT;
            io.err().println("Closed " + Address.format(peer) + ": " + (idle
                    ? "it sent nothing for " + seconds(idleTimeout) + " (--idle-timeout)"
                    : closed.reason() == CloseReason.STALLED
                    ? "it read none of the bytes waiting for it for " + seconds(stallTimeout) + " (--stall-timeout)"
                    : describe(closed)));
            if (once) {
                exit.complete(0);
            }
        } else if (event instanceof SocketEvent.AcceptRefused refused) {
            io.err().println("Refused " + Address.format(refused.remote()) + ": already serving "
                    + refused.limit() + (refused.limit() == 1 ? " client" : " clients") + " (--max-clients)");
        } else if (event instanceof SocketEvent.SendRejected rejected) {
            io.err().println("Send refused: " + rejected.queued() + " bytes still queued for a client that is "
                    + "not reading");
        } else if (event instanceof SocketEvent.Failed failed && !startFailure(failed)) {
            io.err().println(failed.error().pythonText());
        }
    }

    /** A failed bind is reported once, by {@link #awaitStart}. */
    private static boolean startFailure(SocketEvent.Failed failed) {
        return failed.operation() == Operation.BIND || failed.operation() == Operation.RESOLVE;
    }

    private void onUdpEvent(SocketEvent event, CompletableFuture<Integer> exit) {
        if (event instanceof SocketEvent.Failed failed && !startFailure(failed)) {
            io.err().println(failed.error().pythonText());
            if (failed.operation() == Operation.RECEIVE && failed.error().kind() != ErrorKind.CONNECTION_REFUSED) {
                exit.complete(1);
            }
        }
    }

    /**
     * Datagrams straight from the engine's buffer to stdout and the save file, gathered and written once per
     * burst: a flood of small datagrams costs no object and no write each. Each new sender is named once.
     */
    private final class DatagramCopy implements DatagramSink {
        /** Senders already named; a crowd beyond this is not named again. */
        private static final int MAX_SENDERS = 4096;
        private final ReceivedBytes received;
        private final CompletableFuture<Integer> exit;
        private final java.util.Set<SocketAddress> senders = new java.util.HashSet<>();

        DatagramCopy(ReceivedBytes received, CompletableFuture<Integer> exit) {
            this.received = received;
            this.exit = exit;
        }

        @Override
        public void datagram(SocketAddress from, java.nio.ByteBuffer data) throws IOException {
            if (senders.size() < MAX_SENDERS && senders.add(from)) {
                io.err().println("Datagrams from " + Address.format(from)
                        + (group.join == null ? "" : " to group " + Multicast.text(Multicast.groupAddress(group.join))));
            }
            received.append(data);
            if (once) {
                received.flush();
                exit.complete(0);
            }
        }

        @Override
        public void batchEnd() throws IOException {
            received.flush();
        }
    }

    private void copy(ReceivedBytes received, long connection, byte[] data, CompletableFuture<Integer> exit) {
        try {
            received.write(connection, java.nio.ByteBuffer.wrap(data));
        } catch (IOException e) {
            // As Python's write() reports it: the errno, without the file's name (open() names it).
            io.err().println(SocketError.from(e).pythonText());
            exit.complete(1);
        }
    }

    static String describe(SocketEvent.Closed closed) {
        return switch (closed.reason()) {
            case LOCAL -> "closed by us";
            case STALLED -> "closed by us: it read none of the bytes waiting for it (--stall-timeout)";
            case PEER -> "peer closed the connection";
            case RESET, ERROR -> closed.error().pythonText();
        };
    }

    static boolean endedBadly(CloseReason reason) {
        return reason == CloseReason.RESET || reason == CloseReason.ERROR;
    }
}
