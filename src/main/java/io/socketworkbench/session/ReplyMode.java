package io.socketworkbench.session;

/** What a server does by itself when a client comes or sends: the one list the window, the lesson and export use. */
public enum ReplyMode {
    /** Nothing: only what the user sends. */
    NONE,
    /** Sends back what it receives. */
    ECHO,
    /** Greets each new client. */
    GREET,
    /** Greets each new client, then closes it: the tutorial's homework server. */
    GREET_CLOSE,
    /** Answers by the auto-reply rules (the window's; a script exported from it does not replay them). */
    RULES
}
