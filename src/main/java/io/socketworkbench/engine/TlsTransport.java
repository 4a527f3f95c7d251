package io.socketworkbench.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS over a connection's channel, with an {@link SSLEngine}, on the engine's thread and never blocking. Records
 * read off the wire wait in {@code netIn} until whole; plaintext that did not fit the caller's buffer waits in
 * {@code appIn} ({@link #buffered()}); records made and not yet written wait in {@code netOut}
 * ({@link #flushWire()}). The handshake runs inside {@link #read} and {@link #flushWire}: its delegated tasks (the
 * certificate checks) run inline, which takes a few milliseconds once a connection. The connection learns that it
 * has finished from {@link #ready()}.
 */
final class TlsTransport implements Transport {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final SSLEngine engine;
    /** Wire bytes read, not yet unwrapped; in write mode (filled up to its position). */
    private ByteBuffer netIn;
    /** Records made, not yet written; in read mode (from position to limit). */
    private ByteBuffer netOut;
    /** Plaintext unwrapped that the caller's buffer had no room for; in read mode, or null. */
    private ByteBuffer appIn;
    private boolean finished;
    private boolean channelAtEnd;
    /** The peer's close_notify has come: once what came before it is read, the next read says -1. */
    private boolean peerClosed;
    private boolean shutdownPending;
    private boolean outputShut;
    /** Bytes that crossed the socket, records and all: written by the engine's thread, read by the window's. */
    private volatile long wireRead;
    private volatile long wireWritten;
    /** A read that failed after plaintext had been taken in the same call: given at the next read. */
    private IOException failedAfterData;
    /** The handshake's records as they crossed the wire, until it finished. */
    private final java.util.List<TlsRecord> records = new java.util.ArrayList<>();
    private final TlsRecord.Reader sentRecords = new TlsRecord.Reader(true, records);
    private final TlsRecord.Reader receivedRecords = new TlsRecord.Reader(false, records);

    TlsTransport(SocketChannel channel, SSLEngine engine) {
        this.channel = channel;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        // Heap buffers on both sides of the cipher: the JDK's AES-GCM works on their arrays in place, while a direct
        // buffer on either side costs it a copy into a new array a record.
        this.netIn = ByteBuffer.allocate(2 * packet);
        this.netOut = ByteBuffer.allocate(2 * packet);
        this.netOut.flip();
    }

    @Override
    public void start() throws IOException {
        engine.beginHandshake();
        drive();
        flushWire();
    }

    @Override
    public boolean ready() {
        return finished;
    }

    /** Plaintext waiting in {@code appIn}, or a whole record in {@code netIn}: either reads without the socket. */
    @Override
    public boolean buffered() {
        if (appIn != null && appIn.hasRemaining() || peerClosed || failedAfterData != null) {
            return true;
        }
        if (netIn.position() < 5) {
            return false;
        }
        int length = ((netIn.get(3) & 0xff) << 8) | (netIn.get(4) & 0xff);
        return netIn.position() >= 5 + length;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (failedAfterData != null && (appIn == null || !appIn.hasRemaining())) {
            IOException failure = failedAfterData;
            failedAfterData = null;
            throw failure;
        }
        int total = takeBuffered(into);
        if (peerClosed) {
            return total > 0 ? total : -1;
        }
        while (into.hasRemaining()) {
            boolean progress = false;
            while (netIn.position() > 0 && into.hasRemaining()) {
                netIn.flip();
                ByteBuffer target = !into.isDirect()
                        && into.remaining() >= engine.getSession().getApplicationBufferSize() ? into : appInForUnwrap();
                SSLEngineResult result;
                boolean handshaking = !finished;
                try {
                    result = engine.unwrap(netIn, target);
                } catch (SSLException e) {
                    SSLException plainAlert = TlsRecord.plaintextAlert(netIn, 0, e);
                    netIn.compact();
                    throw failed(plainAlert);
                }
                if (handshaking) {
                    receivedRecords.read(netIn, 0, result.bytesConsumed());
                }
                netIn.compact();
                if (target == into) {
                    total += result.bytesProduced();
                } else {
                    appIn.flip();
                    total += takeBuffered(into);
                }
                after(result);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    if (netIn.position() == netIn.capacity()) {
                        grow();
                    }
                    break;
                }
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    appIn = ByteBuffer.allocate(Math.max(engine.getSession().getApplicationBufferSize(),
                            appIn == null ? 0 : appIn.capacity() * 2));
                    appIn.flip();
                    continue;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED || engine.isInboundDone()) {
                    peerClosed = true; // the peer's close_notify: its side has ended
                    flushWire();
                    return total > 0 ? total : -1;
                }
                progress = true;
            }
            if (!into.hasRemaining()) {
                break;
            }
            if (channelAtEnd) {
                return total > 0 ? total : -1;
            }
            int got;
            try {
                got = channel.read(netIn);
            } catch (IOException e) {
                if (total > 0) {
                    // A reset after the peer's last records (Python closing with a session ticket unread): what
                    // came before it is the caller's now, the failure comes next.
                    failedAfterData = e;
                    return total;
                }
                throw e;
            }
            if (got > 0) {
                wireRead += got; // one writer: the engine's thread
            }
            if (got < 0) {
                // The peer closed without close_notify: the end, as Python's suppress_ragged_eofs takes it.
                channelAtEnd = true;
                if (!finished) {
                    throw new SSLException("EOF occurred in violation of protocol");
                }
                return total > 0 ? total : -1;
            }
            if (got == 0 && !progress) {
                break;
            }
        }
        flushWire();
        return total;
    }

    /** Where an unwrap goes when the caller's buffer is short: {@code appIn}, emptied and in write mode. */
    private ByteBuffer appInForUnwrap() {
        if (appIn == null) {
            appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        }
        appIn.clear();
        return appIn;
    }

    private int takeBuffered(ByteBuffer into) {
        if (appIn == null || !appIn.hasRemaining()) {
            return 0;
        }
        int n = Math.min(appIn.remaining(), into.remaining());
        into.put(appIn.slice(appIn.position(), n));
        appIn.position(appIn.position() + n);
        return n;
    }

    private void grow() {
        ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
        netIn.flip();
        bigger.put(netIn);
        netIn = bigger;
    }

    @Override
    public int write(ByteBuffer from) throws IOException {
        if (!finished || !flushWire()) {
            return 0;
        }
        int taken = 0;
        while (from.hasRemaining()) {
            if (!roomForRecord() && (!flushWire() || !roomForRecord())) {
                break;
            }
            SSLEngineResult result;
            try {
                result = wrapInto(from);
            } catch (SSLException e) {
                throw failed(e);
            }
            taken += result.bytesConsumed();
            if (result.getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
        }
        flushWire();
        return taken;
    }

    private boolean roomForRecord() {
        return netOut.capacity() - netOut.remaining() >= engine.getSession().getPacketBufferSize();
    }

    /** Wraps {@code from} into {@code netOut}, which stays in read mode. */
    private SSLEngineResult wrapInto(ByteBuffer from) throws SSLException {
        netOut.compact();
        int start = netOut.position();
        boolean handshaking = !finished;
        try {
            return engine.wrap(from, netOut);
        } finally {
            netOut.flip();
            if (handshaking) {
                sentRecords.read(netOut, start, netOut.limit());
            }
        }
    }

    @Override
    public boolean flushWire() throws IOException {
        while (netOut.hasRemaining()) {
            int written = channel.write(netOut);
            wireWritten += written; // one writer: the engine's thread
            if (written == 0) {
                return false;
            }
        }
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            drive();
            if (netOut.hasRemaining()) {
                return flushWire();
            }
        }
        if (shutdownPending && !outputShut) {
            outputShut = true;
            channel.shutdownOutput();
        }
        return true;
    }

    @Override
    public void shutdownOutput() throws IOException {
        engine.closeOutbound();
        drive();
        shutdownPending = true;
        flushWire();
    }

    @Override
    public void closing() {
        if (outputShut) {
            return;
        }
        try {
            engine.closeOutbound();
            drive();
            if (netOut.hasRemaining()) {
                channel.write(netOut);
            }
        } catch (IOException | RuntimeException e) {
            // the socket closes next, whatever the peer heard
        }
    }

    /** Runs what the handshake asks for that needs no bytes from the peer: its tasks and the records it sends. */
    private void drive() throws IOException {
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (status == HandshakeStatus.NEED_WRAP) {
                if (!wrapControl()) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** Makes one record of the engine's own (a handshake message, an alert); false when nothing more can be made. */
    private boolean wrapControl() throws IOException {
        if (!roomForRecord()) {
            return false;
        }
        SSLEngineResult result;
        try {
            result = wrapInto(EMPTY);
        } catch (SSLException e) {
            throw failed(e);
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            finished = true;
        }
        return result.bytesProduced() > 0 || engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP;
    }

    /** The handshake's tasks (the certificate checks); one that throws fails the handshake, not the engine. */
    private void runTasks() throws SSLException {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                throw failed(new SSLException("a handshake task failed: " + e, e));
            }
        }
    }

    /** What follows an unwrap: the handshake's next steps, and its end. */
    private void after(SSLEngineResult result) throws IOException {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            finished = true;
        }
        HandshakeStatus status = engine.getHandshakeStatus();
        if (status == HandshakeStatus.NEED_TASK || status == HandshakeStatus.NEED_WRAP) {
            drive();
        }
    }

    @Override
    public long wireRead() {
        return wireRead;
    }

    @Override
    public long wireWritten() {
        return wireWritten;
    }

    /** What the handshake agreed; null until it has finished. */
    @Override
    public TlsInfo tlsInfo() {
        return finished ? TlsInfo.of(engine, records) : null;
    }

    /** A failed handshake or record: the alert the engine has for the peer goes out if it can, then the failure. */
    private SSLException failed(SSLException e) {
        try {
            engine.closeOutbound();
            if (roomForRecord()) {
                wrapInto(EMPTY);
            }
            if (netOut.hasRemaining()) {
                channel.write(netOut);
            }
        } catch (IOException | RuntimeException ignored) {
            // the peer hears the close instead
        }
        return e;
    }
}
