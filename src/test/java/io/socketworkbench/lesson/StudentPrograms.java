package io.socketworkbench.lesson;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Our own student programs under src/test/resources/exercises, one right and the classic mistakes for every
 * exercise, with the verdicts each must get (P or F a check, in order) and a part of the hint that names the
 * mistake. The command line's test and the window's test both check every one of them.
 */
public final class StudentPrograms {
    public static final Path FOLDER = Path.of(System.getProperty("project.basedir", "."), "src", "test", "resources",
            "exercises");

    private StudentPrograms() {
    }

    /** exercise, program (without .py), verdicts, a part of the hints (null: all pass, no hint). */
    public static Stream<Arguments> verdicts() {
        return Stream.of(
            Arguments.of("homework-client", "good", "PPPP", null),
            Arguments.of("homework-client", "wrong_port", "F", "Connection refused"),
            Arguments.of("homework-client", "small_recv", "PFFP", "recv(n) returns at most n bytes"),
            Arguments.of("homework-client", "endless_loop", "PPPF", "When recv() returns b'' the server has closed"),
            Arguments.of("homework-server", "good", "PPPP", null),
            Arguments.of("homework-server", "only_once", "PPPF", "put accept() and what follows it in a while True: loop"),
            Arguments.of("homework-server", "str_not_bytes", "PFPF", "TypeError: a bytes-like object is required"),
            Arguments.of("homework-server", "never_closes", "PPFP", "call con.close() after sending"),
            Arguments.of("homework-server", "with_newline", "PFPP", "the app received b'This is socket!\\n'"),
            Arguments.of("echo-server", "good", "PPPP", null),
            Arguments.of("echo-server", "recv_once", "PPF", "Keep calling recv()"),
            Arguments.of("echo-server", "one_at_a_time", "PFF", "Your server serves one client at a time"),
            Arguments.of("echo-server", "send_not_sendall", "PPF", "Use sendall()"),
            Arguments.of("echo-server", "never_closes", "PPPF", "leave the loop and close the connection"),
            Arguments.of("udp-echo", "good", "PPP", null),
            Arguments.of("udp-echo", "small_buffer", "PPF", "recvfrom(1024) cuts a longer datagram"),
            Arguments.of("udp-echo", "first_sender_only", "PFP", "using the addr that this very recvfrom() returned"),
            Arguments.of("unix-echo", "good", "PPPP", null),
            Arguments.of("timeout-client", "good", "PPPP", null),
            Arguments.of("timeout-client", "uncaught", "PPPP", null),
            Arguments.of("timeout-client", "no_timeout", "PFFF", "Call s.settimeout(3)"),
            Arguments.of("timeout-client", "waits_again", "PFPF", "do not start waiting again"),
            Arguments.of("chat-client", "good", "PPPPP", null),
            Arguments.of("chat-client", "no_newline", "PF", "end it with a line break"),
            Arguments.of("chat-client", "recv_first", "PF", "a client that calls recv() first waits for ever"),
            Arguments.of("chat-client", "str_not_bytes", "PF", "TypeError: a bytes-like object is required"),
            Arguments.of("tls-client", "good", "PPPPPPP", null),
            Arguments.of("tls-client", "plain_socket", "PF", "A plain socket cannot talk to a TLS port"),
            Arguments.of("tls-client", "no_cafile", "PF", "Load the certificate itself as the CA"),
            Arguments.of("tls-client", "no_server_hostname", "PF", "wrap_socket needs the server's name"),
            Arguments.of("tls-client", "cert_none", "PPFPPPP", "With the check off (CERT_NONE"));
    }

    /** The program's file. */
    public static Path program(String exercise, String name) {
        return FOLDER.resolve(exercise).resolve(name + ".py");
    }
}
