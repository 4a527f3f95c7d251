package io.socketworkbench.engine;

/** Why a connection ended. */
public enum CloseReason {
    /** We closed it (the user, a stop, or close-after-greet). */
    LOCAL,
    /** The peer sent FIN: its recv() would now return {@code b''}. */
    PEER,
    /** The peer reset the connection (RST). */
    RESET,
    /** An I/O error or a timeout ended it; the event carries the error. */
    ERROR,
    /**
     * We closed it because the peer took none of the bytes waiting for it for the server's stall timeout: a peer
     * that sends without ever reading must not hold a server's place for ever.
     */
    STALLED
}
