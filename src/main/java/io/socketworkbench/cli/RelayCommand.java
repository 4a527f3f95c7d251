package io.socketworkbench.cli;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.Operation;
import io.socketworkbench.engine.Relay;
import io.socketworkbench.engine.RelayConfig;
import io.socketworkbench.engine.RelaySides;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code socket-workbench relay}: listens, and forwards each client to HOST:PORT, byte for byte both ways, printing
 * each chunk as it passes ({@code >> } client to server, {@code << } server to client). A half-close is passed on:
 * when one side shuts down its writing, the relay shuts down its writing to the other, and the answer still comes
 * back. The engine's {@link Relay} does the forwarding on its thread, holding one side's reading while the other
 * has not taken what it was sent: the sender's pace is the receiver's, so nothing piles up in memory.
 */
@Command(name = "relay", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Listen, and forward every client to HOST:PORT, byte for byte in both directions.",
            "Each chunk is printed to stdout as it passes: '>> ' then the chunk for client to server, '<< ' for "
                    + "server to client. A half-close is passed on. Connections and errors go to stderr. SIGTERM or "
                    + "Ctrl+C closes everything and exits 0.", ""},
        footer = {"", "Examples:",
            "  socket-workbench relay --port 37778 --to 127.0.0.1:37777",
            "      watch the homework: point the client at 37778 instead of 37777",
            "  socket-workbench relay --port 8080 --to example.org:80 --show hex"})
final class RelayCommand implements java.util.concurrent.Callable<Integer> {


    private final Streams io;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", converter = HostConverter.class,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 lets other machines in).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "37778", converter = PortConverter.class,
            description = "Port to listen on, 0-65535; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--to", paramLabel = "HOST:PORT", required = true, converter = Target.Converter.class,
            description = "Where each client is forwarded ([::1]:80 for an IPv6 address).")
    Target to;

    @Option(names = "--show", paramLabel = "FORMAT", defaultValue = "python", converter = Show.Converter.class,
            description = "How chunks are printed: python (Python's repr(), the default) or hex.")
    Show show;

    /** {@code host:port}, or {@code [v6]:port}. */
    record Target(String host, int port) {
        static final class Converter implements ITypeConverter<Target> {
            @Override
            public Target convert(String value) {
                int colon = value.lastIndexOf(':');
                if (colon <= 0 || colon == value.length() - 1) {
                    throw new TypeConversionException("'" + value + "' is not HOST:PORT");
                }
                String host = value.substring(0, colon);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                int number;
                try {
                    number = Integer.parseInt(value.substring(colon + 1));
                } catch (NumberFormatException e) {
                    number = -1;
                }
                if (number < 1 || number > 65_535) {
                    throw new TypeConversionException("'" + value + "': the port is not a number from 1 to 65535");
                }
                return new Target(host, number);
            }
        }
    }

    @picocli.CommandLine.Mixin
    TlsOptions.Relay tlsOptions = new TlsOptions.Relay();

    private final Object stdout = new Object();

    RelayCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws CliFailure {
        if (show == Show.RAW) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--show': relay prints hex or python, not raw");
        }
        tlsOptions.check(spec);
        Address listen = Address.inet(bind, port);
        Address target = Address.inet(to.host(), to.port());
        RelayConfig config = RelayConfig.of(listen, target);
        config = new RelayConfig(config.listen().withTls(tlsOptions.listening()), target,
                config.upstream().withTls(tlsOptions.upstream()));
        if (tlsOptions.insecure) {
            io.err().println("Warning: --insecure: the target's certificate is not checked; anyone on the way "
                    + "could read and change these bytes");
        }
        try (SocketEngine engine = new SocketEngine("relay")) {
            Relay relay = engine.relay(config, new Printer());
            java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
            // The hook is in place before the relay says it listens, so a SIGTERM right after that line exits 0.
            try (SignalExit signals = new SignalExit(() -> {
                try {
                    relay.stop().get(3, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // best effort on the way out
                }
                stopped.countDown();
            })) {
                SocketAddress local = started(relay, listen);
                io.err().println("Listening on " + Address.format(local) + tlsOptions.listeningNote());
                io.err().println("Forwarding each client to " + to.host() + ":" + to.port()
                        + (tlsOptions.toTls ? " over TLS" : ""));
                stopped.await();
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    private SocketAddress started(Relay relay, Address listen) throws CliFailure {
        try {
            return ServerCommand.awaitStart(relay.started(), listen, false);
        } catch (CliFailure failure) {
            if (failure.error() != null && failure.error().kind() == ErrorKind.RELAY_LOOP) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
                        + " '--to': '" + to.host() + ":" + to.port() + "' is the relay's own listening address:"
                        + " every client would be forwarded back to the relay");
            }
            throw failure;
        }
    }

    /** Prints the relay's traffic as it passes: one line a chunk on stdout, connections and errors on stderr. */
    private final class Printer implements SocketListener {
        private final RelaySides sides = new RelaySides();
        private final Map<Long, String> names = new HashMap<>();

        @Override
        public void onEvent(SocketEvent event) {
            boolean upstream = sides.isUpstream(event.source());
            long client = sides.clientOf(event.source());
            sides.learn(event);
            if (event instanceof SocketEvent.Accepted accepted) {
                names.put(accepted.connection(), Address.format(accepted.remote()));
                io.err().println("Connection from " + Address.format(accepted.remote()));
            } else if (event instanceof SocketEvent.Received received) {
                print(upstream ? "<< " : ">> ", received.data());
            } else if (event instanceof SocketEvent.Secured secured) {
                io.err().println(TlsOptions.handshakeLine(upstream ? to.host() + ":" + to.port()
                        : names.getOrDefault(client, "a client"), secured.info()));
            } else if (event instanceof SocketEvent.Closed closed && upstream && closed.error() != null
                    && closed.error().kind().tls()) {
                io.err().println("Could not forward " + names.get(client) + " to " + to.host() + ":" + to.port()
                        + ": " + closed.error().pythonText());
            } else if (event instanceof SocketEvent.Failed failed && upstream
                    && failed.error().kind() != ErrorKind.CONNECTION_ABORTED) {
                io.err().println("Could not forward " + names.get(client) + " to "
                        + to.host() + ":" + to.port() + ": " + failed.error().pythonText());
            } else if (event instanceof SocketEvent.Failed failed && failed.operation() == Operation.ACCEPT) {
                // Worded as the server words it: out of descriptors, accepting pauses and goes on.
                io.err().println(failed.error().pythonText());
            } else if (event instanceof SocketEvent.AcceptRefused refused) {
                io.err().println("Refused " + Address.format(refused.remote()) + ": already relaying "
                        + refused.limit() + " clients");
            } else if (event instanceof SocketEvent.Closed closed && !upstream) {
                String name = names.remove(closed.source());
                if (name != null) {
                    io.err().println("Closed " + name);
                }
            }
        }
    }

    private void print(String arrow, byte[] chunk) {
        byte[] line = show.line(chunk);
        synchronized (stdout) {
            try {
                io.out().write(arrow.getBytes(StandardCharsets.US_ASCII));
                io.out().write(line);
                io.out().flush();
            } catch (IOException ignored) {
                // stdout closed (| head): the relay goes on forwarding
            }
        }
    }
}
