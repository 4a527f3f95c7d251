package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.bytes;
import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.past;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.engine.Address;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        SocketAddress target = Address.resolve(at);
        DatagramChannel[] senders = new DatagramChannel[2];
        long[] ids = new long[2];
        List<Answer> answers = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < 2; i++) {
                InetSocketAddress inet = (InetSocketAddress) target;
                senders[i] = DatagramChannel.open();
                senders[i].bind(new InetSocketAddress(inet.getAddress().isLoopbackAddress()
                        ? inet.getAddress() : null, 0));
                senders[i].configureBlocking(false);
                senders[i].register(selector, SelectionKey.OP_READ, i);
                ids[i] = run.nextId();
                run.trace().connecting(ids[i], at, true);
            }
            ByteBuffer in = ByteBuffer.allocate(65_536);
            for (int n = 0; n < ExerciseRun.DATAGRAM_SIZES.length && !run.cancelled(); n++) {
                int sender = n % 2;
                byte[] datagram = new byte[ExerciseRun.DATAGRAM_SIZES[n]];
                run.random().nextBytes(datagram);
                boolean first = n == 0;
                long giveUp = deadline(first ? run.setup().patience().toMillis() : ANSWER_MS);
                Answer answer = null;
                while (answer == null && !past(giveUp) && !run.cancelled()) {
                    senders[sender].send(ByteBuffer.wrap(datagram), target);
                    run.trace().sentDatagram(ids[sender], datagram, target);
                    long resend = first ? deadline(300) : giveUp;
                    while (answer == null && !past(Math.min(resend, giveUp)) && !run.cancelled()) {
                        selector.select(50);
                        for (SelectionKey key : selector.selectedKeys()) {
                            int receiver = (Integer) key.attachment();
                            in.clear();
                            SocketAddress from = senders[receiver].receive(in);
                            if (from == null) {
                                continue;
                            }
                            byte[] reply = Arrays.copyOf(in.array(), in.position());
                            run.trace().receivedDatagram(ids[receiver], reply, from);
                            // Only an answer to this datagram counts: a repeat of an earlier one's answer is dropped.
                            if (reply.length <= datagram.length && Arrays.equals(reply, 0, reply.length,
                                    datagram, 0, reply.length) && (reply.length > 0 || datagram.length == 0)) {
                                answer = new Answer(datagram.length, reply, sender, receiver);
                            }
                        }
                        selector.selectedKeys().clear();
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
            for (int i = 0; i < 2; i++) {
                if (senders[i] != null) {
                    senders[i].close();
                    run.trace().closed(ids[i], null);
                }
            }
        }
        if (run.cancelled()) {
            return;
        }
        judge(answers);
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
