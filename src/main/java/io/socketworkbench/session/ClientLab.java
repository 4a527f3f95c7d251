package io.socketworkbench.session;

/**
 * The client's socket lab: {@code connectEx} uses connect_ex (an error code, no exception); {@code timeout} is
 * settimeout's seconds (null: none); {@code nonBlocking} is setblocking(False); {@code bufsize} is what each recv
 * asks for; {@code manualReceive} receives only when the user presses recv.
 */
public record ClientLab(boolean connectEx, Double timeout, boolean nonBlocking, int bufsize, boolean manualReceive) {
    public static final ClientLab DEFAULT = new ClientLab(false, null, false, 1024, false);

    public ClientLab {
        if (bufsize < 1) {
            throw new IllegalArgumentException("bufsize must be at least 1");
        }
    }
}
