package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.SocketListener;
import io.socketworkbench.ui.fx.Delivery;
import io.socketworkbench.ui.fx.FxBridge;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge's batching, checked without the FX toolkit: drain() is what each pulse calls. */
class FxBridgeTest {
    private final FxBridge bridge = new FxBridge();
    private final List<Delivery> delivered = new ArrayList<>();

    @Test
    void consecutiveChunksOfOneConnectionArriveAsOneMessage() {
        SocketListener stream = bridge.to(delivered::add);
        stream.onEvent(new SocketEvent.Received(1, null, "Hel".getBytes()));
        stream.onEvent(new SocketEvent.Received(1, null, "lo".getBytes()));
        stream.onEvent(new SocketEvent.Received(2, null, "other".getBytes()));
        stream.onEvent(new SocketEvent.Closed(1, io.socketworkbench.engine.CloseReason.PEER, null));
        stream.onEvent(new SocketEvent.Received(1, null, "late".getBytes()));
        bridge.drain();
        assertThat(delivered).hasSize(4);
        assertThat(new String(((SocketEvent.Received) delivered.get(0).event()).data())).isEqualTo("Hello");
        assertThat(new String(((SocketEvent.Received) delivered.get(1).event()).data())).isEqualTo("other");
        assertThat(delivered.get(2).event()).isInstanceOf(SocketEvent.Closed.class);
    }

    @Test
    void datagramsKeepTheirBoundaries() {
        SocketListener udp = bridge.toDatagrams(delivered::add);
        InetSocketAddress from = new InetSocketAddress("127.0.0.1", 9);
        udp.onEvent(new SocketEvent.Received(1, from, "one".getBytes()));
        udp.onEvent(new SocketEvent.Received(1, from, "two".getBytes()));
        bridge.drain();
        assertThat(delivered).hasSize(2);
    }

    @Test
    void aDatagramFloodIsCountedInFullInOrderWhileWhatWaitsForTheWindowStaysBounded() {
        SocketListener udp = bridge.toDatagrams(delivered::add);
        InetSocketAddress from = new InetSocketAddress("127.0.0.1", 9);
        int datagrams = 20_000;
        int mostWaiting = 0;
        for (int i = 0; i < datagrams; i++) {
            udp.onEvent(new SocketEvent.Received(1, from, Integer.toString(i).getBytes()));
            if (i % 1000 == 999) { // the window drains now and then while the flood goes on
                mostWaiting = Math.max(mostWaiting, bridge.backlog());
                bridge.drain();
            }
        }
        while (bridge.backlog() > 0) {
            bridge.drain();
        }
        // The bound (3,000), at most one mark, and at most one pulse's datagrams (600) that a pulse cut short by
        // its time budget leaves in its batch: on a loaded machine a drain can run out of its 6 ms.
        assertThat(mostWaiting).isLessThanOrEqualTo(3_000 + 1 + 600);
        long counted = delivered.stream().mapToLong(d -> d.isUnshown() ? d.unshown() : 1).sum();
        long bytes = delivered.stream().mapToLong(Delivery::totalBytes).sum();
        long sent = java.util.stream.IntStream.range(0, datagrams).mapToLong(i -> Integer.toString(i).length()).sum();
        assertThat(counted).isEqualTo(datagrams);
        assertThat(bytes).isEqualTo(sent);
        assertThat(delivered).anySatisfy(d -> assertThat(d.isUnshown()).isTrue());
        // In order: each delivery's (last) datagram comes after the one before it.
        List<Integer> order = delivered.stream()
                .map(d -> Integer.parseInt(new String(((SocketEvent.Received) d.event()).data()))).toList();
        assertThat(order).isSorted();
        assertThat(order.get(order.size() - 1)).isEqualTo(datagrams - 1);
    }

