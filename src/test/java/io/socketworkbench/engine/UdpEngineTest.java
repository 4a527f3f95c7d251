package io.socketworkbench.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpEngineTest {
    private final SocketEngine engine = new SocketEngine("test-udp");

    @AfterEach
    void close() {
        engine.close();
    }

    private static int port(UdpEndpoint endpoint) {
        return ((InetSocketAddress) endpoint.localAddress()).getPort();
    }

    @Test
    void sendtoAndRecvfromKeepTheSenderAndTheDatagramBoundaries() {
        EventQueue serverEvents = new EventQueue();
        UdpEndpoint server = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)), serverEvents);
        server.started().join();
        EventQueue clientEvents = new EventQueue();
        UdpEndpoint client = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)), clientEvents);
        client.started().join();

        client.send(Address.inet("127.0.0.1", port(server)), "one".getBytes(UTF_8)).join();
        client.send(Address.inet("127.0.0.1", port(server)), "two".getBytes(UTF_8)).join();
        SocketEvent.Received first = serverEvents.next(SocketEvent.Received.class);
        SocketEvent.Received second = serverEvents.next(SocketEvent.Received.class);
        assertThat(new String(first.data(), UTF_8)).isEqualTo("one");
        assertThat(new String(second.data(), UTF_8)).isEqualTo("two");
        assertThat(first.from()).isEqualTo(client.localAddress());
    }

    @Test
    void echoAnswersEachDatagramToItsSenderEvenAtTheLargestSize() {
        UdpEndpoint server = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)).withEcho(true), new EventQueue());
        server.started().join();
        EventQueue clientEvents = new EventQueue();
        UdpEndpoint client = engine.udp(UdpConfig.of(null), clientEvents);
        for (int size : new int[] {0, 1, 1472, 9000, UdpEndpoint.MAX_DATAGRAM}) {
            byte[] datagram = new byte[size];
            new Random(size).nextBytes(datagram);
            client.send(Address.inet("127.0.0.1", port(server)), datagram).join();
            assertThat(clientEvents.next(SocketEvent.Received.class).data()).isEqualTo(datagram);
        }
    }

    @Test
    void aDatagramTooLargeForUdpFailsLikePython() {
        EventQueue events = new EventQueue();
        UdpEndpoint client = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)), events);
        client.started().join();
        client.send(Address.inet("127.0.0.1", 9), new byte[UdpEndpoint.MAX_DATAGRAM + 1]);
        assertThat(events.next(SocketEvent.Failed.class).error().pythonText())
                .isEqualTo("OSError: [Errno 90] Message too long");
    }

    @Test
    void broadcastOptionIsSetAndReadBack() {
        UdpEndpoint endpoint = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0))
                .withOptions(SocketOptionsSpec.DEFAULTS.withBroadcast(true)), new EventQueue());
        assertThat(endpoint.options().join()).containsEntry("SO_BROADCAST", true);
    }

    @Test
    void stopFreesThePort() {
        UdpEndpoint first = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", 0)), new EventQueue());
        first.started().join();
        int port = port(first);
        first.stop().join();
        UdpEndpoint again = engine.udp(UdpConfig.of(Address.inet("127.0.0.1", port)), new EventQueue());
        assertThat(again.started().join()).isEqualTo(new InetSocketAddress("127.0.0.1", port));
    }

    @Test
    void datagramsSentToANameLeaveInTheOrderTheyWereSent() throws Exception {
        try (java.net.DatagramSocket receiver = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            receiver.setReceiveBufferSize(4 << 20);
            receiver.setSoTimeout(10_000);
            UdpEndpoint sender = engine.udp(UdpConfig.of(null), new EventQueue());
            int count = 2_000;
            for (int i = 0; i < count; i++) {
                // "localhost" goes through the lookup threads, where one send could overtake another.
                sender.send(Address.inet("localhost", receiver.getLocalPort()),
                        java.nio.ByteBuffer.allocate(4).putInt(i).array());
            }
            java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[4], 4);
            int expected = 0;
            while (expected < count) {
                receiver.receive(packet);
                assertThat(java.nio.ByteBuffer.wrap(packet.getData()).getInt()).isEqualTo(expected);
                expected++;
            }
        }
    }

    @Test
    void aSendMadeBeforeTheSocketIsOpenWaitsForItAndGoesOut() throws Exception {
        try (java.net.DatagramSocket receiver = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(10_000);
            for (int i = 0; i < 20; i++) {
                // The bind address is looked up on another thread: the send may reach the engine first.
                UdpEndpoint endpoint = engine.udp(UdpConfig.of(Address.inet("localhost", 0)), new EventQueue());
                Integer sent = endpoint.send(Address.inet("127.0.0.1", receiver.getLocalPort()), new byte[] {(byte) i})
                        .get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(sent).isEqualTo(1);
                java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[1], 1);
                receiver.receive(packet);
                assertThat(packet.getData()[0]).isEqualTo((byte) i);
                endpoint.stop();
            }
        }
    }
}
