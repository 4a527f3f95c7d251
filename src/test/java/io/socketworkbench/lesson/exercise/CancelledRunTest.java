package io.socketworkbench.lesson.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.Texts;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A check stopped early says when it was stopped, not that it waited its whole time (issue 28, item 9). */
class CancelledRunTest {
    @AfterEach
    void systemLanguage() {
        Texts.use(Texts.systemLocale());
    }

    @Test
    void aCheckStoppedAfterASecondSaysSoNotThirtySeconds() throws Exception {
        Texts.use(Locale.ENGLISH);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ExerciseRun run = new ExerciseRun(new ExerciseRun.Setup(Exercise.HOMEWORK_CLIENT,
                new Address.Inet("127.0.0.1", port), null, null, Duration.ofSeconds(30)), null);
        CompletableFuture<ExerciseRun.Report> report = CompletableFuture.supplyAsync(run::run);
        Thread.sleep(1_200);
        run.cancel();
        ExerciseRun.Report done = report.get(10, TimeUnit.SECONDS);
        Check connected = done.checks().get(0);
        assertThat(connected.passed()).isFalse();
        assertThat(connected.seen()).startsWith("nothing connected to 127.0.0.1:" + port
                + " before the check was stopped, after 1 s").doesNotContain("30 s");
    }
}
