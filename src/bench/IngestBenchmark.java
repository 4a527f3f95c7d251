import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest throughput on loopback: one sender streams the same bytes to nc, to our CLI client, and to the engine in
 * this JVM, and the program prints MB/s for each and the ratios against nc. Run it from the project root after
 * {@code mvn -B package}:
 *
 * <pre>java -p target/classes --add-modules io.socketworkbench src/bench/IngestBenchmark.java [MiB] [rounds]</pre>
 */
public final class IngestBenchmark {
    private static final String LAUNCHER = "target/image/bin/socket-workbench";

    public static void main(String[] args) throws Exception {
        long bytes = (args.length > 0 ? Long.parseLong(args[0]) : 2048) * 1024 * 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("Streaming %d MiB over 127.0.0.1, best of %d rounds each (%d cores)%n",
                bytes >> 20, rounds, Runtime.getRuntime().availableProcessors());
        double nc = best(rounds, () -> viaProcess(bytes, "nc", "-d", "127.0.0.1"));
        double cli = best(rounds, () -> viaProcess(bytes, LAUNCHER, "client", "127.0.0.1"));
        double engine = best(rounds, () -> viaEngine(bytes));
        System.out.printf("%-34s %9.0f MB/s%n", "nc (netcat-openbsd) > /dev/null", nc);
        System.out.printf("%-34s %9.0f MB/s   ratio %.2f%n", "socket-workbench client > /dev/null", cli, cli / nc);
        System.out.printf("%-34s %9.0f MB/s   ratio %.2f%n", "engine in-process (no stdout)", engine, engine / nc);
    }

    interface Run {
        double mbPerSecond() throws Exception;
    }

    private static double best(int rounds, Run run) throws Exception {
        List<Double> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            results.add(run.mbPerSecond());
        }
        return Collections.max(results);
    }

    /** Time from the receiver's connection being accepted until the receiver process has exited. */
    private static double viaProcess(long bytes, String... commandAndHost) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = listener.socket().getLocalPort();
            List<String> command = new ArrayList<>(List.of(commandAndHost));
            command.add(String.valueOf(port));
            Process receiver = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            receiver.getOutputStream().close();
            try (SocketChannel peer = listener.accept()) {
                long start = System.nanoTime();
                send(peer, bytes);
                peer.close();
                if (!receiver.waitFor(300, TimeUnit.SECONDS)) {
                    receiver.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish");
                }
                return bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** Time from Connected until Closed, counting bytes in the listener as a UI would. */
    private static double viaEngine(long bytes) throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open(); SocketEngine engine = new SocketEngine()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = listener.socket().getLocalPort();
            AtomicLong received = new AtomicLong();
            CompletableFuture<Long> closed = new CompletableFuture<>();
            engine.connect(ClientConfig.of(Address.inet("127.0.0.1", port)), event -> {
                if (event instanceof SocketEvent.Received r) {
                    received.addAndGet(r.data().length);
                } else if (event instanceof SocketEvent.Closed) {
                    closed.complete(System.nanoTime());
                }
            });
            try (SocketChannel peer = listener.accept()) {
                long start = System.nanoTime();
                send(peer, bytes);
                peer.close();
                long end = closed.get(300, TimeUnit.SECONDS);
                if (received.get() != bytes) {
                    throw new IllegalStateException("engine got " + received.get() + " of " + bytes + " bytes");
                }
                return bytes / 1e6 / ((end - start) / 1e9);
            }
        }
    }

    private static void send(SocketChannel peer, long bytes) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
        for (int i = 0; i < block.capacity(); i++) {
            block.put((byte) i);
        }
        long left = bytes;
        while (left > 0) {
            block.clear();
            block.limit((int) Math.min(block.capacity(), left));
            while (block.hasRemaining()) {
                left -= peer.write(block);
            }
        }
    }
}
