package io.socketworkbench.engine;

import java.util.Objects;

/**
 * How a TCP server listens and what it does by itself: greet each client, close after the greeting
 * (the tutorial's homework server), echo what it receives, and refuse clients beyond a limit.
 */
public record ServerConfig(Address bind, int backlog, SocketOptionsSpec options, byte[] greeting,
                           boolean closeAfterGreet, boolean echo, int maxClients, long sendQueueCap,
                           ReceiveSink sink, java.time.Duration idleTimeout,
                           java.time.Duration stallTimeout, byte[] busyMessage, TlsSettings tls) {

    public static final int DEFAULT_BACKLOG = 50;
    public static final long DEFAULT_SEND_QUEUE_CAP = 16L * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        greeting = greeting == null ? new byte[0] : greeting.clone();
        busyMessage = busyMessage == null ? new byte[0] : busyMessage.clone();
        if (backlog < 0 || maxClients < 0 || sendQueueCap <= 0) {
            throw new IllegalArgumentException("backlog, maxClients and sendQueueCap must not be negative");
        }
    }

    public static ServerConfig of(Address bind) {
        return new ServerConfig(bind, DEFAULT_BACKLOG, SocketOptionsSpec.DEFAULTS, null, false, false, 0,
                DEFAULT_SEND_QUEUE_CAP, null, null, null, null, null);
    }

    public ServerConfig withGreeting(byte[] text, boolean closeAfter) {
        return new ServerConfig(bind, backlog, options, text, closeAfter, echo, maxClients, sendQueueCap,
                sink, idleTimeout, stallTimeout, busyMessage, tls);
    }

    public ServerConfig withEcho(boolean on) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, on, maxClients, sendQueueCap,
                sink, idleTimeout, stallTimeout, busyMessage, tls);
    }

    public ServerConfig withMaxClients(int limit) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, limit, sendQueueCap,
                sink, idleTimeout, stallTimeout, busyMessage, tls);
    }

    public ServerConfig withBacklog(int value) {
        return new ServerConfig(bind, value, options, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                sink, idleTimeout, stallTimeout, busyMessage, tls);
    }

    public ServerConfig withOptions(SocketOptionsSpec value) {
        return new ServerConfig(bind, backlog, value, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                sink, idleTimeout, stallTimeout, busyMessage, tls);
    }

    /**
     * Received bytes go to {@code value} on the engine's thread instead of as events (see {@link ReceiveSink}):
     * for copying clients' streams to a file without a copy per read. Not with echo, which needs the bytes.
     */
    public ServerConfig withSink(ReceiveSink value) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                value, idleTimeout, stallTimeout, busyMessage, tls);
    }

    /**
     * Closes a client that has sent nothing for {@code value} (null: never), with TimeoutError: a crowd of silent
     * clients cannot hold a server's --max-clients places for ever.
     */
    public ServerConfig withIdleTimeout(java.time.Duration value) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                sink, value, stallTimeout, busyMessage, tls);
    }

    public ServerConfig withSendQueueCap(long bytes) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, maxClients, bytes,
                sink, idleTimeout, stallTimeout, busyMessage, tls);
    }

    /**
     * Closes a client that has taken none of the bytes waiting for it (an echo, a greeting, a send) for
     * {@code value} (null: never): a crowd that sends and never reads cannot hold a server's places for ever.
     */
    public ServerConfig withStallTimeout(java.time.Duration value) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                sink, idleTimeout, value, busyMessage, tls);
    }

    /** Sent to a client refused for {@code maxClients} before it is closed, so that it can learn why. */
    public ServerConfig withBusyMessage(byte[] value) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                sink, idleTimeout, stallTimeout, value, tls);
    }

    /** TLS over each connection, as {@code value} says; null: plain TCP. */
    public ServerConfig withTls(TlsSettings value) {
        return new ServerConfig(bind, backlog, options, greeting, closeAfterGreet, echo, maxClients, sendQueueCap,
                sink, idleTimeout, stallTimeout, busyMessage, value);
    }
}
