package io.socketworkbench.lesson;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.SocketOptionsSpec;
import io.socketworkbench.session.ReplyMode;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One datagram to many in the lesson (issue 29): the steps of a group, the real calls in the mirror, and the
 * diagram's group lifeline that the members' datagrams hang from.
 */
class GroupLessonTest {
    /** The mirror's comments are in the texts' language: English here, whatever a test before chose. */
    @org.junit.jupiter.api.BeforeEach
    void english() {
        io.socketworkbench.lesson.Texts.use(java.util.Locale.ENGLISH);
    }

    @Test
    void aServerJoinedToAGroupAndAClientSendingToItMakeTheGroupsStepsCallsAndLifeline() {
        Lesson lesson = new Lesson();
        InetSocketAddress bound = new InetSocketAddress("239.255.0.1", 37781);
        lesson.serverListening(new ServerSetup(Address.inet("239.255.0.1", 37781), true, ReplyMode.NONE, null, 1024,
                SocketOptionsSpec.DEFAULTS, Multicast.join("239.255.0.1", "127.0.0.1"), null), bound);
        assertThat(lesson.group()).isTrue();
        assertThat(lesson.done()).contains(LessonStep.UDP_BIND, LessonStep.GROUP_JOIN);
        assertThat(lesson.mirror()).contains("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "s.bind(('239.255.0.1', 37781))",
                "mreq = struct.pack('4s4s', socket.inet_aton('239.255.0.1'), socket.inet_aton('127.0.0.1'))",
                "s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)");

        lesson.clientOpening(new ClientSetup(Address.inet("239.255.0.1", 37781), true, SocketOptionsSpec.DEFAULTS,
                ClientLab.DEFAULT, null, new Multicast(null, "127.0.0.1", 2, null)));
        assertThat(lesson.mirror()).contains("c.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)",
                "c.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton('127.0.0.1'))");
        InetSocketAddress client = new InetSocketAddress("127.0.0.1", 50002);
        InetSocketAddress stranger = new InetSocketAddress("127.0.0.1", 50009);
        byte[] hello = "hello".getBytes(UTF_8);
        lesson.clientBound(client);
        lesson.sentDatagram(Lesson.Side.CLIENT, hello, Address.inet("239.255.0.1", 37781));
        lesson.receivedDatagram(Lesson.Side.SERVER, hello, client, 65535, 0);
        lesson.receivedDatagram(Lesson.Side.SERVER, "hi".getBytes(UTF_8), stranger, 65535, 0);
        assertThat(lesson.done()).containsAll(LessonStep.GROUP);

        lesson.serverStopped();
        List<String> mirror = lesson.mirror();
        assertThat(mirror.subList(mirror.size() - 2, mirror.size())).containsExactly(
                "s.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, mreq)", "s.close()");

        SequenceDiagram diagram = lesson.sequence();
        int group = indexOf(diagram, SequenceDiagram.Role.GROUP);
        int server = indexOf(diagram, SequenceDiagram.Role.SERVER);
        int sender = indexOf(diagram, SequenceDiagram.Role.CLIENT);
        assertThat(diagram.lifelines().get(group).address()).isEqualTo("239.255.0.1");
        assertThat(diagram.arrows()).extracting(a -> a.from() + ">" + a.to()).containsExactly(
                sender + ">" + group, group + ">" + server, indexOf(diagram, SequenceDiagram.Role.PEER) + ">" + group,
                group + ">" + server);
    }

    private static int indexOf(SequenceDiagram diagram, SequenceDiagram.Role role) {
        for (int i = 0; i < diagram.lifelines().size(); i++) {
            if (diagram.lifelines().get(i).role() == role) {
                return i;
            }
        }
        throw new AssertionError("no " + role + " lifeline in " + diagram.lifelines());
    }

    /** A client socket for a group binds no address first: its first datagram is drawn, then its address known. */
    @Test
    void aClientBoundByItsFirstSendKeepsOneLifelineThatItsPeersSeeAsLoopback() {
        Lesson lesson = new Lesson();
        lesson.serverListening(new ServerSetup(Address.inet("239.255.0.1", 37781), true, ReplyMode.NONE, null, 1024,
                SocketOptionsSpec.DEFAULTS, Multicast.join("239.255.0.1", null), null),
                new InetSocketAddress("239.255.0.1", 37781));
        lesson.clientOpening(new ClientSetup(Address.inet("239.255.0.1", 37781), true, SocketOptionsSpec.DEFAULTS,
                ClientLab.DEFAULT));
        byte[] hello = "hello".getBytes(UTF_8);
        lesson.sentDatagram(Lesson.Side.CLIENT, hello, Address.inet("239.255.0.1", 37781));
        lesson.clientBound(new InetSocketAddress("0.0.0.0", 41000));
        lesson.receivedDatagram(Lesson.Side.SERVER, hello, new InetSocketAddress("127.0.0.1", 41000), 65535, 0);
        assertThat(lesson.sequence().lifelines()).extracting(SequenceDiagram.Lifeline::role).containsExactly(
                SequenceDiagram.Role.SERVER, SequenceDiagram.Role.GROUP, SequenceDiagram.Role.CLIENT);
        assertThat(lesson.sequence().lifelines().get(2).address()).isEqualTo("0.0.0.0:41000");
    }
}
