package io.socketworkbench.engine;

/** The exception with which the engine's futures fail; it carries the Python-style error. */
public final class SocketFailure extends RuntimeException {
    private final SocketError error;

    public SocketFailure(SocketError error) {
        super(error.pythonText(), null, false, false);
        this.error = error;
    }

    public SocketError error() {
        return error;
    }
}
