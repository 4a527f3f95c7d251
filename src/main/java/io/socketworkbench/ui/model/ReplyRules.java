package io.socketworkbench.ui.model;

import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.codec.Template;
import io.socketworkbench.codec.TextCodec;
import io.socketworkbench.session.ReplyRule;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The server's auto-reply rules, in order: each a match (text contains, a regular expression, a hex prefix, or
 * anything) and a reply (a payload in any input format, {@code {{counter}}} counting this rule's replies, or an
 * echo), optionally after a delay. The first rule that matches a received message answers it. A view model: no
 * JavaFX.
 */
public final class ReplyRules {

    /** One rule, checked when made: its pattern and payload parse, so matching and replying cannot fail later. */
    public record Rule(ReplyRule setup, Pattern regex, byte[] prefix) {

        /**
         * A rule from what the user typed.
         *
         * @throws PayloadSyntaxException when the hex prefix or the payload does not parse
         * @throws PatternSyntaxException when the regular expression does not
         * @throws IllegalArgumentException when the delay is not from 0 to 86400000 ms
         */
        public static Rule of(ReplyRule.Match match, String pattern, ReplyRule.Reply reply, PayloadFormat format,
                              String payload, long delayMillis, Charset charset) {
            return of(new ReplyRule(match, pattern, reply, format, payload, delayMillis), charset);
        }

        /** A rule from its setup (a workspace's), checked as {@link #of(ReplyRule.Match, String, ReplyRule.Reply,
         * PayloadFormat, String, long, Charset)} checks what was typed. */
        public static Rule of(ReplyRule setup, Charset charset) {
            if (setup.delayMillis() < 0 || setup.delayMillis() > ReplyRule.MAX_DELAY_MILLIS) {
                throw new IllegalArgumentException("delay");
            }
            Pattern regex = setup.match() == ReplyRule.Match.REGEX ? Pattern.compile(setup.pattern()) : null;
            byte[] prefix = setup.match() == ReplyRule.Match.HEX_PREFIX ? Hex.parse(setup.pattern()) : null;
            if (setup.reply() == ReplyRule.Reply.PAYLOAD) {
                setup.format().parse(Template.fill(setup.payload(), 1), charset);
            }
            return new Rule(setup, regex, prefix);
        }

        public ReplyRule.Match match() {
            return setup.match();
        }

        public String pattern() {
            return setup.pattern();
        }

        public ReplyRule.Reply reply() {
            return setup.reply();
        }

        public PayloadFormat format() {
            return setup.format();
        }

        public String payload() {
            return setup.payload();
        }

        public long delayMillis() {
            return setup.delayMillis();
        }

        boolean matches(byte[] data, Charset charset) {
            return switch (setup.match()) {
                case ANY -> true;
                case HEX_PREFIX -> startsWith(data, prefix);
                case CONTAINS -> TextCodec.decode(data, charset).text().contains(setup.pattern());
                case REGEX -> regex.matcher(TextCodec.decode(data, charset).text()).find();
            };
        }

        private static boolean startsWith(byte[] data, byte[] prefix) {
            if (data.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (data[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A rule's answer to one message: the bytes and when. */
    public record Answer(Rule rule, byte[] bytes) {}

    private final Value<List<Rule>> rules = new Value<>(List.of());
    private final java.util.Map<Rule, Long> counters = new java.util.IdentityHashMap<>();

    private Charset charset = java.nio.charset.StandardCharsets.UTF_8;

    /** The charset text rules match in and payloads are written in: the transcript's. */
    public Charset charset() {
        return charset;
    }

    public void charset(Charset value) {
        charset = value;
    }

    public Value<List<Rule>> rules() {
        return rules;
    }

    public void add(Rule rule) {
        List<Rule> next = new ArrayList<>(rules.get());
        next.add(rule);
        rules.set(List.copyOf(next));
    }

    /** The rules as data, in order: what a workspace keeps. */
    public List<ReplyRule> setups() {
        return rules.get().stream().map(Rule::setup).toList();
    }

    /**
     * The rules become {@code setups} (a workspace's), each checked as one typed is; one that does not parse in
     * this charset is left out and counted in the answer.
     */
    public int replaceAll(List<ReplyRule> setups) {
        List<Rule> next = new ArrayList<>();
        int refused = 0;
        for (ReplyRule setup : setups) {
            try {
                next.add(Rule.of(setup, charset));
            } catch (IllegalArgumentException e) { // PayloadSyntaxException and PatternSyntaxException are ones
                refused++;
            }
        }
        counters.clear();
        rules.set(List.copyOf(next));
        return refused;
    }

    public void remove(int index) {
        List<Rule> next = new ArrayList<>(rules.get());
        if (index >= 0 && index < next.size()) {
            counters.remove(next.remove(index));
            rules.set(List.copyOf(next));
        }
    }

    /** Moves the rule at {@code index} one place earlier ({@code -1}) or later ({@code +1}); order decides. */
    public int move(int index, int by) {
        List<Rule> next = new ArrayList<>(rules.get());
        int to = index + by;
        if (index < 0 || index >= next.size() || to < 0 || to >= next.size()) {
            return index;
        }
        next.add(to, next.remove(index));
        rules.set(List.copyOf(next));
        return to;
    }

    /** Counters start again (a new start of the server). */
    public void resetCounters() {
        counters.clear();
    }

    /** The first rule's answer to {@code message}, or empty when no rule matches. */
    public Optional<Answer> answer(byte[] message, Charset charset) {
        for (Rule rule : rules.get()) {
            if (rule.matches(message, charset)) {
                long n = counters.merge(rule, 1L, Long::sum);
                byte[] bytes = rule.reply() == ReplyRule.Reply.ECHO ? message
                        : rule.format().parse(Template.fill(rule.payload(), n), charset);
                return Optional.of(new Answer(rule, bytes));
            }
        }
        return Optional.empty();
    }
}
