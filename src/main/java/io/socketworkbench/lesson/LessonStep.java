package io.socketworkbench.lesson;

import java.util.List;
import java.util.Locale;

/**
 * The tutorial's steps: five for a TCP conversation, three for UDP, which has no connection, four for one
 * datagram to many (a broadcast, or a multicast group that receivers join), and seven for TCP with TLS (the
 * client's hello, then the certificate checked and the keys agreed, between the connect and the first send).
 */
public enum LessonStep {
    LISTEN, CONNECT, SEND, RECEIVE, CLOSE, UDP_BIND, UDP_SENDTO, UDP_RECVFROM, GROUP_JOIN, GROUP_SENDTO,
    GROUP_RECVFROM, TLS_HELLO, TLS_VERIFY;

    public static final List<LessonStep> TCP = List.of(LISTEN, CONNECT, SEND, RECEIVE, CLOSE);
    public static final List<LessonStep> UDP = List.of(UDP_BIND, UDP_SENDTO, UDP_RECVFROM);
    public static final List<LessonStep> GROUP = List.of(UDP_BIND, GROUP_JOIN, GROUP_SENDTO, GROUP_RECVFROM);
    public static final List<LessonStep> TLS = List.of(LISTEN, CONNECT, TLS_HELLO, TLS_VERIFY, SEND, RECEIVE, CLOSE);

    /** A stable key for translations, such as {@code udp-sendto}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
