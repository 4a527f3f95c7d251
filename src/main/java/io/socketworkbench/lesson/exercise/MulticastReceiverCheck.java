package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.past;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.Multicast;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The multicast receiver check: the app sends a line with a fresh number to the group every few tenths of a second
 * (a receiver that joins late misses the ones before, as on a real network), and the student's program must print
 * it. Only a program that joined the group gets it: a plain bind to the port does not.
 */
final class MulticastReceiverCheck {
    private static final long EVERY_MS = 300;
    /** Datagrams the program must print, each with its own number: a receiver with no loop prints one. */
    private static final int MESSAGES = 3;
    /** How long each datagram after the first is sent for. */
    private static final long NEXT_MS = 2_000;
    private final ExerciseRun run;

    MulticastReceiverCheck(ExerciseRun run) {
        this.run = run;
    }

    void run() {
        if (!run.startProgram()) {
            return;
        }
        Address.Inet group = (Address.Inet) run.setup().at();
        int number = 100_000 + run.random().nextInt(900_000);
        String title = t("check.multicast.received.title", Address.format(group));
        UdpEndpoint sender = run.wire().engine().udp(UdpConfig.of(null)
                .withMulticast(Multicast.NONE.withTtl(1).withLoop(true)), run.wire());
        run.trace().connecting(sender.id(), group, true);
        String first = message(number, 1);
        int printed = 0;
        try {
            for (int i = 1; i <= MESSAGES && !run.cancelled(); i++) {
                long until = deadline(i == 1 ? run.setup().patience().toMillis() : NEXT_MS);
                if (!sendUntilPrinted(sender, group, message(number, i), until)) {
                    break;
                }
                printed++;
            }
        } finally {
            sender.stop().orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            run.trace().stopped();
        }
        if (printed == 0) {
            if (run.program() == null) {
                run.add(Check.fail(title, t("check.multicast.received.byHand", run.setup().patience().toSeconds()),
                        t("check.multicast.received.hint")));
                return;
            }
            String output = run.program().stdout();
            run.add(Check.fail(title, output.isBlank() ? t("check.homework-client.printed.nothing")
                    : t("check.homework-client.printed.other", output.lines().findFirst().orElse("")),
                    run.withProgramError(t("check.multicast.received.hint"))));
            return;
        }
        run.add(Check.pass(title, first));
        String againTitle = t("check.multicast.again.title", MESSAGES);
        if (printed == MESSAGES) {
            run.add(Check.pass(againTitle, t("check.multicast.again.yes", MESSAGES)));
        } else {
            run.add(Check.fail(againTitle, t("check.multicast.again.not", printed, NEXT_MS / 1000),
                    run.withProgramError(t("check.multicast.again.hint"))));
        }
    }

    private static String message(int number, int index) {
        return "hello, group " + number + " #" + index;
    }

    /** Sends {@code message} to the group every {@link #EVERY_MS} until the program prints it, or until the deadline. */
    private boolean sendUntilPrinted(UdpEndpoint sender, Address.Inet group, String message, long until) {
        byte[] datagram = (message + "\n").getBytes(StandardCharsets.UTF_8);
        while (!past(until) && !run.cancelled()) {
            sender.send(group, datagram).orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
            long next = deadline(EVERY_MS);
            while (!past(next)) {
                if (run.program() != null && run.program().printedSoFar(message)) {
                    return true;
                }
                sleep(50);
            }
            if (run.programEnded()) {
                return run.program().stdout().contains(message);
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
