package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the checker reads a student program's output (issue 28, item 6): in bounded pieces, whatever it prints. */
class ChildProcessTest {
    /**
     * 640 MiB of 'x' with no line break, then a line with the message: made as it is read, never held. Held as one
     * line it would take 1.3 GB of chars, more than the tests' heap (-Xmx1g).
     */
    private static InputStream hugeLineThenTheMessage() {
        byte[] tail = "\nThis is socket!\r\nno break at the end".getBytes(StandardCharsets.UTF_8);
        long huge = 640L * 1024 * 1024;
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= huge + tail.length) {
                    return -1;
                }
                if (at < huge) {
                    int n = (int) Math.min(len, huge - at);
                    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                    at += n;
                    return n;
                }
                int n = (int) Math.min(len, huge + tail.length - at);
                System.arraycopy(tail, (int) (at - huge), b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void aLineBiggerThanTheHeapIsCutAsItIsRead() {
        List<String> lines = new ArrayList<>();
        ChildProcess.readLines(hugeLineThenTheMessage(), 2_000, lines::add);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).hasSize(2_001).startsWith("xxxx").endsWith("x…");
        assertThat(lines.get(1)).isEqualTo("This is socket!");
        assertThat(lines.get(2)).isEqualTo("no break at the end");
    }
}
