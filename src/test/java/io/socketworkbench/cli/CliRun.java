package io.socketworkbench.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** One run of the command line in this JVM, with captured streams. */
record CliRun(int exit, byte[] stdout, String stderr) {

    /** A run still under way: its stderr can be waited on. */
    record Running(LiveOutput err, CompletableFuture<CliRun> done, LiveOutput out) {
        /** The port from the {@code Listening on ADDR:PORT} line (which TLS follows with its certificate). */
        int port() throws InterruptedException {
            return Integer.parseInt(err.await(Pattern.compile("Listening on \\S*:(\\d+)[,\\s]"), Duration.ofSeconds(10)));
        }

        void awaitListening() throws InterruptedException {
            err.await(Pattern.compile("Listening on "), Duration.ofSeconds(10));
        }
    }

    /**
     * A thread for each run, not the common pool: on two cores that has one thread, and a server a test leaves
     * running would hold it, so every later run would wait for ever.
     */
    private static final java.util.concurrent.ExecutorService RUNS = java.util.concurrent.Executors.newCachedThreadPool(
            task -> {
                Thread thread = new Thread(task, "cli-run");
                thread.setDaemon(true);
                return thread;
            });

    static CliRun run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    static CliRun run(InputStream stdin, String... args) {
        return start(stdin, args).done().join();
    }

    static Running start(String... args) {
        return start(new ByteArrayInputStream(new byte[0]), args);
    }

    static Running start(InputStream stdin, String... args) {
        LiveOutput out = new LiveOutput();
        LiveOutput err = new LiveOutput();
        CompletableFuture<CliRun> done = CompletableFuture.supplyAsync(() -> {
            int exit = Cli.run(args, new Streams(stdin, out, new PrintStream(err, true, StandardCharsets.UTF_8)));
            return new CliRun(exit, out.toByteArray(), err.text());
        }, RUNS);
        return new Running(err, done, out);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }
}
