package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.bytes;
import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.past;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketFailure;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The UDP echo check: two senders take turns sending datagrams of several sizes, and each answer must come back
 * whole, as one datagram, to the sender that sent it. The first datagram is sent again until something answers
 * or the wait is over, since a UDP server that is not up yet drops it without a word.
 */
final class UdpEchoCheck {
    private static final long ANSWER_MS = 2_000;
    private final ExerciseRun run;

    UdpEchoCheck(ExerciseRun run) {
        this.run = run;
    }

    /** What became of one datagram. */
    private record Answer(int size, byte[] reply, int sender, int receiver) {
    }

    void run() throws IOException {
        if (!run.startProgram()) {
            return;
        }
        Address.Inet at = (Address.Inet) run.setup().at();
        InetSocketAddress target = (InetSocketAddress) Address.resolve(at);
        UdpEndpoint[] senders = new UdpEndpoint[2];
        List<Answer> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String host = target.getAddress().isLoopbackAddress() ? target.getAddress().getHostAddress()
                        : (target.getAddress() instanceof java.net.Inet6Address ? "::" : "0.0.0.0");
                senders[i] = run.wire().engine().udp(UdpConfig.of(Address.inet(host, 0)), run.wire());
                started(senders[i]);
                run.trace().connecting(senders[i].id(), at, true);
            }
            for (int n = 0; n < ExerciseRun.DATAGRAM_SIZES.length && !run.cancelled(); n++) {
                int sender = n % 2;
                byte[] datagram = new byte[ExerciseRun.DATAGRAM_SIZES[n]];
                run.random().nextBytes(datagram);
                boolean first = n == 0;
                long giveUp = deadline(first ? run.setup().patience().toMillis() : ANSWER_MS);
                Answer answer = null;
                while (answer == null && !past(giveUp) && !run.cancelled()) {
                    senders[sender].send(target, datagram);
                    run.trace().sentDatagram(senders[sender].id(), datagram, target);
                    long resend = first ? deadline(300) : giveUp;
                    while (answer == null && !past(Math.min(resend, giveUp)) && !run.cancelled()) {
                        answer = answerTo(datagram, sender, senders, target.getPort());
                        if (answer == null) {
                            run.wire().awaitAny(50);
                        }
                    }
                    if (first && run.programEnded()) {
                        break;
                    }
                }
                if (answer == null && first) {
                    String hint = run.withProgramError(t("check.udp.answers.hint"));
                    run.add(Check.fail(t("check.udp.answers.title", Address.format(at)),
                            t("check.udp.answers.none", run.setup().patience().toSeconds()), hint));
                    return;
                }
                answers.add(answer == null ? new Answer(datagram.length, null, sender, -1) : answer);
            }
        } finally {
            for (UdpEndpoint endpoint : senders) {
                if (endpoint != null) {
                    endpoint.stop();
                    run.trace().closed(endpoint.id(), null);
                }
            }
        }
        if (run.cancelled()) {
            return;
        }
        judge(answers);
    }

    private static void started(UdpEndpoint endpoint) throws IOException {
        try {
            endpoint.started().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof SocketFailure failure ? new IOException(failure.error().pythonText())
                    : new IOException(e.getCause());
        }
    }

    /**
     * Takes every datagram that has come back to either sender; the answer to {@code datagram}, if one came. Only
     * an answer to this datagram counts: a repeat of an earlier one's answer is dropped, and so is a datagram from
     * any port but the server's (a stray one, late for a socket that an earlier program had on this port, could
     * otherwise pass for the answer to a 1-byte datagram: one chance in 256).
     */
    private Answer answerTo(byte[] datagram, int sender, UdpEndpoint[] senders, int serverPort) {
        Answer answer = null;
        for (int receiver = 0; receiver < senders.length; receiver++) {
            for (SocketEvent event; (event = run.wire().queue(senders[receiver].id()).poll()) != null; ) {
                if (!(event instanceof SocketEvent.Received received)) {
                    continue;
                }
                byte[] reply = received.data();
                run.trace().receivedDatagram(senders[receiver].id(), reply, received.from());
                boolean fromServer = received.from() instanceof InetSocketAddress from && from.getPort() == serverPort;
                if (answer == null && fromServer && reply.length <= datagram.length
                        && Arrays.equals(reply, 0, reply.length, datagram, 0, reply.length)
                        && (reply.length > 0 || datagram.length == 0)) {
                    answer = new Answer(datagram.length, reply, sender, receiver);
                }
            }
        }
        return answer;
    }

    private void judge(List<Answer> answers) {
        run.add(Check.pass(t("check.udp.answers.title", Address.format(run.setup().at())),
                t("check.udp.answers.yes")));
        String ownTitle = t("check.udp.own.title");
        Answer stray = answers.stream().filter(a -> a.reply() != null && a.receiver() != a.sender()).findFirst()
                .orElse(null);
        if (stray == null) {
            run.add(Check.pass(ownTitle, t("check.udp.own.yes")));
        } else {
            run.add(Check.fail(ownTitle, t("check.udp.own.not", bytes(stray.size()), stray.sender() + 1,
                    stray.receiver() + 1), t("check.udp.own.hint")));
        }
        String wholeTitle = t("check.udp.whole.title");
        Answer cut = answers.stream().filter(a -> a.reply() != null && a.reply().length != a.size()).findFirst()
                .orElse(null);
        Answer lost = answers.stream().filter(a -> a.reply() == null).findFirst().orElse(null);
        String sizes = Arrays.stream(ExerciseRun.DATAGRAM_SIZES).mapToObj(ExerciseRun::bytes)
                .reduce((a, b) -> a + ", " + b).orElse("");
        if (cut != null) {
            run.add(Check.fail(wholeTitle, t("check.udp.whole.cut", bytes(cut.size()), bytes(cut.reply().length)),
                    t("check.udp.whole.cut.hint", String.valueOf(cut.reply().length))));
        } else if (lost != null) {
            run.add(Check.fail(wholeTitle, t("check.udp.whole.lost", bytes(lost.size()), ANSWER_MS / 1000),
                    t("check.udp.whole.lost.hint")));
        } else {
            run.add(Check.pass(wholeTitle, t("check.udp.whole.yes", sizes)));
        }
    }
}
