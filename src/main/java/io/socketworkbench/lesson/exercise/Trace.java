package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.SocketError;
import java.net.SocketAddress;

/**
 * What an exercise's run did, as it happens, so a window can show the student's traffic in its lesson views and
 * the command line can show the program's output. Called on the run's own threads; every method may be left out.
 * Connection ids are the run's own, unique within one run.
 */
public interface Trace {
    /** The app's side is bound (and, for TCP, listening) at {@code local}. */
    default void listening(Address at, SocketAddress local, boolean udp) {
    }

    default void accepted(long id, SocketAddress remote, SocketAddress local) {
    }

    /** The app is about to connect to {@code target} (or, for UDP, has a socket ready to send). */
    default void connecting(long id, Address target, boolean udp) {
    }

    default void connected(long id, SocketAddress local, SocketAddress remote) {
    }

    /** A connect failed for good, or an operation on {@code id} raised. */
    default void failed(long id, SocketError error) {
    }

    default void sent(long id, byte[] data) {
    }

    default void received(long id, byte[] data) {
    }

    default void sentDatagram(long id, byte[] data, SocketAddress to) {
    }

    default void receivedDatagram(long id, byte[] data, SocketAddress from) {
    }

    /** The app shut down its sending side of {@code id} (SHUT_WR). */
    default void halfClosed(long id) {
    }

    /** The peer sent FIN on {@code id}: a recv there would return {@code b''}. */
    default void peerFinished(long id) {
    }

    /** {@code id} is closed; {@code error} is set when a reset or an error ended it. */
    default void closed(long id, SocketError error) {
    }

    /** The app's listening side has stopped. */
    default void stopped() {
    }

    /** The command that is about to run, as one line. */
    default void started(String commandLine) {
    }

    /** A line the student's program printed; {@code error} for its stderr. */
    default void output(String line, boolean error) {
    }

    /** The program ended by itself with {@code code}. */
    default void exited(int code) {
    }

    /** A check is decided. */
    default void check(Check check) {
    }

    Trace NONE = new Trace() {
    };
}
