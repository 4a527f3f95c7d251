package io.socketworkbench.ui.model;

/** The kinds of socket a pane can open: TCP, TLS over TCP, UDP, or an AF_UNIX stream socket. */
public enum Protocol { TCP, TLS, UDP, UNIX }
