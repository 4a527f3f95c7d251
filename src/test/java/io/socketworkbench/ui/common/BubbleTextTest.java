package io.socketworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a transcript bubble measures before it lays its text out. */
class BubbleTextTest {
    @Test
    void theLongestLineCountsTheCharactersOfTheWidestLineNotOfTheWholeText() {
        assertThat(BubbleCell.longestLine("")).isZero();
        assertThat(BubbleCell.longestLine(null)).isZero();
        assertThat(BubbleCell.longestLine("This is socket!")).isEqualTo(15);
        assertThat(BubbleCell.longestLine("ab\nabcd\nabc")).isEqualTo(4);
        assertThat(BubbleCell.longestLine("abc\n")).isEqualTo(3);
        assertThat(BubbleCell.longestLine("\n\n12345")).isEqualTo(5);
        // A hundred short lines are as narrow as one of them, however long the text.
        assertThat(BubbleCell.longestLine("ok\n".repeat(100))).isEqualTo(2);
    }
}
