package io.socketworkbench.ui.model;

import io.socketworkbench.session.QuickItem;
import io.socketworkbench.session.Outgoing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketworkbench.codec.Checksum;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.ui.fx.Pulses;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sending view models without the toolkit: what goes on the wire, repeats by count, and the history. */
class SendingModelTest {
    private final Pulses pulses = new Pulses();

    @Test
    void theWireHoldsTheMessageThenTheLineEndingThenTheChecksumOverBoth() {
        Outgoing modbus = new Outgoing("01 03 00 00 00 0A", PayloadFormat.HEX, "", Checksum.CRC16_MODBUS, null);
        assertThat(io.socketworkbench.codec.Hex.format(modbus.wire(1))).isEqualTo("01 03 00 00 00 0a c5 cd");
        Outgoing text = new Outgoing("n={{counter}}", PayloadFormat.TEXT, "\r\n", Checksum.SUM8, null);
        byte[] third = text.wire(3);
        assertThat(new String(third, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("n=3\r\n");
        assertThat(third[5]).isEqualTo(Checksum.SUM8.of("n=3\r\n".getBytes(StandardCharsets.US_ASCII))[0]);
        assertThat(text.varies()).isTrue();
        // The charset's encoding is what goes out: 你 is two bytes in GBK, three in UTF-8.
        assertThat(new Outgoing("你", PayloadFormat.TEXT, "", null, Charset.forName("GBK")).wire(1)).hasSize(2);
        assertThat(new Outgoing("你", PayloadFormat.TEXT, "", null, null).wire(1)).hasSize(3);
        // Hex is never templated, and a bad digit still says where it is.
        assertThat(new Outgoing("{{counter}}", PayloadFormat.HEX, "", null, null).varies()).isFalse();
        assertThatThrownBy(() -> new Outgoing("41 4G", PayloadFormat.HEX, "", null, null).wire(1))
                .isInstanceOf(PayloadSyntaxException.class);
        assertThat(Outgoing.previewHex(new byte[100])).endsWith("…").hasSize(Outgoing.PREVIEW_BYTES * 3 - 1 + 2);
    }

    @Test
    void aRepeatSendsExactlyItsCountInOrderAndStopsByItself() {
        Repeater repeater = new Repeater(pulses.port());
        List<String> sent = new ArrayList<>();
        repeater.start(1, 50, n -> ("m" + n).getBytes(StandardCharsets.US_ASCII), data -> {
            sent.add(new String(data, StandardCharsets.US_ASCII));
            return null;
        });
        pulses.until(() -> !repeater.running().get(), "the repeat to end");
        assertThat(sent).hasSize(50).startsWith("m1", "m2").endsWith("m50");
        assertThat(repeater.sentMessages().get()).isEqualTo(50);
        assertThat(repeater.sentBytes().get()).isEqualTo(sent.stream().mapToLong(String::length).sum());
    }

    @Test
    void stoppingIsAtOnceAndARefusedSendStopsTheRepeatWithItsReason() throws Exception {
        Repeater repeater = new Repeater(pulses.port());
        List<byte[]> sent = new ArrayList<>();
        repeater.start(1, 0, n -> new byte[] {1}, data -> {
            sent.add(data);
            return null;
        });
        pulses.until(() -> sent.size() >= 20, "some sends");
        repeater.stop();
        int atStop = sent.size();
        Thread.sleep(50);
        pulses.settle();
        assertThat(sent).hasSize(atStop);
        assertThat(repeater.running().get()).isFalse();

        repeater.start(1, 0, n -> new byte[] {1}, data -> sent.size() > atStop + 3 ? "Not connected" : add(sent));
        pulses.until(() -> !repeater.running().get(), "the refusal to stop it");
        assertThat(repeater.stoppedBecause().get()).isEqualTo("Not connected");
        assertThat(repeater.sentMessages().get()).isEqualTo(4);
    }

    private static String add(List<byte[]> sent) {
        sent.add(new byte[] {1});
        return null;
    }

    @Test
    void upAndDownWalkTheHistoryAndComeBackToWhatWasBeingTyped() {
        History history = new History();
        history.add("one");
        history.add("two");
        history.add("two");
        assertThat(history.up("draft")).isEqualTo("two");
        assertThat(history.up("two")).isEqualTo("one");
        assertThat(history.up("one")).isNull();
        assertThat(history.down()).isEqualTo("two");
        assertThat(history.down()).isEqualTo("draft");
        assertThat(history.down()).isNull();
    }

    @Test
    void aFileOfGigabytesGoesFromDiskAChunkAtATimeWithinASmallHeap(@org.junit.jupiter.api.io.TempDir
                                                                     java.nio.file.Path dir) throws Exception {
        // 3 GiB, sparse: no disk space, but every byte is read. The tests' heap is 1 GiB, so the file cannot be
        // held in memory: finishing at all shows it never was.
        java.nio.file.Path file = dir.resolve("big.bin");
        long size = 3L << 30;
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.seek(size - 1);
            raf.write(7);
        }
        FileSender sender = new FileSender(pulses.port());
        java.util.concurrent.atomic.AtomicLong got = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger lastByte = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger biggest = new java.util.concurrent.atomic.AtomicInteger();
        FileSender.Outcome[] outcome = new FileSender.Outcome[1];
        sender.start(file, chunk -> {
            got.addAndGet(chunk.length);
            biggest.accumulateAndGet(chunk.length, Math::max);
            lastByte.set(chunk[chunk.length - 1]);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }, done -> outcome[0] = done);
        pulses.until(() -> outcome[0] != null, java.time.Duration.ofSeconds(120), "the file to be sent");
        assertThat(outcome[0].complete()).isTrue();
        assertThat(got.get()).isEqualTo(size);
        assertThat(lastByte.get()).isEqualTo(7);
        assertThat(biggest.get()).isEqualTo(FileSender.CHUNK);
        assertThat(sender.progress().get()[0]).isEqualTo(size);
        assertThat(sender.progress().get()[1]).isEqualTo(size);
    }

    @Test
    void cancellingAFileStopsItAndSaysHowFarItGot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("f.bin");
        java.nio.file.Files.write(file, new byte[FileSender.CHUNK * 8]);
        FileSender sender = new FileSender(pulses.port());
        java.util.concurrent.CompletableFuture<Object> gate = new java.util.concurrent.CompletableFuture<>();
        FileSender.Outcome[] outcome = new FileSender.Outcome[1];
        sender.start(file, chunk -> gate, done -> outcome[0] = done); // the first chunk is never written
        sender.cancel();
        gate.complete(null);
        pulses.until(() -> outcome[0] != null, "the cancel");
        assertThat(outcome[0].cancelled()).isTrue();
        assertThat(outcome[0].sent()).isLessThan(outcome[0].size());
        assertThat(sender.running().get()).isFalse();
    }

