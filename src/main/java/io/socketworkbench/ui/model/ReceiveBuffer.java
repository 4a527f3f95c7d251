package io.socketworkbench.ui.model;

import io.socketworkbench.engine.SocketEvent;
import java.util.ArrayDeque;

/**
 * What has arrived but not been recv'd yet, when the lab receives by hand: bytes of a stream, or whole datagrams.
 * Bounded like every view: past {@link #MAX_BYTES} the oldest bytes go (a capture still has them all).
 */
final class ReceiveBuffer {
    static final int MAX_BYTES = 4 << 20;
    static final int MAX_DATAGRAMS = 1000;

    private final ArrayDeque<SocketEvent.Received> chunks = new ArrayDeque<>();
    /** Bytes of the first chunk already taken by earlier recv calls. */
    private int offset;
    private long bytes;
    private long dropped;

    void clear() {
        chunks.clear();
        offset = 0;
        bytes = 0;
    }

    boolean isEmpty() {
        return chunks.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    /** Bytes (or datagrams' bytes) dropped from the view's buffer to keep it bounded. */
    long dropped() {
        return dropped;
    }

    /** Holds {@code chunk}; returns the bytes this add cost the buffer (oldest dropped, or elided), 0 if none. */
    long add(SocketEvent.Received chunk, long elided) {
        long before = dropped;
        chunks.addLast(chunk);
        bytes += chunk.data().length;
        dropped += elided;
        while (chunks.size() > 1 && (bytes > MAX_BYTES || (chunk.from() != null && chunks.size() > MAX_DATAGRAMS))) {
            SocketEvent.Received old = chunks.pollFirst();
            int gone = old.data().length - offset;
            bytes -= gone;
            dropped += gone;
            offset = 0;
        }
        return dropped - before;
    }

    /** One stream recv: up to {@code max} bytes, across chunks as TCP merges them. */
    byte[] take(int max) {
        int size = (int) Math.min(max, bytes);
        byte[] out = new byte[size];
        int filled = 0;
        while (filled < size) {
            byte[] first = chunks.peekFirst().data();
            int n = Math.min(size - filled, first.length - offset);
            System.arraycopy(first, offset, out, filled, n);
            filled += n;
            offset += n;
            if (offset == first.length) {
                chunks.pollFirst();
                offset = 0;
            }
        }
        bytes -= size;
        return out;
    }

    /** One datagram recvfrom: the whole next datagram (the caller cuts it to bufsize). */
    SocketEvent.Received nextDatagram() {
        SocketEvent.Received next = chunks.pollFirst();
        bytes -= next.data().length;
        offset = 0;
        return next;
    }
}
