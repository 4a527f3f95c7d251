package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;

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

    /**
     * The calls that join a multicast group ({@code IP_ADD_MEMBERSHIP} with a packed {@code mreq};
     * {@code IPV6_JOIN_GROUP} with the interface's index) and set what is sent to groups ({@code IP_MULTICAST_TTL},
     * {@code IP_MULTICAST_IF}, {@code IP_MULTICAST_LOOP}, or their IPv6 names) on socket {@code sock}, as the
     * tutorial's next lesson writes them. An interface given by name is looked up on this machine for its IPv4
     * address; none means INADDR_ANY (IPv4) or index 0 (IPv6): the system chooses.
     */
    public static List<String> multicast(String sock, io.socketworkbench.engine.Multicast multicast, boolean ipv6) {
        List<String> lines = new ArrayList<>();
        if (multicast == null) {
            return lines;
        }
        String iface = multicast.iface();
        if (multicast.group() != null) {
            String group = PythonText.repr(multicast.group());
            if (ipv6) {
                lines.add("mreq = socket.inet_pton(socket.AF_INET6, " + group + ") + struct.pack('@I', "
                        + ifIndex(iface) + ")");
                lines.add(sock + ".setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq)");
            } else {
                lines.add("mreq = struct.pack('4s4s', socket.inet_aton(" + group + "), socket.inet_aton("
                        + PythonText.repr(ipv4Of(iface)) + "))");
                lines.add(sock + ".setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)");
            }
        }
        if (multicast.ttl() != null) {
            lines.add(ipv6 ? sock + ".setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, " + multicast.ttl() + ")"
                    : sock + ".setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, " + multicast.ttl() + ")");
        }
        if (iface != null && multicast.group() == null) {
            lines.add(ipv6 ? sock + ".setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, " + ifIndex(iface) + ")"
                    : sock + ".setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("
                            + PythonText.repr(ipv4Of(iface)) + "))");
        }
        if (multicast.loop() != null) {
            lines.add(sock + ".setsockopt(" + (ipv6 ? "socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_LOOP, "
                    : "socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, ") + (multicast.loop() ? 1 : 0) + ")");
        }
        return lines;
    }

    /** {@code socket.if_nametoindex('lo')} for an interface, 0 (any) for none. */
    private static String ifIndex(String iface) {
        if (iface == null) {
            return "0";
        }
        String name = iface;
        try {
            var nif = io.socketworkbench.engine.Interfaces.find(iface);
            name = nif == null ? iface : nif.getName();
        } catch (IllegalArgumentException e) {
            // named as given
        }
        return "socket.if_nametoindex(" + PythonText.repr(name) + ")";
    }

    /** The IPv4 address that names an interface in {@code mreq} and IP_MULTICAST_IF: 0.0.0.0 (any) for none. */
    private static String ipv4Of(String iface) {
        if (iface == null) {
            return "0.0.0.0";
        }
        if (iface.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return iface;
        }
        try {
            var nif = io.socketworkbench.engine.Interfaces.find(iface);
            if (nif != null) {
                for (var address : java.util.Collections.list(nif.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // any
        }
        return "0.0.0.0";
    }

    /**
     * A server's socket {@code s} made, set up and bound at {@code address}: socket(), setsockopt (SO_REUSEADDR too
     * when it joins a group, as the app does so that several members on one machine share the port), bind, and the
     * group's membership. listen() is the caller's.
     */
    static List<String> serverSocket(ServerSetup setup, Address address) {
        List<String> lines = new java.util.ArrayList<>();
        boolean joins = setup.multicast().group() != null;
        lines.add("s = socket.socket(" + family(address) + ", " + type(setup.udp()) + ")");
        lines.addAll(setsockopt("s", joins && setup.options().reuseAddress() == null
                ? setup.options().withReuseAddress(true) : setup.options()));
        lines.add("s.bind(" + address(address) + ")");
        lines.addAll(multicast("s", setup.multicast(), family(address).endsWith("6")));
        return lines;
    }

    /** A client socket {@code name} made and set up, its TLS context naming the CA file by its path. */
    static List<String> clientSocket(String name, ClientSetup setup) {
        return clientSocket(name, setup, path -> PythonText.repr(path.toString()));
    }

    /**
     * A client socket {@code name} made and set up: its TLS context first (with {@code caFile} saying how the
     * script names the CA file), then socket(), setsockopt, the group settings, settimeout.
     */
    static List<String> clientSocket(String name, ClientSetup setup,
                                     java.util.function.Function<java.nio.file.Path, String> caFile) {
        List<String> lines = new java.util.ArrayList<>();
        if (setup.tls() != null && !setup.udp()) {
            lines.addAll(clientContext(setup.tls(), caFile));
        }
        lines.add(name + " = socket.socket(" + family(setup.target()) + ", " + type(setup.udp()) + ")");
        lines.addAll(setsockopt(name, setup.options()));
        lines.addAll(multicast(name, setup.multicast(), family(setup.target()).endsWith("6")));
        if (setup.lab().timeout() != null) {
            lines.add(name + ".settimeout(" + seconds(setup.lab().timeout()) + ")");
        }
        return lines;
    }

    /**
     * A client's TLS context as Python makes it: {@code ssl.create_default_context()} (with the CA file, when
     * there is one), verification turned off only when the session turned it off, and the ALPN protocols offered.
     */
    static List<String> clientContext(io.socketworkbench.session.TlsChoice tls,
                                      java.util.function.Function<java.nio.file.Path, String> caFile) {
        List<String> lines = new ArrayList<>();
        lines.add("ctx = ssl.create_default_context(" + (tls.caFile() == null ? ""
                : "cafile=" + caFile.apply(tls.caFile())) + ")");
        if (!tls.verify()) {
            lines.add("ctx.check_hostname = False");
            lines.add("ctx.verify_mode = ssl.CERT_NONE   # " + PythonMirror.words("tlsUnchecked"));
        }
        if (!tls.alpn().isEmpty()) {
            lines.add("ctx.set_alpn_protocols([" + String.join(", ", tls.alpn().stream().map(PythonText::repr)
                    .toList()) + "])");
        }
        return lines;
    }

    /** A server's TLS context: {@code SSLContext(PROTOCOL_TLS_SERVER)} with its certificate and key. */
    static List<String> serverContext(String certificate, String key) {
        return List.of("server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
                "server_ctx.load_cert_chain(" + certificate + ", " + key + ")");
    }

    /** What a TLS client passes as {@code server_hostname}: the name it checks (SNI), else the host it connects to. */
    static String serverHostname(ClientSetup setup) {
        if (setup.tls() != null && setup.tls().serverName() != null) {
            return PythonText.repr(setup.tls().serverName());
        }
        return setup.target() instanceof Address.Inet inet ? PythonText.repr(inet.host()) : "'localhost'";
    }

    /** The call that wraps a client socket: the TLS handshake. */
    static String wrapClient(String name, ClientSetup setup) {
        return name + " = ctx.wrap_socket(" + name + ", server_hostname=" + serverHostname(setup) + ")";
    }

    static String type(boolean udp) {
        return udp ? "socket.SOCK_DGRAM" : "socket.SOCK_STREAM";
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
