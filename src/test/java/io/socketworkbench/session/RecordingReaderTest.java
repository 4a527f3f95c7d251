package io.socketworkbench.session;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketworkbench.engine.Fact;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A recording's data is decoded straight from its bytes where the line is as the writer writes it, and parsed as
 * JSON whole where it is written otherwise: both give the same facts, and bad base64 is named either way.
 */
class RecordingReaderTest {
    private static final String HEAD = "{\"format\": \"socket-workbench-recording\", \"version\": 1}\n";

    private static List<Fact> read(String text) throws Exception {
        List<Fact> facts = new ArrayList<>();
        try (RecordingReader reader = RecordingReader.open(new ByteArrayInputStream(text.getBytes(UTF_8)))) {
            for (Fact fact = reader.next(); fact != null; fact = reader.next()) {
                facts.add(fact);
            }
        }
        return facts;
    }

    @Test
    void dataWrittenAnyWayJsonAllowsReadsTheSame() throws Exception {
        byte[] big = new byte[200_000];
        new Random(7).nextBytes(big);
        String base64 = java.util.Base64.getEncoder().encodeToString(big);
        List<Fact> facts = read(HEAD
                + "{\"t\": 1.5, \"type\": \"data\", \"conn\": 2, \"dir\": \"in\", \"data\": \"" + base64 + "\"}\n"
                + "{\"data\": \"aGk=\", \"t\": 2, \"type\": \"data\", \"conn\": 2, \"dir\": \"out\"}\r\n"
                + "   \n"
                + "{\"t\": 3, \"type\": \"datagram\", \"conn\": 3, \"dir\": \"out\", \"data\": \"aG\\/k\"}\n"
                + "{\"t\": 4, \"type\": \"error\", \"conn\": 3, \"error\": \"x \\\"data\\\": \\\"zz\"}\n"
                + "{\"t\": 5, \"type\": \"data\", \"conn\": 2, \"dir\": \"in\", \"data\": \"\"}");
        assertThat(facts).hasSize(5);
        assertThat(facts.get(0).data()).isEqualTo(big);
        assertThat(facts.get(0).time()).isEqualTo(1.5);
        assertThat(facts.get(0).in()).isTrue();
        assertThat(new String(facts.get(1).data(), UTF_8)).isEqualTo("hi");
        assertThat(facts.get(1).in()).isFalse();
        assertThat(facts.get(2).data()).isEqualTo(java.util.Base64.getDecoder().decode("aG/k"));
        assertThat(facts.get(3).error()).isEqualTo("x \"data\": \"zz");
        assertThat(facts.get(4).data()).isEmpty();
    }

    @Test
    void badBase64IsNamedWithItsLineEitherWay() {
        assertThatThrownBy(() -> read(HEAD + "{\"t\": 1, \"type\": \"data\", \"conn\": 2, \"dir\": \"in\", "
                + "\"data\": \"a\"}\n"))
                .hasMessageStartingWith("line 2: field \"data\": not base64");
        assertThatThrownBy(() -> read(HEAD + "\n{\"t\": 1, \"type\": \"data\", \"conn\": 2, \"dir\": \"in\", "
                + "\"data\": \"a*k=\"}\n"))
                .hasMessageStartingWith("line 3: field \"data\": not base64");
        assertThatThrownBy(() -> read(HEAD + "{\"t\": 1, \"type\": \"data\", \"conn\": 2, \"data\": \"aGk=\"\n"))
                .hasMessageStartingWith("line 2: not JSON");
    }
}
