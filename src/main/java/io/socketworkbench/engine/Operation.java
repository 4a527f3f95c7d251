package io.socketworkbench.engine;

/** The socket call that failed, named after its Python counterpart. */
public enum Operation {
    RESOLVE, BIND, LISTEN, ACCEPT, CONNECT, SEND, RECEIVE, OPTION
}
