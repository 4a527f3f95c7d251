package io.socketworkbench.engine;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Socket options to set before bind or connect. A null field leaves the system default alone.
 * {@code linger} is in seconds; a negative value turns SO_LINGER off.
 */
public record SocketOptionsSpec(Boolean reuseAddress, Boolean keepAlive, Boolean tcpNoDelay,
                                Integer receiveBuffer, Integer sendBuffer, Integer linger, Boolean broadcast) {

    public static final SocketOptionsSpec DEFAULTS = new SocketOptionsSpec(null, null, null, null, null, null, null);

    /** Options by the name Python uses for them, in the order a lesson lists them. */
    static final Map<String, SocketOption<?>> BY_PYTHON_NAME = pythonNames();

    private static Map<String, SocketOption<?>> pythonNames() {
        Map<String, SocketOption<?>> names = new LinkedHashMap<>();
        names.put("SO_REUSEADDR", StandardSocketOptions.SO_REUSEADDR);
        names.put("SO_KEEPALIVE", StandardSocketOptions.SO_KEEPALIVE);
        names.put("TCP_NODELAY", StandardSocketOptions.TCP_NODELAY);
        names.put("SO_RCVBUF", StandardSocketOptions.SO_RCVBUF);
        names.put("SO_SNDBUF", StandardSocketOptions.SO_SNDBUF);
        names.put("SO_LINGER", StandardSocketOptions.SO_LINGER);
        names.put("SO_BROADCAST", StandardSocketOptions.SO_BROADCAST);
        return Map.copyOf(names);
    }

    public SocketOptionsSpec withReuseAddress(Boolean value) {
        return new SocketOptionsSpec(value, keepAlive, tcpNoDelay, receiveBuffer, sendBuffer, linger, broadcast);
    }

    public SocketOptionsSpec withLinger(Integer seconds) {
        return new SocketOptionsSpec(reuseAddress, keepAlive, tcpNoDelay, receiveBuffer, sendBuffer, seconds, broadcast);
    }

    public SocketOptionsSpec withBuffers(Integer receive, Integer send) {
        return new SocketOptionsSpec(reuseAddress, keepAlive, tcpNoDelay, receive, send, linger, broadcast);
    }

    public SocketOptionsSpec withBroadcast(Boolean value) {
        return new SocketOptionsSpec(reuseAddress, keepAlive, tcpNoDelay, receiveBuffer, sendBuffer, linger, value);
    }

    public SocketOptionsSpec withKeepAlive(Boolean value) {
        return new SocketOptionsSpec(reuseAddress, value, tcpNoDelay, receiveBuffer, sendBuffer, linger, broadcast);
    }

    public SocketOptionsSpec withTcpNoDelay(Boolean value) {
        return new SocketOptionsSpec(reuseAddress, keepAlive, value, receiveBuffer, sendBuffer, linger, broadcast);
    }

    /** Sets every given option the channel supports; options it lacks (TCP_NODELAY on AF_UNIX) are skipped. */
    void applyTo(NetworkChannel channel) throws IOException {
        set(channel, StandardSocketOptions.SO_REUSEADDR, reuseAddress);
        set(channel, StandardSocketOptions.SO_KEEPALIVE, keepAlive);
        set(channel, StandardSocketOptions.TCP_NODELAY, tcpNoDelay);
        set(channel, StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        set(channel, StandardSocketOptions.SO_SNDBUF, sendBuffer);
        set(channel, StandardSocketOptions.SO_LINGER, linger);
        set(channel, StandardSocketOptions.SO_BROADCAST, broadcast);
    }

    private static <T> void set(NetworkChannel channel, SocketOption<T> option, T value) throws IOException {
        if (value != null && channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        }
    }

    /**
     * Linux doubles a buffer size it is given (room for its bookkeeping) and getsockopt returns the doubled value;
     * the JDK halves it again on Linux. The lesson shows what the system (and Python) really report.
     */
    private static final boolean HALVED_BUFFERS = System.getProperty("os.name", "").startsWith("Linux");

    /** What getsockopt reports for each option the channel supports, keyed by Python's name. */
    static Map<String, Object> readBack(NetworkChannel channel) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : new String[] {"SO_REUSEADDR", "SO_KEEPALIVE", "TCP_NODELAY", "SO_RCVBUF", "SO_SNDBUF",
                "SO_LINGER", "SO_BROADCAST"}) {
            SocketOption<?> option = BY_PYTHON_NAME.get(name);
            if (channel.supportedOptions().contains(option)) {
                Object value = channel.getOption(option);
                if (HALVED_BUFFERS && value instanceof Integer size
                        && (name.equals("SO_RCVBUF") || name.equals("SO_SNDBUF"))) {
                    value = size * 2;
                }
                values.put(name, value);
            }
        }
        return values;
    }
}
