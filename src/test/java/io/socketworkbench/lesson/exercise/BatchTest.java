package io.socketworkbench.lesson.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch waits out TIME_WAIT on a fixed port before the next server, and reports escape what students wrote. */
class BatchTest {
    @Test
    void aFixedPortInTimeWaitIsWaitedOutAndSaid(@TempDir Path dir) throws Exception {
        Texts.use(Locale.ENGLISH);
        try {
            java.nio.file.Files.createDirectories(dir.resolve("a"));
            java.nio.file.Files.createDirectories(dir.resolve("b"));
            List<String> notes = new ArrayList<>();
            AtomicInteger lingering = new AtomicInteger(3); // 3 polls with connections in TIME_WAIT, then none
            Batch batch = new Batch(new Batch.Setup(Exercise.HOMEWORK_SERVER, Address.inet("127.0.0.1", 1),
                    List.of("python3", "-c", "import sys; sys.exit(3)"), Duration.ofSeconds(1), 4),
                    new Batch.Progress() {
                        @Override
                        public void note(String text) {
                            notes.add(text);
                        }
                    }, port -> Math.max(0, lingering.getAndDecrement()));
            List<Batch.Result> results = batch.run(Batch.submissions(dir));
            assertThat(results).hasSize(2).noneMatch(Batch.Result::passed);
            assertThat(results.get(0).line()).startsWith("FAIL a: ");
            assertThat(notes).containsExactly("Port 1: connections of the last submission linger in TIME_WAIT "
                    + "(Linux keeps them 60 s); waiting for them, so that the next server can bind.");
            assertThat(lingering.get()).isLessThan(0);
        } finally {
            Texts.use(Texts.systemLocale());
        }
    }

    @Test
    void reportsShowWhatStudentsWroteAsTextNeverAsMarkupOrFormulas() {
        Batch.Result result = new Batch.Result(new Batch.Submission("<b>eve</b>", Path.of("/tmp/eve")),
                new ExerciseRun.Report(Exercise.HOMEWORK_CLIENT, List.of(
                        new Check("connects", true, "", ""),
                        new Check("prints", false, "=1+1", "print \"it\", then close"))),
                List.of("<script>alert(1)</script>"));
        String html = BatchReport.html(Exercise.HOMEWORK_CLIENT, List.of(result), "now");
        assertThat(html).doesNotContain("<script>", "<b>eve").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;b&gt;eve&lt;/b&gt;", "print &quot;it&quot;, then close");
        String csv = BatchReport.csv(Exercise.HOMEWORK_CLIENT, List.of(result));
        assertThat(csv).contains("<b>eve</b>,FAIL,✓,\"✗ print \"\"it\"\", then close\"\r\n");
        assertThat(BatchReport.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(BatchReport.csvCell("-1")).isEqualTo("'-1");
    }
}
