package io.socketworkbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.PortUse;
import io.socketworkbench.engine.SocketError;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The teaching texts: both languages complete, and an explanation for every error a user meets. */
class TextsTest {
    @AfterEach
    void systemLanguage() {
        Texts.use(Texts.systemLocale());
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndTheChineseIsChinese() {
        assertThat(Texts.keys(true)).containsExactlyInAnyOrderElementsOf(Texts.keys(false));
        Set<String> punctuationOnly = Set.of("check.join", "check.colon", "explain.tls.and", "batch.progress");
        Texts.use(Texts.CHINESE);
        for (String key : Texts.keys(true)) {
            if (!punctuationOnly.contains(key)) {
                assertThat(Texts.t(key, "x", "y", "z", "w")).as(key).containsPattern("\\p{IsHan}");
            }
        }
    }

    /** The Python mirror's comments, which it builds as "mirror." and a word. */
    @Test
    void theMirrorsWordsAreThereInBothLanguages() {
        for (String word : new String[] {"peerClosed", "discarded", "noException", "byteStream", "frameDelimiter",
                "frameLength", "framePause"}) {
            assertThat(Texts.keys(false)).contains("mirror." + word);
            assertThat(Texts.keys(true)).contains("mirror." + word);
        }
        Texts.use(Locale.ENGLISH);
        assertThat(Texts.t("mirror.discarded", 3)).isEqualTo("(3 more bytes discarded: a datagram does not wait)");
        Texts.use(Texts.CHINESE);
        assertThat(Texts.t("mirror.peerClosed")).isEqualTo("（对方已关闭连接）");
    }

    @Test
    void oneCheckIsSingular() {
        Texts.use(Locale.ENGLISH);
        assertThat(Texts.t("exercise.progress.passed", 1)).isEqualTo("The check passed");
        assertThat(Texts.t("exercise.progress.passed", 4)).isEqualTo("All 4 checks passed");
        assertThat(Texts.t("exercise.progress.failed", 1, 1)).isEqualTo("1 of 1 check failed");
        assertThat(Texts.t("exercise.progress.failed", 2, 3)).isEqualTo("2 of 3 checks failed");
    }

    @Test
    void everyErrorButTheUnknownOneIsExplainedInBothLanguages() {
        Address where = Address.inet("127.0.0.1", 5000);
        for (Locale locale : List.of(Locale.ENGLISH, Texts.CHINESE)) {
            Texts.use(locale);
            for (ErrorKind kind : ErrorKind.values()) {
                String explanation = Explanations.explain(SocketError.of(kind), where, false);
                if (kind == ErrorKind.OTHER) {
                    assertThat(explanation).isEmpty();
                } else {
                    assertThat(explanation).as(kind + " in " + locale).isNotBlank().doesNotContain("{");
                }
            }
        }
    }

    @Test
    void addressInUseSaysWhoHoldsThePort() {
        Texts.use(Locale.ENGLISH);
        assertThat(Explanations.explainInUse(new PortUse(37777, List.of(new PortUse.Holder("python3 server.py",
                4242)), 0, 0), 37777)).contains("python3 server.py (process 4242) is listening on it");
        String lingering = Explanations.explainInUse(new PortUse(37777, List.of(), 3, 41), 37777);
        assertThat(lingering).contains("3 connection(s)").contains("TIME_WAIT").contains("60 seconds")
                .contains("about 41 s").contains("SO_REUSEADDR");
        Texts.use(Texts.CHINESE);
        assertThat(Explanations.explainInUse(new PortUse(37777, List.of(), 3, 41), 37777))
                .contains("TIME_WAIT").contains("60 秒").contains("SO_REUSEADDR");
    }

    @Test
    void portUseFindsALingeringConnectionAndAListenerWithItsProcess() throws Exception {
        int port;
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            PortUse listening = PortUse.of(port, false);
            assertThat(listening.held()).isTrue();
            assertThat(listening.holders().get(0).pid()).isEqualTo(ProcessHandle.current().pid());
            // The side that closes first keeps TIME_WAIT: here the server's accepted socket.
            try (java.net.Socket client = new java.net.Socket(server.getInetAddress(), port);
                 java.net.Socket accepted = server.accept()) {
                accepted.close();
                client.getInputStream().read();
            }
        }
        PortUse lingering = PortUse.of(port, false);
        assertThat(lingering.held()).isFalse();
        assertThat(lingering.timeWait()).isGreaterThanOrEqualTo(1);
        assertThat(lingering.timeWaitSecondsLeft()).isBetween(1, PortUse.TIME_WAIT_SECONDS);
    }

    @Test
    void pythonErrorLinesAreRecognised() {
        assertThat(Explanations.fromPython("ConnectionRefusedError: [Errno 111] Connection refused").kind())
                .isEqualTo(ErrorKind.CONNECTION_REFUSED);
        assertThat(Explanations.fromPython("OSError: [Errno 98] Address already in use").kind())
                .isEqualTo(ErrorKind.ADDRESS_IN_USE);
        assertThat(Explanations.fromPython("TimeoutError: timed out").kind()).isEqualTo(ErrorKind.TIMED_OUT);
        assertThat(Explanations.fromPython("socket.timeout: timed out").kind()).isEqualTo(ErrorKind.TIMED_OUT);
        assertThat(Explanations.fromPython("socket.gaierror: [Errno -2] Name or service not known").kind())
                .isEqualTo(ErrorKind.UNKNOWN_HOST);
        assertThat(Explanations.fromPython("TypeError: a bytes-like object is required, not 'str'")).isNull();
    }
}
