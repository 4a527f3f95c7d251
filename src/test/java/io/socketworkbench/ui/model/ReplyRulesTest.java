package io.socketworkbench.ui.model;

import io.socketworkbench.session.ReplyRule;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** Ordered rules, first match answers: text, regex, hex prefix or anything; a payload with a counter, or echo. */
class ReplyRulesTest {
    private final ReplyRules rules = new ReplyRules();

    private static ReplyRules.Rule rule(ReplyRule.Match match, String pattern, ReplyRule.Reply reply,
                                        PayloadFormat format, String payload) {
        return ReplyRules.Rule.of(match, pattern, reply, format, payload, 0, UTF_8);
    }

    private String answer(String message) {
        return rules.answer(message.getBytes(UTF_8), UTF_8).map(a -> new String(a.bytes(), UTF_8)).orElse(null);
    }

    @Test
    void theFirstMatchingRuleAnswersAndCountsItsOwnReplies() {
        rules.add(rule(ReplyRule.Match.CONTAINS, "PING", ReplyRule.Reply.PAYLOAD, PayloadFormat.ESCAPES,
                "PONG {{counter}}\\n"));
        rules.add(rule(ReplyRule.Match.REGEX, "^GET /(\\w+)", ReplyRule.Reply.PAYLOAD, PayloadFormat.TEXT, "200"));
        rules.add(rule(ReplyRule.Match.ANY, "", ReplyRule.Reply.ECHO, PayloadFormat.TEXT, ""));
        assertThat(answer("PING")).isEqualTo("PONG 1\n");
        assertThat(answer("GET /index")).isEqualTo("200");
        assertThat(answer("xPINGx")).isEqualTo("PONG 2\n");
        assertThat(answer("other")).as("the last rule echoes anything").isEqualTo("other");
        rules.move(2, -2);
        assertThat(answer("PING")).as("order decides").isEqualTo("PING");
        rules.resetCounters();
        rules.remove(0);
        assertThat(answer("PING")).isEqualTo("PONG 1\n");
        rules.remove(0);
        rules.remove(0);
        assertThat(answer("PING")).isNull();
    }

    @Test
    void aHexPrefixMatchesBytesAndAHexPayloadAnswersInBytes() {
        rules.add(rule(ReplyRule.Match.HEX_PREFIX, "01 03", ReplyRule.Reply.PAYLOAD, PayloadFormat.HEX,
                "01 03 02 00 2a"));
        var answer = rules.answer(new byte[] {1, 3, 0, 0, 0, 10}, UTF_8).orElseThrow();
        assertThat(answer.bytes()).containsExactly(1, 3, 2, 0, 42);
        assertThat(rules.answer(new byte[] {1, 4}, UTF_8)).isEmpty();
    }

    @Test
    void whatCannotWorkIsRefusedWhenTheRuleIsMade() {
        assertThatThrownBy(() -> rule(ReplyRule.Match.REGEX, "(", ReplyRule.Reply.ECHO, PayloadFormat.TEXT, ""))
                .isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> rule(ReplyRule.Match.HEX_PREFIX, "0g", ReplyRule.Reply.ECHO, PayloadFormat.TEXT,
                "")).isInstanceOf(PayloadSyntaxException.class);
        assertThatThrownBy(() -> rule(ReplyRule.Match.ANY, "", ReplyRule.Reply.PAYLOAD, PayloadFormat.HEX, "zz"))
                .isInstanceOf(PayloadSyntaxException.class);
        assertThatThrownBy(() -> ReplyRules.Rule.of(ReplyRule.Match.ANY, "", ReplyRule.Reply.ECHO,
                PayloadFormat.TEXT, "", -1, UTF_8)).isInstanceOf(IllegalArgumentException.class);
    }
}