    @Test
    void quickMessagesSurviveTheirFileWithTabsLineBreaksAndBackslashes() {
        List<QuickItem> items = List.of(
                QuickItem.message("hello", PayloadFormat.TEXT, "hi\tthere\nback\\slash"),
                QuickItem.delay(500),
                QuickItem.message("modbus", PayloadFormat.HEX, "01 03 00 00 00 0A"));
        assertThat(QuickList.parse(QuickList.format(items))).isEqualTo(items);
        assertThatThrownBy(() -> QuickList.parse("# header\nname\tbogus\tx\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2");
        QuickList list = new QuickList();
        list.replaceAll(items);
        assertThat(list.message(1).name()).isEqualTo("modbus"); // Ctrl+2 skips the delay
        assertThat(list.message(2)).isNull();
        list.insert(1, QuickItem.delay(7)); // a delay put after the first item
        assertThat(list.items().get().get(1).delayMillis()).isEqualTo(7);
        assertThat(list.items().get()).hasSize(4);
    }

    @Test
    void aSequenceSendsInOrderWaitsAtDelaysLoopsAndStops() {
        SequenceRunner runner = new SequenceRunner(pulses.port());
        List<String> sent = new ArrayList<>();
        List<QuickItem> items = List.of(QuickItem.message("a", PayloadFormat.TEXT, "a"),
                QuickItem.delay(30), QuickItem.message("b", PayloadFormat.TEXT, "b"));
        long started = System.nanoTime();
        runner.start(items, false, item -> {
            sent.add(item.payload());
            return null;
        });
        pulses.until(() -> !runner.running().get(), "the sequence to end");
        assertThat(sent).containsExactly("a", "b");
        assertThat(System.nanoTime() - started).as("the delay was waited").isGreaterThanOrEqualTo(30_000_000L);

        sent.clear();
        runner.start(items, true, item -> {
            sent.add(item.payload());
            return null;
        });
        pulses.until(() -> sent.size() >= 5, "the loop to go round");
        runner.stop();
        int atStop = sent.size();
        pulses.settle();
        assertThat(sent).hasSize(atStop).startsWith("a", "b", "a", "b");
        assertThat(runner.step().get()).isEqualTo(-1);
    }
}
