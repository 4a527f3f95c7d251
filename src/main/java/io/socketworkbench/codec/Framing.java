package io.socketworkbench.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts messages back together from a byte stream, as receivers of TCP must: what one {@code send()} wrote may
 * arrive split or merged. A framing is one of {@code line} (ends at {@code \n}, which is removed, as is a
 * {@code \r} before it), {@code delim:HEX} (ends at those bytes, removed), {@code length:N} (an N-byte big-endian
 * length, 1, 2 or 4, then that many bytes; the prefix is removed; {@code length:Nle} little-endian) or
 * {@code idle:MS} (a pause of MS milliseconds ends a message: the caller says when, with {@link Decoder#flush}).
 * Pure functions and a small stateful decoder per stream; no sockets.
 */
public record Framing(Kind kind, byte[] delimiter, int lengthBytes, boolean littleEndian, long idleMillis) {

    public enum Kind { LINE, DELIMITER, LENGTH, IDLE }

    /** The longest message a length prefix may announce (and a delimiter may wait for): 64 MiB. */
    public static final int MAX_MESSAGE = 64 << 20;

    /** Reads {@code line}, {@code delim:0d0a}, {@code length:2}, {@code length:4le}, {@code idle:50}. */
    public static Framing parse(String text) {
        String spec = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("line")) {
            return new Framing(Kind.LINE, new byte[] {'\n'}, 0, false, 0);
        }
        if (spec.startsWith("delim:")) {
            byte[] delimiter;
            try {
                delimiter = Hex.parse(spec.substring(6));
            } catch (PayloadSyntaxException e) {
                throw new IllegalArgumentException("delim:HEX needs hex bytes, such as delim:0d0a");
            }
            if (delimiter.length == 0) {
                throw new IllegalArgumentException("delim:HEX needs at least one byte, such as delim:0a");
            }
            return new Framing(Kind.DELIMITER, delimiter, 0, false, 0);
        }
        if (spec.startsWith("length:")) {
            String n = spec.substring(7);
            boolean le = n.endsWith("le");
            if (le) {
                n = n.substring(0, n.length() - 2);
            }
            if (!n.equals("1") && !n.equals("2") && !n.equals("4")) {
                throw new IllegalArgumentException("length:N takes N = 1, 2 or 4 (length:2le for little-endian)");
            }
            return new Framing(Kind.LENGTH, null, Integer.parseInt(n), le, 0);
        }
        if (spec.startsWith("idle:")) {
            try {
                long ms = Long.parseLong(spec.substring(5));
                if (ms >= 1 && ms <= 86_400_000L) {
                    return new Framing(Kind.IDLE, null, 0, false, ms);
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException("idle:MS takes MS from 1 to 86400000");
        }
        throw new IllegalArgumentException("'" + text + "' is not one of line, delim:HEX, length:N, length:Nle, idle:MS");
    }

    /** A decoder with a budget of its own of {@link #MAX_MESSAGE}. */
    public Decoder decoder() {
        return new Decoder(this, new Budget(MAX_MESSAGE));
    }

    /** A decoder that shares {@code budget} with the other streams of one server or pane. */
    public Decoder decoder(Budget budget) {
        return new Decoder(this, budget);
    }

    /**
     * The bytes that the decoders of one server (or one pane) may hold together while they wait for the ends of
     * their messages. It is also the longest message one of them waits for. A decoder that would go past it hands
     * on what it holds as it is (the message shown as it arrives, in pieces), and goes on framing after that
     * message: a few peers sending huge messages cannot take the memory that everyone else's need.
     */
    public static final class Budget {
        private final long total;
        private final java.util.concurrent.atomic.AtomicLong held = new java.util.concurrent.atomic.AtomicLong();

        public Budget(long total) {
            this.total = total;
        }

        public long total() {
            return total;
        }

        /** Bytes held by all its decoders now. */
        public long held() {
            return held.get();
        }

        /** Takes {@code more} bytes (or gives them back, when negative); false, taking nothing, past the total. */
        boolean take(long more) {
            while (true) {
                long now = held.get();
                if (more > 0 && now + more > total) {
                    return false;
                }
                if (held.compareAndSet(now, now + more)) {
                    return true;
                }
            }
        }
    }

    /**
     * A length prefix announced more than a message may have. {@link #before} holds the messages the chunk completed
     * before it, which were not handed on otherwise.
     */
    public static final class TooLong extends IllegalStateException {
        private final transient List<byte[]> before;

        TooLong(String message, List<byte[]> before) {
            super(message);
            this.before = before;
        }

        public List<byte[]> before() {
            return before;
        }
    }

    /** One stream's framing state: bytes in, whole messages out, in order. */
    public static final class Decoder {
        private final Framing framing;
        private final Budget budget;
        private byte[] buf = new byte[256];
        private int len;
        /** Where the search for a delimiter goes on: bytes before it were searched already. */
        private int scanFrom;
        /** Bytes of the budget this decoder holds: {@code len} after each call. */
        private long held;
        /** Of a length-framed message already handed on in pieces, the bytes still to come. */
        private long passing;

        Decoder(Framing framing, Budget budget) {
            this.framing = framing;
            this.budget = budget;
        }

        /**
         * The messages that {@code chunk} completes; the rest waits for more. What would take the decoders of one
         * {@link Budget} past it (64 MiB, or one message of that size) is handed on as it is, so memory stays
         * bounded however many peers send huge messages.
         *
         * @throws TooLong when a length prefix announces more than {@link #MAX_MESSAGE}: the stream is not framed
         *     as the user said, and its reader must say so; the messages before it are in the exception, and the
         *     decoder holds the rest, from the prefix on, for {@link #flush}
         */
        public List<byte[]> feed(byte[] chunk) {
            List<byte[]> messages = new ArrayList<>();
            int offset = 0;
            if (passing > 0) {
                // The rest of a message too big to hold: handed on as it comes.
                int n = (int) Math.min(passing, chunk.length);
                messages.add(java.util.Arrays.copyOf(chunk, n));
                passing -= n;
                offset = n;
            }
            int more = chunk.length - offset;
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(len + more, Math.min(buf.length * 2, MAX_MESSAGE)));
            }
            System.arraycopy(chunk, offset, buf, len, more);
            len += more;
            if (framing.kind != Kind.IDLE) {
                int start = 0;
                try {
                    while (true) {
                        int end = next(start, messages);
                        if (end < 0) {
                            break;
                        }
                        start = end;
                        scanFrom = start;
                    }
                } catch (TooLong tooLong) {
                    compact(start);
                    throw new TooLong(tooLong.getMessage(), messages);
                }
                compact(start);
            }
            if (len > budget.total() || !budget.take(len - held)) {
                overflow(messages);
            } else {
                held = len;
            }
            if (buf.length > 1 << 20 && len < buf.length / 4) {
                buf = java.util.Arrays.copyOf(buf, Math.max(256, len * 2));
            }
            return messages;
        }

        /** Drops the {@code start} bytes already handed on. */
        private void compact(int start) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, len - start);
                len -= start;
                scanFrom = Math.max(0, scanFrom - start);
            }
        }

        /**
         * Past the budget: what is held goes on as it is. A length-framed message keeps its frame: the rest of it
         * is handed on as it comes, and framing starts again after it.
         */
        private void overflow(List<byte[]> messages) {
            if (framing.kind == Kind.LENGTH) {
                int n = framing.lengthBytes;
                if (len < n) {
                    budget.held.addAndGet(len - held); // a few header bytes: kept even past the budget
                    held = len;
                    return;
                }
                long length = lengthAt(0);
                messages.add(java.util.Arrays.copyOfRange(buf, n, len));
                passing = length - (len - n);
                len = 0;
            } else {
                messages.add(java.util.Arrays.copyOf(buf, len));
                len = 0;
            }
            scanFrom = 0;
            release();
        }

        private void release() {
            budget.take(-held);
            held = 0;
        }

        /** Gives back the budget without handing anything on: the stream is no longer framed. */
        public void discard() {
            len = 0;
            scanFrom = 0;
            passing = 0;
            release();
        }

        /** Bytes waiting for the end of their message. */
        public int pendingBytes() {
            return len;
        }

        /** Whatever is waiting, as a message (an idle pause, or the stream's end); empty when nothing is. */
        public List<byte[]> flush() {
            if (len == 0) {
                return List.of();
            }
            byte[] rest = java.util.Arrays.copyOf(buf, len);
            len = 0;
            scanFrom = 0;
            release();
            if (buf.length > 1 << 20) {
                buf = new byte[256];
            }
            return List.of(rest);
        }

        /** Takes one message at {@code start}; the index after it, or -1 if it is not whole yet. */
        private int next(int start, List<byte[]> out) {
            switch (framing.kind) {
                case LINE, DELIMITER -> {
                    byte[] d = framing.delimiter;
                    int at = indexOf(d, Math.max(start, scanFrom - d.length + 1));
                    if (at < 0) {
                        scanFrom = len;
                        return -1;
                    }
                    int end = at;
                    if (framing.kind == Kind.LINE && end > start && buf[end - 1] == '\r') {
                        end--;
                    }
                    out.add(java.util.Arrays.copyOfRange(buf, start, end));
                    return at + d.length;
                }
                case LENGTH -> {
                    int n = framing.lengthBytes;
                    if (len - start < n) {
                        return -1;
                    }
                    long length = lengthAt(start);
                    if (length > MAX_MESSAGE) {
                        throw new TooLong("a length prefix announced " + length
                                + " bytes, more than the " + MAX_MESSAGE + " a message may have", List.of());
                    }
                    if (len - start - n < length) {
                        return -1;
                    }
                    int from = start + n;
                    out.add(java.util.Arrays.copyOfRange(buf, from, from + (int) length));
                    return from + (int) length;
                }
                default -> {
                    return -1;
                }
            }
        }

        /** The length prefix at {@code start}. */
        private long lengthAt(int start) {
            int n = framing.lengthBytes;
            long length = 0;
            for (int i = 0; i < n; i++) {
                int b = buf[start + (framing.littleEndian ? n - 1 - i : i)] & 0xff;
                length = (length << 8) | b;
            }
            return length;
        }

        private int indexOf(byte[] d, int from) {
            outer:
            for (int i = Math.max(0, from); i <= len - d.length; i++) {
                for (int k = 0; k < d.length; k++) {
                    if (buf[i + k] != d[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
