package io.socketworkbench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One budget for all the messages a server's (or a pane's) framings hold (issue 28, item 5): past it, a message
 * is handed on as it arrives and framing goes on after it, for every framing.
 */
class FramingBudgetTest {
    private static final int MIB = 1 << 20;

    private static byte[] bytes(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static int total(List<byte[]> pieces) {
        return pieces.stream().mapToInt(p -> p.length).sum();
    }

    @Test
    void twoPeersCannotHoldMoreThanTheBudgetTogether() {
        Framing.Budget budget = new Framing.Budget(4 * MIB);
        Framing.Decoder first = Framing.parse("line").decoder(budget);
        Framing.Decoder second = Framing.parse("line").decoder(budget);
        assertThat(first.feed(bytes(3 * MIB, 'a'))).isEmpty();
        // The second peer's 3 MiB would take the two past 4 MiB: handed on as it is, not held.
        List<byte[]> shown = second.feed(bytes(3 * MIB, 'b'));
        assertThat(total(shown)).isEqualTo(3 * MIB);
        assertThat(budget.held()).isLessThanOrEqualTo(4 * MIB).isEqualTo(first.pendingBytes());
        // Framing goes on: the rest of the line, then a whole one.
        assertThat(second.feed("tail\nnext\n".getBytes())).extracting(String::new).containsExactly("tail", "next");
        // The first peer's line ends: its whole message, and the budget is free again.
        List<byte[]> whole = first.feed("\n".getBytes());
        assertThat(whole).hasSize(1);
        assertThat(whole.get(0)).hasSize(3 * MIB);
        assertThat(budget.held()).isZero();
    }

    @Test
    void aLengthFramedMessageBeyondTheBudgetIsPassedOnInPiecesAndTheNextFrameIsRead() {
        Framing.Budget budget = new Framing.Budget(MIB);
        Framing.Decoder decoder = Framing.parse("length:4").decoder(budget);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new byte[] {0, 0x30, 0, 0}); // 3 MiB
        stream.writeBytes(bytes(3 * MIB, 'x'));
        stream.writeBytes(new byte[] {0, 0, 0, 2, 'o', 'k'});
        byte[] all = stream.toByteArray();
        ByteArrayOutputStream passedOn = new ByteArrayOutputStream();
        List<byte[]> last = List.of();
        for (int at = 0; at < all.length; at += 64 * 1024) {
            last = decoder.feed(Arrays.copyOfRange(all, at, Math.min(all.length, at + 64 * 1024)));
            for (byte[] piece : last) {
                passedOn.writeBytes(piece);
            }
            assertThat(budget.held()).isLessThanOrEqualTo(MIB);
        }
        byte[] out = passedOn.toByteArray();
        assertThat(out).hasSize(3 * MIB + 2);
        assertThat(new String(out, 3 * MIB, 2)).isEqualTo("ok");
        assertThat(last.get(last.size() - 1)).isEqualTo("ok".getBytes());
        assertThat(budget.held()).isZero();
    }

    @Test
    void idleFramingHasALimitToo() {
        Framing.Budget budget = new Framing.Budget(MIB);
        Framing.Decoder decoder = Framing.parse("idle:50").decoder(budget);
        int shown = 0;
        for (int i = 0; i < 40; i++) {
            shown += total(decoder.feed(bytes(64 * 1024, 'i')));
            assertThat(decoder.pendingBytes()).isLessThanOrEqualTo(MIB);
        }
        shown += total(decoder.flush());
        assertThat(shown).isEqualTo(40 * 64 * 1024);
        assertThat(budget.held()).isZero();
    }
}
