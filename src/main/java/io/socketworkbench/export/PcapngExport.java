package io.socketworkbench.export;

import io.socketworkbench.engine.Fact;
import io.socketworkbench.session.RecordingReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A recording as a capture Wireshark opens: each TCP connection as the IPv4 or IPv6 segments it would have been,
 * with its real addresses and ports, a three-way handshake, the data cut into segments of at most
 * {@link #MAX_SEGMENT} bytes, each acknowledged, with consistent sequence numbers, and FIN or RST as they
 * happened; each datagram as a UDP packet; at the recorded times. Read one fact at a time and written as it goes:
 * any size of recording in bounded memory. A connection recorded from both ends (a window whose client talks to
 * its own server) is written once. AF_UNIX sockets have no IP packets and are left out, and counted.
 */
public final class PcapngExport {
    /** The most data a segment carries: what fits an IPv4 packet of 65,535 bytes with 20-byte IP and TCP headers. */
    static final int MAX_SEGMENT = 65_495;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    static final String COMMENT = "Rebuilt by Socket Workbench from a recording of socket data (what each socket "
            + "sent and received), not captured on a network. The addresses, ports, bytes, their order and their "
            + "times are as recorded; the handshakes, acknowledgements, segment boundaries, sequence numbers and "
            + "checksums are made to match them. A TLS connection appears as its plaintext, as TCP: the records "
            + "that crossed the wire were not recorded.";

    /** What was written. */
    public record Summary(int connections, long datagrams, long packets, int unixLeftOut, int tlsConnections) {
    }

    private final PcapngWriter out;
    private final Map<Long, Stream> streams = new HashMap<>();
    /** The connections whose other end is recorded too: their facts repeat the stream's, and are skipped. */
    private final Set<Long> mirrors = new HashSet<>();
    private final Map<String, Long> pairs = new HashMap<>();
    private byte[] packet = new byte[MAX_SEGMENT + 60];
    private long lastMicros;
    private int ipId;
    private int connections;
    private long datagrams;
    private long packets;
    private int unixLeftOut;
    private int tlsConnections;

    private PcapngExport(OutputStream out, String tool) throws IOException {
        this.out = new PcapngWriter(out, COMMENT, tool);
    }

    /** Writes every fact {@code recording} holds to {@code out} as pcapng; {@code tool} names the writer. */
    public static Summary write(RecordingReader recording, OutputStream out, String tool) throws IOException {
        PcapngExport export = new PcapngExport(out, tool);
        for (Fact fact = recording.next(); fact != null; fact = recording.next()) {
            export.fact(fact);
        }
        return new Summary(export.connections, export.datagrams, export.packets, export.unixLeftOut,
                export.tlsConnections);
    }

    /** One TCP connection: its client's and server's ends, and the next sequence number of each. */
    private static final class Stream {
        InetSocketAddress client;
        InetSocketAddress server;
        boolean localIsClient;
        int clientSeq;
        int serverSeq;
        boolean localFin;
        boolean ended;
        String pair;
        String note;
    }

    private void fact(Fact fact) throws IOException {
        long conn = fact.conn();
        if (mirrors.contains(conn)) {
            if (fact.type() == Fact.Type.CLOSE) {
                mirrors.remove(conn);
            }
            return;
        }
        long micros = Math.max(lastMicros, Math.round(fact.time() * 1e6));
        lastMicros = micros;
        switch (fact.type()) {
            case CONNECT, ACCEPT -> opened(fact, micros);
            case DATA -> {
                Stream s = streams.get(conn);
                if (s != null) {
                    data(s, micros, fromLocal(fact), fact.data());
                }
            }
            case FIN -> {
                Stream s = streams.get(conn);
                if (s != null) {
                    finish(s, micros, fromLocal(fact));
                }
            }
            case RST -> {
                Stream s = streams.get(conn);
                if (s != null && !s.ended) {
                    boolean fromClient = fromLocal(fact) == s.localIsClient;
                    segment(s, micros, fromClient, RST | ACK, null, 0, 0, null);
                    s.ended = true;
                }
            }
            case CLOSE -> {
                Stream s = streams.remove(conn);
                if (s != null) {
                    if (!s.ended && !s.localFin) {
                        finish(s, micros, true); // close() sends this side's FIN
                    }
                    pairs.remove(s.pair);
                }
            }
            case TLS -> {
                Stream s = streams.get(conn);
                if (s != null && fact.tls() != null && s.note == null) {
                    s.note = "TLS (" + fact.tls().protocol() + ", " + fact.tls().cipherSuite() + "): the plaintext "
                            + "from here on, as TCP; the TLS records themselves were not recorded";
                    tlsConnections++;
                }
            }
            case DATAGRAM -> datagram(fact, micros);
            default -> { } // listen, error, join: nothing crossed the wire
        }
    }

    /** True when both of {@code fact}'s ends are IP addresses; an AF_UNIX socket is counted, as left out. */
    private boolean overIp(Fact fact) {
        if (fact.local() instanceof InetSocketAddress && fact.remote() instanceof InetSocketAddress) {
            return true;
        }
        if (fact.local() instanceof UnixDomainSocketAddress || fact.remote() instanceof UnixDomainSocketAddress) {
            unixLeftOut++;
        }
        return false;
    }

    /** True when {@code fact} (data, FIN, RST) came from the recording side. */
    private static boolean fromLocal(Fact fact) {
        return !fact.in();
    }

    private void opened(Fact fact, long micros) throws IOException {
        if (!overIp(fact)) {
            return;
        }
        InetSocketAddress local = (InetSocketAddress) fact.local();
        InetSocketAddress remote = (InetSocketAddress) fact.remote();
        boolean accepted = fact.type() == Fact.Type.ACCEPT;
        Stream s = new Stream();
        s.localIsClient = !accepted;
        s.client = accepted ? remote : local;
        s.server = accepted ? local : remote;
        s.pair = s.client + "|" + s.server;
        if (pairs.containsKey(s.pair)) {
            mirrors.add(fact.conn()); // the other end of a connection already written
            return;
        }
        pairs.put(s.pair, fact.conn());
        streams.put(fact.conn(), s);
        connections++;
        int clientIsn = (int) (fact.conn() * 2_654_435_761L) ^ 0x5A17;
        int serverIsn = (int) (fact.conn() * 40_503L + 0x3C6E_F372);
        s.clientSeq = clientIsn;
        s.serverSeq = serverIsn;
        segment(s, micros, true, SYN, null, 0, 0, null);
        s.clientSeq++;
        segment(s, micros, false, SYN | ACK, null, 0, 0, null);
        s.serverSeq++;
        segment(s, micros, true, ACK, null, 0, 0, null);
    }

    private void data(Stream s, long micros, boolean fromLocal, byte[] data) throws IOException {
        boolean fromClient = fromLocal == s.localIsClient;
        for (int at = 0; at < data.length; at += MAX_SEGMENT) {
            int n = Math.min(MAX_SEGMENT, data.length - at);
            segment(s, micros, fromClient, PSH | ACK, data, at, n, s.note);
            s.note = null;
            if (fromClient) {
                s.clientSeq += n;
            } else {
                s.serverSeq += n;
            }
            segment(s, micros, !fromClient, ACK, null, 0, 0, null);
        }
    }

    private void finish(Stream s, long micros, boolean fromLocal) throws IOException {
        if (s.ended) {
            return;
        }
        boolean fromClient = fromLocal == s.localIsClient;
        segment(s, micros, fromClient, FIN | ACK, null, 0, 0, null);
        if (fromClient) {
            s.clientSeq++;
        } else {
            s.serverSeq++;
        }
        segment(s, micros, !fromClient, ACK, null, 0, 0, null);
        if (fromLocal) {
            s.localFin = true;
        }
    }

    /** One TCP segment of {@code s}, from its client or its server, with {@code n} bytes of {@code data}. */
    private void segment(Stream s, long micros, boolean fromClient, int flags, byte[] data, int offset, int n,
                         String note) throws IOException {
        InetSocketAddress from = fromClient ? s.client : s.server;
        InetSocketAddress to = fromClient ? s.server : s.client;
        int seq = fromClient ? s.clientSeq : s.serverSeq;
        int ack = (flags & ACK) == 0 ? 0 : fromClient ? s.serverSeq : s.clientSeq;
        int header = ipHeader(from.getAddress(), to.getAddress(), 6, 20 + n);
        int tcp = header;
        putShort(tcp, from.getPort());
        putShort(tcp + 2, to.getPort());
        putInt(tcp + 4, seq);
        putInt(tcp + 8, ack);
        packet[tcp + 12] = 5 << 4;
        packet[tcp + 13] = (byte) flags;
        putShort(tcp + 14, 65_535);
        putShort(tcp + 16, 0);
        putShort(tcp + 18, 0);
        if (n > 0) {
            System.arraycopy(data, offset, packet, tcp + 20, n);
        }
        putShort(tcp + 16, transportChecksum(from.getAddress(), to.getAddress(), 6, tcp, 20 + n));
        emit(micros, tcp + 20 + n, note);
    }

    private void datagram(Fact fact, long micros) throws IOException {
        if (!overIp(fact)) {
            return;
        }
        InetSocketAddress local = (InetSocketAddress) fact.local();
        InetSocketAddress remote = (InetSocketAddress) fact.remote();
        InetSocketAddress from = fact.in() ? remote : local;
        InetSocketAddress to = fact.in() ? local : remote;
        byte[] data = fact.data();
        int n = Math.min(data.length, 65_507);
        int udp = ipHeader(from.getAddress(), to.getAddress(), 17, 8 + n);
        putShort(udp, from.getPort());
        putShort(udp + 2, to.getPort());
        putShort(udp + 4, 8 + n);
        putShort(udp + 6, 0);
        System.arraycopy(data, 0, packet, udp + 8, n);
        int sum = transportChecksum(from.getAddress(), to.getAddress(), 17, udp, 8 + n);
        putShort(udp + 6, sum == 0 ? 0xFFFF : sum);
        datagrams++;
        emit(micros, udp + 8 + n, null);
    }

    /** Writes the IP header for a payload of {@code length} bytes; returns where the payload starts. */
    private int ipHeader(InetAddress from, InetAddress to, int protocol, int length) {
        if (packet.length < length + 60) {
            packet = new byte[length + 60];
        }
        if (from instanceof Inet4Address && to instanceof Inet4Address) {
            packet[0] = 0x45;
            packet[1] = 0;
            putShort(2, 20 + length);
            putShort(4, ipId++ & 0xFFFF);
            putShort(6, 0x4000); // don't fragment
            packet[8] = 64;
            packet[9] = (byte) protocol;
            putShort(10, 0);
            System.arraycopy(from.getAddress(), 0, packet, 12, 4);
            System.arraycopy(to.getAddress(), 0, packet, 16, 4);
            putShort(10, ~sum(0, packet, 0, 20) & 0xFFFF);
            return 20;
        }
        putInt(0, 0x6000_0000);
        putShort(4, length);
        packet[6] = (byte) protocol;
        packet[7] = 64;
        System.arraycopy(sixteen(from), 0, packet, 8, 16);
        System.arraycopy(sixteen(to), 0, packet, 24, 16);
        return 40;
    }

    /** An IPv6 address's 16 bytes; an IPv4 one beside an IPv6 peer as IPv4-mapped. */
    private static byte[] sixteen(InetAddress address) {
        if (address instanceof Inet6Address) {
            return address.getAddress();
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
        return mapped;
    }

    /** TCP's or UDP's checksum: over the pseudo-header and the {@code length} bytes at {@code at}. */
    private int transportChecksum(InetAddress from, InetAddress to, int protocol, int at, int length) {
        long sum;
        if (at == 20) {
            sum = sum(0, packet, 12, 8) + protocol + length;
        } else {
            sum = sum(0, packet, 8, 32) + length + protocol;
        }
        sum = sum(sum, packet, at, length);
        return ~fold(sum) & 0xFFFF;
    }

    private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /**
     * Adds {@code length} bytes at {@code at} to a ones'-complement sum of 16-bit words, four bytes at a time (RFC
     * 1071: the sum of 32-bit words folds to the same 16 bits); {@code at} must be even.
     */
    private static long sum(long sum, byte[] bytes, int at, int length) {
        int end = at + length;
        int i = at;
        for (; i + 3 < end; i += 4) {
            sum += (int) INT.get(bytes, i) & 0xFFFF_FFFFL;
        }
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (bytes[i] & 0xFF) << 8;
        }
        return sum;
    }

    private static int fold(long sum) {
        while ((sum >>> 16) != 0) { // 64 bits fold to 16 in a few rounds
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static int sum(int start, byte[] bytes, int at, int length) {
        return fold(sum((long) start, bytes, at, length));
    }

    private void emit(long micros, int length, String note) throws IOException {
        out.packet(micros, packet, length, note);
        packets++;
    }

    private void putShort(int at, int value) {
        packet[at] = (byte) (value >>> 8);
        packet[at + 1] = (byte) value;
    }

    private void putInt(int at, int value) {
        packet[at] = (byte) (value >>> 24);
        packet[at + 1] = (byte) (value >>> 16);
        packet[at + 2] = (byte) (value >>> 8);
        packet[at + 3] = (byte) value;
    }
}
