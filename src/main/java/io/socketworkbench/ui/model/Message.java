package io.socketworkbench.ui.model;

import java.time.LocalTime;

/**
 * One line of a transcript: bytes received or sent (with the peer), or a connection event as text.
 * {@code elided} counts bytes that belonged to the message but were not kept for display. A message the user
 * sends is {@link Status#PENDING} until the engine reports it written, then {@link Status#DONE}, or
 * {@link Status#REFUSED} with the reason in {@code text}.
 */
public record Message(Kind kind, byte[] data, long elided, LocalTime time, String peer, String text, Status status) {

    public enum Kind { RECEIVED, SENT, EVENT, ERROR }

    /** Whether sent bytes have really gone out. */
    public enum Status { DONE, PENDING, REFUSED }

    public static Message received(byte[] data, long elided, String peer) {
        return new Message(Kind.RECEIVED, data, elided, LocalTime.now(), peer, null, Status.DONE);
    }

    /** Bytes the engine reports written. */
    public static Message sent(byte[] data, String peer) {
        return new Message(Kind.SENT, data, 0, LocalTime.now(), peer, null, Status.DONE);
    }

    /** Bytes handed to the engine, not yet reported written. */
    public static Message pending(byte[] data, String peer) {
        return new Message(Kind.SENT, data, 0, LocalTime.now(), peer, null, Status.PENDING);
    }

    public static Message event(String text) {
        return new Message(Kind.EVENT, new byte[0], 0, LocalTime.now(), null, text, Status.DONE);
    }

    public static Message error(String text) {
        return new Message(Kind.ERROR, new byte[0], 0, LocalTime.now(), null, text, Status.DONE);
    }

    /** This pending message, written. */
    public Message done() {
        return new Message(kind, data, elided, time, peer, null, Status.DONE);
    }

    /** This pending message, refused for {@code reason}. */
    public Message refused(String reason) {
        return new Message(kind, data, elided, time, peer, reason, Status.REFUSED);
    }

    public long size() {
        return data.length + elided;
    }

    public boolean isData() {
        return kind == Kind.RECEIVED || kind == Kind.SENT;
    }
}
