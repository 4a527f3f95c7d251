package io.socketworkbench.engine;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS byte path compiled ahead, while a TLS server waits for its first client: a handshake with the server's
 * own context, then records from a client engine unwrapped by a server engine, in memory, with the buffer kinds a
 * connection uses (heap, on both sides of the cipher). Until the JIT has compiled it, AES-GCM in the JVM decrypts
 * a few tens of MB/s: a stream that found it cold spent its first second at that speed. Once a process, on a daemon
 * thread; it stops at the first client (so it never takes a core from one), or after {@link #BYTES} (about two
 * seconds of one core here). Nothing it does touches a socket.
 */
final class TlsWarmUp {
    /** Enough records for the JIT to compile the record layer and AES-GCM in both directions. */
    static final long BYTES = 256L << 20;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean clientCame;

    private TlsWarmUp() {
    }

    /** Starts the warm-up for a server with {@code context}, unless this process has started one already. */
    static void startFor(SSLContext context) {
        if (clientCame || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> run(context, BYTES, () -> clientCame), "tls-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** A client came: the warm-up stops, and none starts from now on. */
    static void clientCame() {
        clientCame = true;
    }

    /**
     * A handshake with {@code context}'s server side, then up to {@code bytes} of records from client to server,
     * until {@code stop} says so (asked at each step). Returns the bytes moved, or -1 when the handshake failed.
     */
    static long run(SSLContext context, long bytes, java.util.function.BooleanSupplier stop) {
        long moved = 0;
        try {
            SSLEngine server = context.createSSLEngine();
            server.setUseClientMode(false);
            SSLContext trusting = SSLContext.getInstance("TLS");
            trusting.init(null, new TrustManager[] {new TrustingAll()}, null);
            SSLEngine client = trusting.createSSLEngine("localhost", 443);
            client.setUseClientMode(true);
            int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
            ByteBuffer toServer = ByteBuffer.allocate(2 * packet);
            ByteBuffer toClient = ByteBuffer.allocate(2 * packet);
            ByteBuffer serverPlain = ByteBuffer.allocate(2 * server.getSession().getApplicationBufferSize());
            ByteBuffer clientPlain = ByteBuffer.allocate(2 * client.getSession().getApplicationBufferSize());
            client.beginHandshake();
            server.beginHandshake();
            for (int i = 0; i < 100 && !stop.getAsBoolean() && (handshaking(client) || handshaking(server)); i++) {
                step(client, toServer, toClient, clientPlain);
                step(server, toClient, toServer, serverPlain);
            }
            if (handshaking(client) || handshaking(server)) {
                return stop.getAsBoolean() ? 0 : -1;
            }
            ByteBuffer plain = ByteBuffer.allocate(16 * 1024);
            for (; moved < bytes && !stop.getAsBoolean(); moved += plain.capacity()) {
                plain.clear();
                toServer.clear();
                client.wrap(plain, toServer);
                toServer.flip();
                while (toServer.hasRemaining()) {
                    serverPlain.clear();
                    if (server.unwrap(toServer, serverPlain).bytesConsumed() == 0) {
                        break;
                    }
                }
            }
        } catch (SSLException | java.security.GeneralSecurityException | RuntimeException e) {
            // A context this cannot shake hands with: the first client finds the path cold, as without the warm-up.
            return moved == 0 ? -1 : moved;
        }
        return moved;
    }

    private static boolean handshaking(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED;
    }

    /** One engine's turn: it writes what it wants to send into {@code out}, then reads what came in {@code in}. */
    private static void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer plain) throws SSLException {
        engine.wrap(ByteBuffer.allocate(0), out);
        runTasks(engine);
        in.flip();
        while (in.hasRemaining()) {
            plain.clear();
            if (engine.unwrap(in, plain).bytesConsumed() == 0) {
                break;
            }
            runTasks(engine);
        }
        in.compact();
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    /** Trusts the server's own certificate, which is all this client ever meets. */
    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // not a server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the server is this process's own
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
