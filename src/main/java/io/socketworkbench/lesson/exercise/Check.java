package io.socketworkbench.lesson.exercise;

import io.socketworkbench.lesson.Texts;

/**
 * One check's verdict: its title (what was checked), what was seen, and for a failure a hint in the student's
 * language that names the likely mistake and its fix.
 */
public record Check(String title, boolean passed, String seen, String hint) {

    public Check {
        seen = seen == null ? "" : seen;
        hint = hint == null ? "" : hint;
    }

    static Check pass(String title, String seen) {
        return new Check(title, true, seen, "");
    }

    static Check fail(String title, String seen, String hint) {
        return new Check(title, false, seen, hint);
    }

    /** The check and what was seen: {@code title: seen}. */
    public String summary() {
        return seen.isEmpty() ? title : title + Texts.t("check.colon") + seen;
    }

    /** The command line's line: {@code PASS title: seen} or {@code FAIL title: seen. Hint: hint}. */
    public String line() {
        StringBuilder line = new StringBuilder(passed ? "PASS " : "FAIL ").append(summary());
        if (!passed && !hint.isEmpty()) {
            line.append(Texts.t("check.hint", hint));
        }
        return line.toString().replace('\n', ' ');
    }
}
