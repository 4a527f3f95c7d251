package io.socketworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.ui.fx.Pulses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class board's rows without a server: the order, the caps, the rate limit, the publishing and the CSV. */
class ClassRowsTest {
    private final Pulses pulses = new Pulses();
    private final ClassRows rows = new ClassRows(pulses.port());

    @Test
    void whoNeedsHelpComesFirstThenWhoIsTryingThenWhoPassedAndAddressesSortAsNumbers() {
        ClassRows.Machine passed = attempt("127.0.0.10", true);
        ClassRows.Machine failedHigh = attempt("127.0.0.11", false);
        ClassRows.Machine failedLow = attempt("127.0.0.9", false);
        ClassRows.Machine trying = rows.machine("127.0.0.2", 3);
        assertThat(trying.begin(System.nanoTime())).isTrue();
        rows.publish();
        pulses.until(() -> rows.rows().get().size() == 4, "the rows to be published");
        assertThat(rows.rows().get()).extracting(ClassBoard.Row::address)
                .containsExactly("127.0.0.9", "127.0.0.11", "127.0.0.2", "127.0.0.10");
        assertThat(passed.firstPass).isNotNull();
        assertThat(failedHigh.firstPass).isNull();
        assertThat(failedLow.row().failing()).isTrue();
        assertThat(trying.row().inProgress()).isTrue();
    }

    @Test
    void aMachineTryingAgainKeepsItsLastVerdictsUntilTheNewAttemptIsOver() {
        ClassRows.Machine machine = attempt("127.0.0.5", true);
        assertThat(machine.begin(System.nanoTime())).isTrue();
        machine.decide(1, false, "a reset");
        ClassBoard.Row during = machine.row();
        assertThat(during.inProgress()).isTrue();
        assertThat(during.passing()).as("the last finished attempt's verdicts").isTrue();
        assertThat(during.attempts()).isEqualTo(2);
        machine.end(false);
        ClassBoard.Row after = machine.row();
        assertThat(after.failing()).isTrue();
        assertThat(after.checks().get(1)).isEqualTo(new ClassBoard.Verdict(false, "a reset"));
        assertThat(after.firstPass()).as("the first pass stays").isNotNull();
        // The first verdict stands.
        machine.decide(1, true, "");
        assertThat(machine.checks.get(1).passed()).isFalse();
    }

    @Test
    void moreThanTheRateLimitWithinOneSecondIsRefusedUntilTheOldestIsASecondOld() {
        ClassRows.Machine machine = rows.machine("127.0.0.7", 3);
        long start = 1_000_000_000L;
        for (int i = 0; i < ClassBoard.RATE_LIMIT; i++) {
            assertThat(machine.begin(start + i * 1_000_000L)).isTrue();
            machine.end(false);
        }
        assertThat(machine.begin(start + 999_000_000L)).isFalse();
        assertThat(machine.row().limited()).isTrue();
        assertThat(machine.attempts).isEqualTo(ClassBoard.RATE_LIMIT);
        // A second after the first of them, one more is let through, and the row is no longer limited.
        assertThat(machine.begin(start + 1_000_000_000L)).isTrue();
        assertThat(machine.row().limited()).isFalse();
    }

    @Test
    void theBoardHoldsAtMostItsMachinesAndAClearEmptiesItAtOnce() {
        for (int i = 0; i < ClassBoard.MAX_MACHINES; i++) {
            assertThat(rows.machine("10.0." + i / 256 + "." + i % 256, 3)).isNotNull();
        }
        assertThat(rows.machine("10.9.9.9", 3)).as("one more machine").isNull();
        assertThat(rows.machine("10.0.0.1", 3)).as("one it holds already").isNotNull();
        rows.publish();
        pulses.until(() -> rows.rows().get().size() == ClassBoard.MAX_MACHINES, "every machine published");
        rows.clear();
        assertThat(rows.rows().get()).isEmpty();
        assertThat(rows.machine("10.9.9.9", 3)).isNotNull();
    }

    @Test
    void theCsvIsTheBoardAsItIsNowWithTheMarksTheTableShows() {
        attempt("127.0.0.3", true);
        ClassRows.Machine failed = attempt("127.0.0.4", false);
        failed.name = "Ada, \"the first\"";
        rows.publish(); // not published yet: the CSV still has both
        List<String> lines = rows.csv(ClassBoard.Kind.HOMEWORK_CLIENT).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .isEqualTo("127.0.0.4,\"Ada, \"\"the first\"\"\",1,\u2713,\u2717 it did not read,\u2013,");
        assertThat(lines.get(2)).startsWith("127.0.0.3,,1,\u2713,\u2713,\u2713,");
    }

    /** One finished attempt from {@code address}: every check passed, or the second failed. */
    private ClassRows.Machine attempt(String address, boolean pass) {
        ClassRows.Machine machine = rows.machine(address, 3);
        assertThat(machine.begin(System.nanoTime())).isTrue();
        machine.decide(1, pass, "it did not read");
        if (pass) {
            machine.decide(2, true, "");
        }
        machine.end(false);
        return machine;
    }
}
