package io.socketworkbench.ui.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketworkbench.codec.PayloadSyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search over every message a transcript holds: text in the charset's bytes, hex exactly, notes by their words. */
class TranscriptSearchTest {
    private final List<Message> messages = new ArrayList<>();
    private final TranscriptSearch search = new TranscriptSearch(() -> messages);

    private Message received(String text, Charset charset) {
        Message m = Message.received(text.getBytes(charset), 0, "peer");
        messages.add(m);
        return m;
    }

    @Test
    void textIsFoundInEveryMessageIgnoringAsciiCaseAndStepsWrap() {
        Message first = received("Hello world", UTF_8);
        received("nothing here", UTF_8);
        Message third = received("say HELLO", UTF_8);
        Message note = Message.event("hello from a note");
        messages.add(note);
        assertThat(search.find("hello", false, UTF_8)).isEqualTo(3);
        assertThat(search.next()).isSameAs(first);
        assertThat(search.next()).isSameAs(third);
        assertThat(search.next()).isSameAs(note);
        assertThat(search.next()).as("wraps").isSameAs(first);
        assertThat(search.previous()).isSameAs(note);
        assertThat(search.position()).isEqualTo(3);
        assertThat(search.count()).isEqualTo(3);
    }

    @Test
    void textIsLookedForAsTheCharsetWritesIt() {
        received("中文", Charset.forName("GBK"));
        assertThat(search.find("中文", false, UTF_8)).isZero();
        assertThat(search.find("中文", false, Charset.forName("GBK"))).isEqualTo(1);
    }

    @Test
    void hexIsExactAndBadHexIsTheParseError() {
        Message crlf = received("a\r\nb", UTF_8);
        received("A\r\n", UTF_8);
        assertThat(search.find("0d0a62", true, UTF_8)).isEqualTo(1);
        assertThat(search.next()).isSameAs(crlf);
        assertThat(search.find("61", true, UTF_8)).as("hex is exact: 0x61 is a, not A").isEqualTo(1);
        assertThatThrownBy(() -> search.find("6z", true, UTF_8)).isInstanceOf(PayloadSyntaxException.class);
    }

    @Test
    void newMessagesAreCountedAsTheyComeAndAnEmptyQueryClears() {
        received("ping", UTF_8);
        search.find("ping", false, UTF_8);
        Message later = Message.received("ping again".getBytes(UTF_8), 0, "peer");
        messages.add(later);
        search.consider(later);
        assertThat(search.count()).isEqualTo(2);
        assertThat(search.isHit(later)).isTrue();
        search.find("", false, UTF_8);
        assertThat(search.active()).isFalse();
        assertThat(search.isHit(later)).isFalse();
        assertThat(search.next()).isNull();
    }
}
