package io.socketworkbench.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Our {@code repr(str)}, checked by python3 itself: the mirror's {@code '你好'.encode('utf-8')} must be real Python. */
class PythonTextTest {
    /** Code point ranges assigned long ago, so that Java's and Python's Unicode tables agree on them. */
    private static final int[][] RANGES = {{0x00, 0x7F}, {0x80, 0xFF}, {0x400, 0x45F}, {0x4E00, 0x9FA5},
        {0x2000, 0x206F}, {0x1F600, 0x1F64F}};

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of("", "你好", "it's", "say \"hi\"", "both ' and \"",
                "tab\tnew\nline\r", "\u0000\u0007\u001b\u007f", "\u00a0nbsp", "été", "\u2028", "zero\u200bwidth",
                "emoji 😀", "back\\slash", "\u0085", "This is socket!"));
        Random random = new Random(37777);
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                int[] range = RANGES[random.nextInt(RANGES.length)];
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            samples.add(text.toString());
        }
        return samples;
    }

    @Test
    void pythonWritesEveryStrExactlyAsWeDoAndReadsOurLiteralBack() throws Exception {
        assumeTrue(PythonInteropTest.hasPython(), "python3 is needed");
        StringBuilder input = new StringBuilder();
        for (String sample : samples()) {
            input.append(Hex.format(sample.getBytes(UTF_8)).replace(" ", "")).append('\t')
                    .append(Hex.format(PythonText.repr(sample).getBytes(UTF_8)).replace(" ", "")).append('\n');
        }
        String check = String.join("\n",
                "import ast, sys",
                "n = 0",
                "for line in sys.stdin:",
                "    text, ours = (bytes.fromhex(f).decode('utf-8') for f in line.rstrip('\\n').split('\\t'))",
                "    assert repr(text) == ours, (repr(text), ours)",
                "    assert ast.literal_eval(ours) == text, ours",
                "    n += 1",
                "print(n, 'same')");
        Process p = new ProcessBuilder("python3", "-c", check).redirectErrorStream(true).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.toString().getBytes(UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.trim()).isEqualTo(samples().size() + " same");
    }

    @Test
    void onlyWholeUtf8TextBeyondAsciiIsShownAsText() {
        assertThat(PythonText.utf8Beyond("你好".getBytes(UTF_8))).contains("你好");
        assertThat(PythonText.utf8Beyond("hello\r\n".getBytes(UTF_8))).as("ASCII reads well as b'...'").isEmpty();
        byte[] cut = java.util.Arrays.copyOf("你".getBytes(UTF_8), 2);
        assertThat(PythonText.utf8Beyond(cut)).as("a character cut in two by TCP").isEmpty();
        assertThat(PythonText.utf8Beyond(new byte[] {(byte) 0xC3, (byte) 0xA9, 0x00})).as("a NUL is binary").isEmpty();
    }
}
