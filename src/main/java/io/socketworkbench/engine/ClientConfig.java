package io.socketworkbench.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How a TCP client connects. {@code connectTimeout} bounds the connect; {@code idleTimeout}, when set,
 * ends the connection with {@code TimeoutError} after that long without receiving anything (Python's settimeout).
 * With a {@code sink}, received bytes go to it instead of arriving as {@link SocketEvent.Received} events.
 */
public record ClientConfig(Address target, Duration connectTimeout, Duration idleTimeout, SocketOptionsSpec options,
                           long sendQueueCap, ReceiveSink sink, TlsSettings tls) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ClientConfig {
        Objects.requireNonNull(target, "target");
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        options = options == null ? SocketOptionsSpec.DEFAULTS : options;
        if (sendQueueCap <= 0) {
            throw new IllegalArgumentException("sendQueueCap must be positive");
        }
    }

    public static ClientConfig of(Address target) {
        return new ClientConfig(target, DEFAULT_CONNECT_TIMEOUT, null, SocketOptionsSpec.DEFAULTS,
                ServerConfig.DEFAULT_SEND_QUEUE_CAP, null, null);
    }

    public ClientConfig withTimeouts(Duration connect, Duration idle) {
        return new ClientConfig(target, connect, idle, options, sendQueueCap, sink, tls);
    }

    public ClientConfig withOptions(SocketOptionsSpec value) {
        return new ClientConfig(target, connectTimeout, idleTimeout, value, sendQueueCap, sink, tls);
    }

    public ClientConfig withSendQueueCap(long bytes) {
        return new ClientConfig(target, connectTimeout, idleTimeout, options, bytes, sink, tls);
    }

    public ClientConfig withSink(ReceiveSink value) {
        return new ClientConfig(target, connectTimeout, idleTimeout, options, sendQueueCap, value, tls);
    }

    /** TLS over each connection, as {@code value} says; null: plain TCP. */
    public ClientConfig withTls(TlsSettings value) {
        return new ClientConfig(target, connectTimeout, idleTimeout, options, sendQueueCap, sink, value);
    }
}
