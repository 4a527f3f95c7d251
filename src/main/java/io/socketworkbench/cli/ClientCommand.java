package io.socketworkbench.cli;

import io.socketworkbench.codec.Escapes;
import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
            "  socket-workbench client --unix /tmp/demo.sock --hex '48 69'"})
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
        byte[] toSend = payloadBytes();
        Address target = transport.unix != null ? Address.unix(transport.unix)
                : Address.inet(host == null ? "127.0.0.1" : host, port == null ? 37777 : port);
        try (SocketEngine engine = new SocketEngine("client");
             ReceivedBytes received = ReceivedBytes.open(io.out(), save)) {
            return transport.udp ? udp(engine, target, toSend, received) : tcp(engine, target, toSend, received);
        }
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
        ClientConfig config = ClientConfig.of(target)
                .withTimeouts(limit == null ? ClientConfig.DEFAULT_CONNECT_TIMEOUT : limit, limit)
                .withSink((connection, data) -> {
                    received.write(data);
                    if (received.stdoutBroken() && save == null) {
                        exit.complete(0);
                    }
                });
        AtomicReference<String> failure = new AtomicReference<>();
        TcpClient client = engine.connect(config, event -> {
            if (event instanceof SocketEvent.Closed closed) {
                if (ServerCommand.endedBadly(closed.reason())) {
                    failure.set(closed.error().pythonText());
                    exit.complete(1);
                } else {
                    exit.complete(0);
                }
            } else if (event instanceof SocketEvent.Failed failed) {
                failure.set(failed.error().pythonText());
                exit.complete(1);
            }
        });
        client.connected().thenRun(() -> {
            if (toSend != null) {
                client.send(toSend);
            } else {
                pumpStdin(client);
            }
        });
        int code = exit.join();
        if (failure.get() != null) {
            throw new CliFailure(failure.get());
        }
        return code;
    }

    /** Sends stdin as it arrives, one chunk in flight at a time so memory stays bounded, then SHUT_WR. */
    private void pumpStdin(TcpClient client) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[STDIN_CHUNK];
            try {
                int n;
                while ((n = io.in().read(buffer)) >= 0) {
                    if (n > 0) {
                        client.send(Arrays.copyOf(buffer, n)).join();
                    }
                }
                client.shutdownOutput();
            } catch (IOException | CompletionException e) {
                // The connection ended first; its Closed event decides the exit status.
            }
        }, "stdin");
        pump.setDaemon(true);
        pump.start();
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
        AtomicReference<String> failure = new AtomicReference<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "udp-timeout");
            t.setDaemon(true);
            return t;
        });
        long waitMillis = Math.round((timeout == null ? 1.0 : timeout) * 1000);
        AtomicReference<ScheduledFuture<?>> idle = new AtomicReference<>();
        Runnable restartTimer = () -> {
            ScheduledFuture<?> previous = idle.getAndSet(
                    timer.schedule(() -> exit.complete(0), waitMillis, TimeUnit.MILLISECONDS));
            if (previous != null) {
                previous.cancel(false);
            }
        };
        // Answers count only from where the datagram went; anyone else on the network is a stranger.
        AtomicReference<java.net.SocketAddress> peer = new AtomicReference<>();
        java.util.Set<java.net.SocketAddress> strangers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            UdpEndpoint endpoint = engine.udp(UdpConfig.of(loopbackBind(target)), event -> {
                if (event instanceof SocketEvent.Sent sent && sent.to() != null) {
                    peer.compareAndSet(null, sent.to());
                } else if (event instanceof SocketEvent.Received data) {
                    if (!data.from().equals(peer.get())) {
                        if (strangers.size() < 16 && strangers.add(data.from())) {
                            io.err().println("Ignored a datagram from " + Address.format(data.from())
                                    + ": the answer can only come from where the datagram went");
                        }
                        return;
                    }
                    restartTimer.run();
                    write(received, data.data(), exit);
                } else if (event instanceof SocketEvent.Failed failed) {
                    failure.set(failed.error().pythonText());
                    exit.complete(1);
                }
            });
            endpoint.send(target, datagram).whenComplete((sent, error) -> {
                if (error == null) {
                    restartTimer.run();
                } else {
                    // A datagram that could not go out ends the run with the reason; nothing would ever answer.
                    failure.compareAndSet(null, SocketError.from(error).pythonText());
                    exit.complete(1);
                }
            });
            int code = exit.join();
            if (failure.get() != null) {
                throw new CliFailure(failure.get());
            }
            return code;
        } finally {
            timer.shutdownNow();
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
