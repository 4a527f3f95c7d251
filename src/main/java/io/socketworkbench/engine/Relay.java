package io.socketworkbench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens, and forwards each client to a target host and port, byte for byte both ways. A half-close is passed
 * on: when one side shuts down its writing, the relay shuts down its writing to the other, and the answer still
 * comes back. Each client has two threads, one a direction, each blocked in read() or write(): the sender's pace
 * is the receiver's, so nothing piles up in memory. A {@link Watcher} sees every chunk as it passes, on the thread
 * that forwards it.
 */
public final class Relay implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;
    private static final AtomicLong IDS = new AtomicLong();

    /** What passes through the relay; called on the relay's threads. */
    public interface Watcher {
        /** A client came; its forwarding to the target is being set up. */
        void accepted(long id, SocketAddress client);

        /** The target answered: the client's bytes go to {@code server} from now on. */
        void forwarding(long id, SocketAddress client, SocketAddress server);

        /** The target could not be reached; the client is closed. */
        void failed(long id, SocketError error);

        /** A chunk passed, client to server ({@code toServer}) or back, just before it is written on. */
        void chunk(long id, boolean toServer, byte[] data);

        /** One side finished writing (its FIN), and the relay passed that on. */
        void halfClosed(long id, boolean toServer);

        /** Both directions ended (or one was reset: {@code error} then says how). */
        void closed(long id, SocketError error);
    }

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final Watcher watcher;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private Relay(ServerSocket listener, String host, int port, Watcher watcher) {
        this.listener = listener;
        this.host = host;
        this.port = port;
        this.watcher = watcher;
    }

    /**
     * Listens on {@code bind} and starts accepting on a thread of its own.
     *
     * @throws SocketFailure when it cannot listen there, worded as Python words it
     */
    public static Relay start(InetSocketAddress bind, String host, int port, Watcher watcher) {
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(bind, 1024);
        } catch (IOException e) {
            throw new SocketFailure(SocketError.ofBind(e, bind));
        }
        Relay relay = new Relay(listener, host, port, watcher);
        Thread accept = new Thread(relay::acceptLoop, "relay-accept");
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    public SocketAddress local() {
        return listener.getLocalSocketAddress();
    }

    public String target() {
        return host + ":" + port;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            Thread serve = new Thread(() -> serve(client), "relay-client");
            serve.setDaemon(true);
            serve.start();
        }
    }

    private void serve(Socket client) {
        long id = IDS.incrementAndGet();
        open.add(client);
        watcher.accepted(id, client.getRemoteSocketAddress());
        Socket server = new Socket();
        try {
            server.connect(new InetSocketAddress(host, port), 10_000);
        } catch (IOException | IllegalArgumentException e) {
            watcher.failed(id, SocketError.ofConnect(e, null));
            closeQuietly(client);
            open.remove(client);
            watcher.closed(id, null);
            return;
        }
        open.add(server);
        watcher.forwarding(id, client.getRemoteSocketAddress(), server.getRemoteSocketAddress());
        SocketError[] error = new SocketError[2];
        Thread back = new Thread(() -> error[1] = pump(id, server, client, false), "relay-back");
        back.setDaemon(true);
        back.start();
        error[0] = pump(id, client, server, true);
        try {
            back.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(client);
        closeQuietly(server);
        open.remove(client);
        open.remove(server);
        watcher.closed(id, error[0] != null ? error[0] : error[1]);
    }

    /** Copies until {@code from} ends, then half-closes {@code to}; a reset on either side ends both directions. */
    private SocketError pump(long id, Socket from, Socket to, boolean toServer) {
        byte[] buffer = new byte[CHUNK];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                watcher.chunk(id, toServer, Arrays.copyOf(buffer, n));
                out.write(buffer, 0, n);
            }
            // Said before it is done: the other side's answer to this FIN must not appear to come first.
            watcher.halfClosed(id, toServer);
            to.shutdownOutput();
            return null;
        } catch (IOException e) {
            boolean wasOpen = !from.isClosed() && !to.isClosed();
            closeQuietly(from);
            closeQuietly(to);
            return wasOpen ? SocketError.ofRead(e) : null;
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(Relay::closeQuietly);
    }

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
