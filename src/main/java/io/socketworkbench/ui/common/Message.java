package io.socketworkbench.ui.common;

import java.time.LocalTime;

/**
 * One line of a transcript: bytes received or sent (with the peer), or a connection event as text.
 * {@code elided} counts bytes that belonged to the message but were not kept for display.
 */
public record Message(Kind kind, byte[] data, long elided, LocalTime time, String peer, String text) {

    public enum Kind { RECEIVED, SENT, EVENT, ERROR }

    public static Message received(byte[] data, long elided, String peer) {
        return new Message(Kind.RECEIVED, data, elided, LocalTime.now(), peer, null);
    }

    public static Message sent(byte[] data, String peer) {
        return new Message(Kind.SENT, data, 0, LocalTime.now(), peer, null);
    }

    public static Message event(String text) {
        return new Message(Kind.EVENT, new byte[0], 0, LocalTime.now(), null, text);
    }

    public static Message error(String text) {
        return new Message(Kind.ERROR, new byte[0], 0, LocalTime.now(), null, text);
    }

    public long size() {
        return data.length + elided;
    }

    public boolean isData() {
        return kind == Kind.RECEIVED || kind == Kind.SENT;
    }
}
