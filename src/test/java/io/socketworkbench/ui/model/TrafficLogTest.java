package io.socketworkbench.ui.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.ui.fx.Pulses;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The continuous log: every event and byte, readable and timestamped, raw bytes byte-exact, rotated by size. */
class TrafficLogTest {
    private final Pulses pulses = new Pulses();
    private final TrafficLog log = new TrafficLog(pulses.port());
    private final List<SocketEvent> passedOn = new ArrayList<>();
    private final SocketListener listener = log.wrap(passedOn::add);
    private final InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 5000);

    @TempDir
    Path dir;

    @Test
    void everyEventIsWrittenReadablyAndEveryReceivedByteRaw() throws Exception {
        Path file = dir.resolve("server.log");
        log.start(file, true);
        listener.onEvent(new SocketEvent.Accepted(1, 2, peer, null));
        listener.onEvent(new SocketEvent.Received(2, peer, "hi\n\u00e9".getBytes(UTF_8)));
        listener.onEvent(new SocketEvent.Received(2, peer, new byte[] {0, (byte) 0xff}));
        listener.onEvent(new SocketEvent.Sent(2, peer, 2, SocketEvent.Origin.ECHO, new byte[] {0, (byte) 0xff}));
        log.userSent("127.0.0.1:5000", "typed".getBytes(UTF_8));
        listener.onEvent(new SocketEvent.Closed(2, CloseReason.PEER, null));
        log.stop();
        assertThat(passedOn).hasSize(5);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(6).allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
        assertThat(lines.get(0)).endsWith("-- accepted 127.0.0.1:5000");
        assertThat(lines.get(1)).endsWith("<- 127.0.0.1:5000 5 B b'hi\\n\\xc3\\xa9'");
        assertThat(lines.get(3)).endsWith("-> 127.0.0.1:5000 2 B b'\\x00\\xff' (echo)");
        assertThat(lines.get(4)).endsWith("-> 127.0.0.1:5000 5 B b'typed'");
        assertThat(lines.get(5)).contains("-- closed #2 (peer)");
        assertThat(Files.readAllBytes(TrafficLog.rawFile(file)))
                .isEqualTo(new byte[] {'h', 'i', '\n', (byte) 0xc3, (byte) 0xa9, 0, (byte) 0xff});
    }

    @Test
    void pastItsSizeTheLogRotatesAndKeepsFiveOld() throws Exception {
        Path file = dir.resolve("client.log");
        log.start(file, false);
        log.rotateAt(1000);
        for (int i = 0; i < 200; i++) {
            listener.onEvent(new SocketEvent.Received(2, peer, ("message " + i).getBytes(UTF_8)));
        }
        log.stop();
        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
        for (int i = 1; i <= TrafficLog.KEEP; i++) {
            assertThat(dir.resolve("client.log." + i)).exists();
        }
        assertThat(dir.resolve("client.log." + (TrafficLog.KEEP + 1))).doesNotExist();
        assertThat(Files.readString(file)).contains("message 199");
    }

    @Test
    void aFullDiskStopsTheLogAndSaysWhy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")));
        log.start(Path.of("/dev/full"), false);
        listener.onEvent(new SocketEvent.Received(2, peer, new byte[100]));
        assertThat(passedOn).as("the view still gets the event").hasSize(1);
        pulses.until(() -> !log.problem().get().isEmpty(), "the reason");
        assertThat(log.problem().get()).isEqualTo("OSError: [Errno 28] No space left on device");
        assertThat(log.active().get()).isFalse();
    }
}
