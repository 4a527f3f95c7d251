package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.lesson.Lesson;
import java.util.Arrays;

/**
 * What a client's recv(bufsize) calls return for bytes that arrived, for the transcript and the lesson: at most
 * bufsize a call for a stream, one datagram a call (cut at bufsize) for UDP. A flood into a small bufsize shows
 * {@link #MAX_PIECES} calls and sums up the rest.
 */
final class RecvPieces {
    /** recv results shown one by one per delivery; the rest of a flood into a small bufsize is summed up. */
    static final int MAX_PIECES = 4;

    private final Lesson lesson;
    private final Transcript transcript;

    RecvPieces(Lesson lesson, Transcript transcript) {
        this.lesson = lesson;
        this.transcript = transcript;
    }

    /** The recv calls the lesson sees while a framing shows the messages they make up. */
    void calls(int size, long connection, byte[] data) {
        int calls = (data.length + size - 1) / size;
        for (int i = 0; i < Math.min(calls, MAX_PIECES); i++) {
            lesson.received(Lesson.Side.CLIENT, connection, Arrays.copyOfRange(data, i * size,
                    Math.min(data.length, (i + 1) * size)), size);
        }
    }

    /** What recv(bufsize) calls return for bytes that have arrived from {@code peer}: at most bufsize each. */
    void show(int size, long connection, byte[] data, long elided, String peer) {
        // Every byte that arrived was returned by some recv, kept for display or not.
        long calls = (data.length + elided + size - 1) / size;
        int shown = (int) Math.min(Math.min(calls, MAX_PIECES), (data.length + size - 1) / size);
        for (int i = 0; i < shown; i++) {
            int from = i * size;
            int to = i == shown - 1 ? data.length : Math.min(data.length, from + size);
            byte[] piece = Arrays.copyOfRange(data, from, to);
            lesson.received(Lesson.Side.CLIENT, connection, piece, size);
            transcript.add(Message.received(piece, i == shown - 1 ? elided : 0, peer));
        }
        if (calls > shown) {
            transcript.add(Message.event(t("lab.morePieces", calls - shown + 1, size)));
        }
    }

    /** recvfrom(bufsize) returns one datagram; what does not fit in bufsize is lost. */
    void datagram(int size, SocketEvent.Received datagram) {
        byte[] data = datagram.data();
        byte[] kept = data.length > size ? Arrays.copyOf(data, size) : data;
        int discarded = data.length - kept.length;
        lesson.receivedDatagram(Lesson.Side.CLIENT, kept, datagram.from(), size, discarded);
        transcript.add(Message.received(kept, 0, Address.format(datagram.from())));
        if (discarded > 0) {
            transcript.add(Message.event(t("lab.discarded", discarded, size)));
        }
    }
}
