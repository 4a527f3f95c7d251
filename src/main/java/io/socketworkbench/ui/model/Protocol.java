package io.socketworkbench.ui.model;

/** The kinds of socket a pane can open: TCP, UDP, or an AF_UNIX stream socket. */
public enum Protocol { TCP, UDP, UNIX }
