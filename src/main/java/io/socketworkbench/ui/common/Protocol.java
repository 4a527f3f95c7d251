package io.socketworkbench.ui.common;

/** The kinds of socket a pane can open: TCP, UDP, or an AF_UNIX stream socket. */
public enum Protocol { TCP, UDP, UNIX }
