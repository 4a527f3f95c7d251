package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.CLOSE_MS;
import static io.socketworkbench.lesson.exercise.ExerciseRun.MESSAGE;
import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.past;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.engine.Address;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The homework server check: the app connects three times, and each time the student's server must send
 * {@code This is socket!} and close, then take the next client.
 */
final class HomeworkServerCheck {
    private final ExerciseRun run;

    HomeworkServerCheck(ExerciseRun run) {
        this.run = run;
    }

    /** What one connection to the homework server got: its bytes, and how it ended. */
    private record Visit(byte[] data, PeerEnd end) {
    }

    void run() throws IOException {
        if (!run.startProgram()) {
            return;
        }
        List<Visit> visits = new ArrayList<>();
        int tries = 3;
        for (int i = 0; i < tries && !run.cancelled(); i++) {
            Link link = run.connect(deadline(i == 0 ? run.setup().patience().toMillis() : 2_000), false);
            if (link == null) {
                break;
            }
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            PeerEnd end = PeerEnd.STILL_OPEN;
            long deadline = deadline(CLOSE_MS);
            try {
                while (!past(deadline) && !run.cancelled() && got.size() < 64 * 1024) {
                    byte[] data = link.read(4096, deadline);
                    if (data == null) {
                        end = PeerEnd.FINISHED;
                        break;
                    }
                    got.writeBytes(data);
                }
                link.close(null);
            } catch (IOException e) {
                end = PeerEnd.RESET;
                link.close(Link.errorOf(e));
            }
            visits.add(new Visit(got.toByteArray(), end));
        }
        if (visits.isEmpty()) {
            run.nobodyListened();
            return;
        }
        run.add(Check.pass(t("check.listens.title", Address.format(run.setup().at())), t("check.listens.yes")));
        String sendsTitle = t("check.homework-server.sends.title");
        Visit wrong = visits.stream().filter(v -> !java.util.Arrays.equals(v.data(), MESSAGE)).findFirst()
                .orElse(null);
        if (wrong == null) {
            run.add(Check.pass(sendsTitle, PythonBytes.repr(MESSAGE)));
        } else if (wrong.data().length == 0) {
            run.add(Check.fail(sendsTitle, t("check.homework-server.sends.nothing"),
                    run.withProgramError(t("check.homework-server.sends.nothing.hint"))));
        } else {
            run.add(Check.fail(sendsTitle, t("check.homework-server.sends.other", PythonBytes.head(wrong.data(), 60)),
                    t("check.homework-server.sends.hint")));
        }
        String closesTitle = t("check.homework-server.closes.title");
        if (visits.stream().anyMatch(v -> v.end() == PeerEnd.STILL_OPEN)) {
            run.add(Check.fail(closesTitle, t("check.closed.not", CLOSE_MS / 1000),
                    t("check.homework-server.closes.hint")));
        } else {
            run.add(Check.pass(closesTitle, t("check.closed.yes")));
        }
        String againTitle = t("check.homework-server.again.title", tries);
        if (visits.size() == tries) {
            run.add(Check.pass(againTitle, t("check.homework-server.again.yes", tries)));
        } else {
            run.add(Check.fail(againTitle, t("check.homework-server.again.not", visits.size() + 1,
                    run.lastConnectError() == null ? "" : run.lastConnectError().pythonText()),
                    run.programFailed() ? run.withProgramError("") : t("check.homework-server.again.hint")));
        }
    }
}
