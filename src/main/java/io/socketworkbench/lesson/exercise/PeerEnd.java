package io.socketworkbench.lesson.exercise;

/** How the peer's side of a connection ended for a check: it closed, it reset, or it is still open. */
enum PeerEnd { FINISHED, RESET, STILL_OPEN }
