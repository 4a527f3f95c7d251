package io.socketworkbench.cli;

/**
 * Makes SIGTERM and Ctrl+C end a long-running command cleanly with exit status 0: the hook closes the sockets,
 * then halts with 0 (the JVM would otherwise report 143 or 130). A normal exit removes the hook first.
 */
final class SignalExit implements AutoCloseable {
    private final Thread hook;
    private volatile boolean finished;

    SignalExit(Runnable closeEverything) {
        hook = new Thread(() -> {
            if (finished) {
                return;
            }
            closeEverything.run();
            Runtime.getRuntime().halt(0);
        }, "signal-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook sees finished and does nothing
        }
    }
}
