package io.socketworkbench.lesson;

/** The TCP states a lesson shows, as far as socket events can tell them apart. */
public enum TcpState {
    CLOSED, LISTEN, SYN_SENT, ESTABLISHED, FIN_WAIT, CLOSE_WAIT, TIME_WAIT
}
