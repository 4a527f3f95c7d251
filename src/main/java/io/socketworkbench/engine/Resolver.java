package io.socketworkbench.engine;

import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Turns host names into addresses on its own threads (DNS blocks), then hands the result to the reactor. */
final class Resolver implements AutoCloseable {
    private final ExecutorService pool;

    Resolver() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "socket-resolver-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        pool = executor;
    }

    void resolve(Address address, Reactor reactor, Consumer<SocketAddress> then, Consumer<SocketError> failed) {
        if (address instanceof Address.Unix) {
            reactor.execute(() -> then.accept(resolveNow(address)));
            return;
        }
        pool.execute(() -> {
            try {
                SocketAddress resolved = Address.resolve(address);
                reactor.execute(() -> then.accept(resolved));
            } catch (UnknownHostException | RuntimeException e) {
                SocketError error = SocketError.from(e);
                reactor.execute(() -> failed.accept(error));
            }
        });
    }

    private static SocketAddress resolveNow(Address address) {
        try {
            return Address.resolve(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an AF_UNIX path needs no lookup", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
