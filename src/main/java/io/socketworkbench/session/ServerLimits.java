package io.socketworkbench.session;

/**
 * A TCP server's limits, as the command line's --max-clients, --busy, --idle-timeout and --stall-timeout set them
 * and the server pane's options: clients at once (0: no limit), what a refused client is told (empty: nothing),
 * and the seconds after which a client that sent nothing, or read none of what waits for it, is closed (null:
 * never).
 */
public record ServerLimits(int maxClients, byte[] busy, Integer idleSeconds, Integer stallSeconds) {
    public static final ServerLimits NONE = new ServerLimits(0, null, null, null);

    public ServerLimits {
        busy = busy == null ? new byte[0] : busy.clone();
    }

    @Override
    public byte[] busy() {
        return busy.clone();
    }
}