    @Test
    void aDatagramThatFitsIsShownAgainOnceTheWindowHasCaughtUp() {
        SocketListener udp = bridge.toDatagrams(delivered::add);
        InetSocketAddress from = new InetSocketAddress("127.0.0.1", 9);
        for (int i = 0; i < 5_000; i++) {
            udp.onEvent(new SocketEvent.Received(1, from, new byte[] {1}));
        }
        while (bridge.backlog() > 0) {
            bridge.drain();
        }
        delivered.clear();
        udp.onEvent(new SocketEvent.Received(1, from, "after".getBytes()));
        bridge.drain();
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.isUnshown()).isFalse();
            assertThat(new String(((SocketEvent.Received) d.event()).data())).isEqualTo("after");
        });
    }

    @Test
    void aFloodIsDrainedInBoundedStepsAndKeepsCountOfBytesItDoesNotShow() {
        SocketListener stream = bridge.to(delivered::add);
        byte[] chunk = new byte[64 * 1024];
        int chunks = 5_000;
        for (int i = 0; i < chunks; i++) {
            stream.onEvent(new SocketEvent.Received(7, null, chunk));
        }
        int firstPulse = bridge.drain();
        assertThat(firstPulse).isLessThan(chunks);
        assertThat(bridge.backlog()).isEqualTo(chunks - firstPulse);
        while (bridge.backlog() > 0) {
            bridge.drain();
        }
        long total = delivered.stream().mapToLong(Delivery::totalBytes).sum();
        assertThat(total).isEqualTo((long) chunks * chunk.length);
        assertThat(delivered).allSatisfy(d ->
                assertThat(((SocketEvent.Received) d.event()).data().length).isLessThanOrEqualTo(FxBridge.MAX_MERGED_BYTES));
    }

    @Test
    void slowResultsAreSpreadOverPulsesInTheOrderTheyCame() {
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            bridge.post(() -> {
                ran.add(n);
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a millisecond of work each
            });
        }
        bridge.drain();
        assertThat(ran).as("one pulse keeps to its time").isNotEmpty().hasSizeLessThan(100);
        for (int pulses = 0; pulses < 1_000 && ran.size() < 100; pulses++) {
            bridge.drain();
        }
        assertThat(ran).as("all of them, in order").isEqualTo(java.util.stream.IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void eventsPostsAndFutureResultsReachTheWindowInTheOrderTheyCame() {
        // A relay's chunk (posted) comes between the send that it carries (a future) and the server pane's
        // receipt (an event): the lesson draws them in that order only if the bridge keeps it.
        List<String> seen = new ArrayList<>();
        SocketListener stream = bridge.to(d -> seen.add("event "
                + new String(((SocketEvent.Received) d.event()).data())));
        java.util.concurrent.CompletableFuture<Integer> send = new java.util.concurrent.CompletableFuture<>();
        bridge.when(send, n -> seen.add("sent " + n), e -> seen.add("failed"));
        stream.onEvent(new SocketEvent.Received(1, null, "a".getBytes()));
        send.complete(2);
        bridge.post(() -> seen.add("relayed"));
        stream.onEvent(new SocketEvent.Received(1, null, "b".getBytes()));
        stream.onEvent(new SocketEvent.Received(1, null, "c".getBytes()));
        bridge.drain();
        assertThat(seen).containsExactly("event a", "sent 2", "relayed", "event bc");
        assertThat(bridge.backlog()).isZero();
    }

    @Test
    void aSendsResultKeepsItsPlaceBeforeThePeersAnswerHoweverFastTheEngineWas() {
        List<String> seen = new ArrayList<>();
        SocketListener stream = bridge.to(d -> seen.add("answer "
                + new String(((SocketEvent.Received) d.event()).data())));
        // The engine wrote, completed the future and heard the answer before the UI thread asked for the result.
        bridge.whenStarted(() -> {
            java.util.concurrent.CompletableFuture<Integer> written = java.util.concurrent.CompletableFuture
                    .completedFuture(5);
            stream.onEvent(new SocketEvent.Received(1, null, "hello".getBytes()));
            return written;
        }, n -> seen.add("sent " + n), e -> seen.add("failed"));
        // A write still going on when the line passes its place: heard when it completes, before what followed.
        java.util.concurrent.CompletableFuture<Integer> slow = new java.util.concurrent.CompletableFuture<>();
        bridge.whenStarted(() -> slow, n -> seen.add("slow sent " + n), e -> seen.add("slow failed"));
        bridge.drain();
        slow.complete(3);
        stream.onEvent(new SocketEvent.Received(1, null, "bye".getBytes()));
        bridge.drain();
        assertThat(seen).containsExactly("sent 5", "answer hello", "slow sent 3", "answer bye");
    }

    @Test
    void aFailedFutureReachesItsErrorHandlerAsASocketError() {
        java.util.List<String> errors = new java.util.ArrayList<>();
        java.util.concurrent.CompletableFuture<Integer> future = new java.util.concurrent.CompletableFuture<>();
        bridge.when(future, n -> errors.add("value " + n), e -> errors.add(e.pythonText()));
        future.completeExceptionally(new io.socketworkbench.engine.SocketFailure(
                io.socketworkbench.engine.SocketError.of(io.socketworkbench.engine.ErrorKind.BROKEN_PIPE)));
        bridge.drain();
        assertThat(errors).containsExactly("BrokenPipeError: [Errno 32] Broken pipe");
    }

    @Test
    void anEchoFloodArrivesAsOneReceivedAndOneEchoedMessagePerPulse() {
        SocketListener stream = bridge.to(delivered::add);
        for (int i = 0; i < 500; i++) {
            byte[] chunk = ("chunk" + i).getBytes();
            stream.onEvent(new SocketEvent.Received(3, null, chunk));
            stream.onEvent(new SocketEvent.Sent(3, null, chunk.length, SocketEvent.Origin.ECHO, chunk));
        }
        bridge.drain();
        assertThat(delivered).hasSize(2);
        SocketEvent.Sent echoed = (SocketEvent.Sent) delivered.get(1).event();
        long total = delivered.get(0).totalBytes();
        assertThat(echoed.bytes()).isEqualTo((int) total);
        assertThat(new String(echoed.data())).startsWith("chunk0chunk1").endsWith("chunk499");
    }

    @Test
    void aConnectionTheWindowCannotKeepUpWithIsHeldThenReleased() {
        java.util.List<String> holds = new java.util.ArrayList<>();
        bridge.holdReadingWith((connection, hold) -> holds.add(connection + (hold ? " held" : " released")));
        SocketListener stream = bridge.to(delivered::add);
        byte[] chunk = new byte[64 * 1024];
        int chunks = 200; // 12.5 MiB, past one connection's allowance
        for (int i = 0; i < chunks; i++) {
            stream.onEvent(new SocketEvent.Received(5, null, chunk));
        }
        assertThat(holds).containsExactly("5 held");
        assertThat(bridge.waitingBytes()).isEqualTo((long) chunks * chunk.length);
        while (bridge.backlog() > 0) {
            bridge.drain();
        }
        assertThat(holds).containsExactly("5 held", "5 released");
        assertThat(bridge.waitingBytes()).isZero();
        assertThat(bridge.behind().get()).isFalse();
        long total = delivered.stream().mapToLong(Delivery::totalBytes).sum();
        assertThat(total).as("every byte still counted").isEqualTo((long) chunks * chunk.length);
    }
}
