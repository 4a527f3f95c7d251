package io.socketworkbench.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Fact;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A recording's lines, written without a formatter or new objects a line, read back as they were written. */
class RecordingWriterTest {

    @Test
    void timesAreWrittenAsPercentSixFWouldWriteThem() {
        for (double time : new double[] {0, 0.000001, 1.5, 12, 99.999999, 1765133123.000001, 1765133123.123456,
                1765133123.9999996, 1765133199.05}) {
            StringBuilder written = new StringBuilder();
            RecordingWriter.seconds(written, time);
            assertThat(written.toString()).as("%s", time).isEqualTo(String.format(Locale.ROOT, "%.6f", time));
        }
    }

    @Test
    void datagramsFromManySendersAndTextInAnyScriptReadBackAsWritten() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 40000);
        Random random = new Random(3);
        int count = 5_000; // more senders than the writer keeps names for
        try (RecordingWriter writer = RecordingWriter.to(file, "test", Long.MAX_VALUE)) {
            for (int i = 0; i < count; i++) {
                byte[] data = new byte[i % 700];
                random.nextBytes(data);
                writer.fact(new Fact(1765133123.5 + i, Fact.Type.DATAGRAM, 7, -1, local,
                        new InetSocketAddress("127.0.0.1", 1024 + i), true, data, null, null));
            }
            writer.fact(new Fact(2, Fact.Type.ERROR, 8, -1, null, null, false, new byte[0],
                    "ConnectionRefusedError: 连接被拒绝 \"x\"", null));
        }
        random = new Random(3);
        try (RecordingReader reader = RecordingReader.open(new ByteArrayInputStream(file.toByteArray()))) {
            for (int i = 0; i < count; i++) {
                Fact fact = reader.next();
                byte[] data = new byte[i % 700];
                random.nextBytes(data);
                assertThat(fact.data()).isEqualTo(data);
                assertThat(fact.remote()).isEqualTo(new InetSocketAddress("127.0.0.1", 1024 + i));
                assertThat(fact.local()).isEqualTo(local);
                assertThat(fact.time()).isEqualTo(1765133123.5 + i);
            }
            assertThat(reader.next().error()).isEqualTo("ConnectionRefusedError: 连接被拒绝 \"x\"");
            assertThat(reader.next()).isNull();
        }
        assertThat(new String(file.toByteArray(), UTF_8).lines().count()).isEqualTo(count + 2);
    }
}
