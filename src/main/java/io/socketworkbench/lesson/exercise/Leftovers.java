package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.PortHolders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes around a student's program: what already listened at the exercise's address before it started
 * (a check never passes against a listener that is not the student's program), and what it left running after it
 * was stopped (a double fork, {@code setsid()}), which is ended and named in a failed check.
 */
final class Leftovers {
    /** The processes that held the exercise's address before the program started: never the program's. */
    private List<Long> before = List.of();

    /**
     * Before a student's server starts: a failed check when something already listens at {@code at} (the app
     * itself: its server pane, Examples; or, when the app starts the program ({@code runs}), any process: a server
     * left from an earlier run); else null, with what holds the address noted.
     */
    Check before(Address at, boolean runs) {
        List<PortHolders.Holder> holders = PortHolders.listeningAt(at);
        if (runs || holders.stream().anyMatch(PortHolders.Holder::isThisApp)) {
            List<PortHolders.Holder> blocking = runs ? holders
                    : holders.stream().filter(PortHolders.Holder::isThisApp).toList();
            if (!blocking.isEmpty()) {
                return Check.fail(t("check.before.title", Address.format(at)),
                        t("check.before.seen", describe(blocking)), t("check.before.hint"));
            }
        }
        before = holders.stream().map(PortHolders.Holder::pid).toList();
        return null;
    }

    /** After the program was stopped: what it left behind ended, each kind named in a failed check. */
    List<Check> sweep(Address at, Program program) {
        List<Check> failed = new ArrayList<>();
        holdingPort(at, failed);
        leftBehind(program, failed);
        return failed;
    }

    /**
     * The final sweep: a process that still has a socket on the exercise's address after the program was stopped,
     * and did not before it started, was left by the program (a double fork, {@code setsid()}): it is ended, and
     * named in a failed check.
     */
    private void holdingPort(Address at, List<Check> failed) {
        List<PortHolders.Holder> left = PortHolders.of(at).stream()
                .filter(holder -> !holder.isThisApp() && !before.contains(holder.pid())).toList();
        if (left.isEmpty()) {
            return;
        }
        for (PortHolders.Holder holder : left) {
            ProcessHandle.of(holder.pid()).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                try {
                    process.onExit().get(1, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // it is named either way
                }
            });
        }
        failed.add(Check.fail(t("check.leftover.title"), t("check.leftover.seen", describe(left),
                Address.format(at)), t("check.leftover.hint")));
    }

    /**
     * Any other process the program started and left running (forked, and no longer its child): ended, and named
     * in a failed check, as one holding the port is.
     */
    private static void leftBehind(Program program, List<Check> failed) {
        List<ProcessHandle> left = program.leftBehind();
        if (left.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (ProcessHandle process : left) {
            named.add(t("check.holder.process", String.valueOf(process.pid()), name(process)));
            process.destroyForcibly();
            try {
                process.onExit().get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // it is named either way
            }
        }
        failed.add(Check.fail(t("check.leftover.title"), t("check.orphan.seen", String.join(", ", named)),
                t("check.leftover.hint")));
    }

    /** {@code python3 server.py}: the command's name and its first argument's, as the port holders are named. */
    private static String name(ProcessHandle process) {
        String line = process.info().commandLine().orElse(process.info().command().orElse("?"));
        List<String> words = new ArrayList<>();
        for (String word : line.split(" ")) {
            if (!word.isEmpty() && words.size() < 2) {
                words.add(word.substring(word.lastIndexOf('/') + 1));
            }
        }
        return String.join(" ", words);
    }

    private static String describe(List<PortHolders.Holder> holders) {
        List<String> named = new ArrayList<>();
        for (PortHolders.Holder holder : holders) {
            named.add(holder.isThisApp() ? t("check.holder.app")
                    : t("check.holder.process", String.valueOf(holder.pid()), holder.name()));
        }
        return String.join(", ", named);
    }
}
