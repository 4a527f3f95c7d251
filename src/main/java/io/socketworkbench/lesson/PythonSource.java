package io.socketworkbench.lesson;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.codec.PythonText;
import io.socketworkbench.engine.Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import io.socketworkbench.engine.SocketOptionsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python source as the tutorial writes it: families and address literals, option calls, timeouts, bytes. Pure. */
public final class PythonSource {
    private PythonSource() {
    }

    /** Python's {@code repr} of a float, enough for timeouts: {@code 5.0}, {@code 0.5}. */
    public static String seconds(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text + "0" : text;
    }

    /**
     * The family a socket for {@code address} needs: AF_UNIX for a path, AF_INET6 for an IPv6 literal (Python's
     * AF_INET raises {@code TypeError} on {@code ('::1', p)}), AF_INET otherwise, as the tutorial's names resolve.
     */
    public static String family(Address address) {
        if (address instanceof Address.Unix) {
            return "socket.AF_UNIX";
        }
        return ((Address.Inet) address).host().contains(":") ? "socket.AF_INET6" : "socket.AF_INET";
    }

    /** An address as a bind/connect argument: {@code ('127.0.0.1', 37777)}, or the socket file as a str. */
    public static String address(Address address) {
        if (address instanceof Address.Unix unix) {
            return PythonText.repr(unix.path().toString());
        }
        Address.Inet inet = (Address.Inet) address;
        return "(" + PythonText.repr(inet.host()) + ", " + inet.port() + ")";
    }

    /**
     * An address as Python returns it from accept or recvfrom: {@code ('127.0.0.1', 51234)}, IPv6 as the 4-tuple
     * {@code ('::1', 51234, 0, 0)}, a socket file as a str.
     */
    public static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet6Address ip) {
            return "(" + PythonText.repr(Address.hostText(ip)) + ", " + inet.getPort() + ", 0, " + ip.getScopeId() + ")";
        }
        return address(Address.of(address));
    }

    public static String bytes(byte[] data) {
        return PythonBytes.repr(data, 0, data.length);
    }

    /** The {@code setsockopt} calls that set {@code spec} on socket {@code sock}, in the lesson's order. */
    public static List<String> setsockopt(String sock, SocketOptionsSpec spec) {
        List<String> lines = new ArrayList<>();
        if (spec.reuseAddress() != null) {
            lines.add(sock + ".setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, " + flag(spec.reuseAddress()) + ")");
        }
        if (spec.keepAlive() != null) {
            lines.add(sock + ".setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, " + flag(spec.keepAlive()) + ")");
        }
        if (spec.tcpNoDelay() != null) {
            lines.add(sock + ".setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, " + flag(spec.tcpNoDelay()) + ")");
        }
        if (spec.receiveBuffer() != null) {
            lines.add(sock + ".setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, " + spec.receiveBuffer() + ")");
        }
        if (spec.sendBuffer() != null) {
            lines.add(sock + ".setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, " + spec.sendBuffer() + ")");
        }
        if (spec.linger() != null) {
            int on = spec.linger() >= 0 ? 1 : 0;
            lines.add(sock + ".setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', " + on + ", "
                    + Math.max(0, spec.linger()) + "))");
        }
        if (spec.broadcast() != null) {
            lines.add(sock + ".setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, " + flag(spec.broadcast()) + ")");
        }
        return lines;
    }

    /** True when the calls for {@code spec} need {@code import struct}. */
    public static boolean needsStruct(SocketOptionsSpec spec) {
        return spec.linger() != null;
    }

    /**
     * The {@code getsockopt} read-back of each option that was set, with what the system really holds (Linux
     * doubles a buffer size, to leave room for its own bookkeeping). {@code values} is keyed by Python's names.
     */
    public static List<String> getsockopt(String sock, SocketOptionsSpec spec, Map<String, Object> values) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (!wasSet(spec, entry.getKey())) {
                continue;
            }
            if (entry.getKey().equals("SO_LINGER")) {
                int seconds = ((Number) entry.getValue()).intValue();
                lines.add("struct.unpack('ii', " + sock + ".getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8))  # ("
                        + (seconds >= 0 ? 1 : 0) + ", " + Math.max(0, seconds) + ")");
                continue;
            }
            String level = entry.getKey().equals("TCP_NODELAY") ? "socket.IPPROTO_TCP" : "socket.SOL_SOCKET";
            lines.add(sock + ".getsockopt(" + level + ", socket." + entry.getKey() + ")  # " + value(entry.getValue()));
        }
        return lines;
    }

    /** An option's value as getsockopt returns it: 1/0 for flags, the number otherwise. */
    public static String value(Object value) {
        if (value instanceof Boolean on) {
            return flag(on);
        }
        return String.valueOf(value);
    }

    private static boolean wasSet(SocketOptionsSpec spec, String name) {
        return switch (name) {
            case "SO_REUSEADDR" -> spec.reuseAddress() != null;
            case "SO_KEEPALIVE" -> spec.keepAlive() != null;
            case "TCP_NODELAY" -> spec.tcpNoDelay() != null;
            case "SO_RCVBUF" -> spec.receiveBuffer() != null;
            case "SO_SNDBUF" -> spec.sendBuffer() != null;
            case "SO_LINGER" -> spec.linger() != null;
            case "SO_BROADCAST" -> spec.broadcast() != null;
            default -> false;
        };
    }

    private static String flag(boolean on) {
        return on ? "1" : "0";
    }
}
