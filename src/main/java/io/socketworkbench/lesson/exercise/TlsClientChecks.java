package io.socketworkbench.lesson.exercise;

import static io.socketworkbench.lesson.exercise.ExerciseRun.deadline;
import static io.socketworkbench.lesson.exercise.ExerciseRun.t;

import io.socketworkbench.codec.PythonBytes;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.TlsInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The TLS client's checks, once it has connected to the app's TLS server: the handshake (and, when it fails, which
 * classic mistake the wire shows: plain text to a TLS port, the app's certificate not trusted, a name the
 * certificate does not hold, a close before the hello), whether the program keeps the certificate check on (read
 * from its source, which the wire cannot show), its message, and then the homework client's checks over TLS.
 */
final class TlsClientChecks {
    /** How long the app waits for the client's message after the handshake. */
    private static final long SEND_WAIT_MS = 3_000;
    /** What turns Python's certificate check off. */
    private static final List<String> UNCHECKED = List.of("CERT_NONE", "_create_unverified_context",
            "check_hostname = False", "check_hostname=False");

    private final ExerciseRun run;
    private final ClientChecks.Served rest;

    TlsClientChecks(ExerciseRun run, ClientChecks.Served rest) {
        this.run = run;
        this.rest = rest;
    }

    void check(Link link) throws IOException {
        String handshakeTitle = t("check.tls-client.handshake.title");
        TlsInfo agreed;
        long wait = run.setup().runs() ? 5_000 : run.setup().patience().toMillis();
        try {
            agreed = link.awaitHandshake(deadline(wait));
        } catch (Link.Broken e) {
            link.close(e.error);
            run.add(Check.fail(handshakeTitle, e.error.pythonText(), run.withProgramError(hint(e.error))));
            return;
        }
        if (agreed == null) {
            link.close(null);
            run.add(Check.fail(handshakeTitle, t("check.tls-client.handshake.none", wait / 1000),
                    run.withProgramError(t("check.tls-client.hint.plain", certificate()))));
            return;
        }
        run.add(Check.pass(handshakeTitle, agreed.summary() + (agreed.sni() == null ? "" : ", SNI " + agreed.sni())));
        verification();
        String sentTitle = t("check.tls-client.sent.title");
        byte[] got = link.read(64 * 1024, deadline(SEND_WAIT_MS));
        if (got == null) {
            link.close(null);
            run.add(Check.fail(sentTitle, t("check.tls-client.sent.closed"), t("check.tls-client.hint.send")));
            return;
        }
        if (got.length == 0) {
            run.add(Check.fail(sentTitle, t("check.tls-client.sent.none", SEND_WAIT_MS / 1000),
                    t("check.tls-client.hint.send")));
        } else {
            run.add(Check.pass(sentTitle, t("check.tls-client.sent.yes", PythonBytes.head(got, 32))));
        }
        rest.with(link);
    }

    /** The mistake a failed handshake shows, as a hint; the program's own error line says more where it has one. */
    private String hint(SocketError error) {
        String certificate = certificate();
        if (error.kind() == ErrorKind.TLS_WRONG_VERSION) {
            return t("check.tls-client.hint.plain", certificate);
        }
        if (error.kind() == ErrorKind.TLS_ALERT) {
            return error.pythonText().contains("BAD_CERTIFICATE") ? t("check.tls-client.hint.hostname")
                    : t("check.tls-client.hint.ca", certificate);
        }
        String output = "";
        if (run.setup().runs()) {
            run.awaitExit(deadline(2_000));
            output = run.program().allOutput();
        }
        if (output.contains("check_hostname requires server_hostname")) {
            return t("check.tls-client.hint.no-hostname");
        }
        if (output.contains("CERTIFICATE_VERIFY_FAILED")) {
            return output.contains("Hostname mismatch") || output.contains("IP address mismatch")
                    ? t("check.tls-client.hint.hostname") : t("check.tls-client.hint.ca", certificate);
        }
        return t("check.tls-client.hint.eof");
    }

    /**
     * Whether the program keeps the certificate check on. The wire cannot tell (a client that checks nothing
     * sends the same hello), so this reads the program's source, when the command names a .py file; without one
     * there is no such check.
     */
    private void verification() {
        Path source = source();
        if (source == null) {
            return;
        }
        String code;
        try {
            code = Files.readString(source).lines().map(line -> line.replaceAll("#.*", ""))
                    .reduce("", (a, b) -> a + b + "\n");
        } catch (IOException | RuntimeException e) {
            return;
        }
        String title = t("check.tls-client.verify.title", source.getFileName());
        String off = UNCHECKED.stream().filter(code::contains).findFirst().orElse(null);
        if (off == null) {
            run.add(Check.pass(title, t("check.tls-client.verify.on")));
        } else {
            run.add(Check.fail(title, t("check.tls-client.verify.off", off),
                    t("check.tls-client.hint.verify", certificate())));
        }
    }

    /** The .py file the command runs, where it can be read; null otherwise. */
    private Path source() {
        for (String word : run.setup().command()) {
            if (!word.endsWith(".py")) {
                continue;
            }
            Path file = Path.of(word);
            if (!file.isAbsolute() && run.setup().folder() != null) {
                file = run.setup().folder().resolve(file);
            }
            try {
                if (Files.isRegularFile(file) && Files.size(file) < (1 << 20)) {
                    return file;
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private String certificate() {
        return String.valueOf(run.setup().exercise().certificate());
    }
}
