package io.socketworkbench.session;

import io.socketworkbench.codec.Hex;
import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.codec.Template;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An auto-reply rule as data, as the server pane shows it and a workspace keeps it: when (text contains, a regular
 * expression, a hex prefix, or anything) and what (a payload in an input format, {@code {{counter}}} counting this
 * rule's replies, or an echo), after a delay.
 */
public record ReplyRule(Match match, String pattern, Reply reply, PayloadFormat format, String payload,
                        long delayMillis) {

    public enum Match { CONTAINS, REGEX, HEX_PREFIX, ANY }

    public enum Reply { PAYLOAD, ECHO }

    /** The longest delay a rule waits: a day. */
    public static final long MAX_DELAY_MILLIS = 86_400_000L;

    public ReplyRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(reply, "reply");
        pattern = match == Match.ANY || pattern == null ? "" : pattern;
        format = format == null ? PayloadFormat.TEXT : format;
        payload = payload == null ? "" : payload;
    }

    /** What is wrong with a rule before it can be used. */
    public enum Flaw { DELAY, REGEX, HEX_PREFIX, PAYLOAD }

    /**
     * Checks that the rule can be used: the delay is from 0 to a day, the pattern and the payload parse, so that
     * matching and replying cannot fail later. Returns what is wrong, or null.
     */
    public Flaw flaw(Charset charset) {
        if (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS) {
            return Flaw.DELAY;
        }
        try {
            if (match == Match.REGEX) {
                Pattern.compile(pattern);
            }
        } catch (PatternSyntaxException e) {
            return Flaw.REGEX;
        }
        try {
            if (match == Match.HEX_PREFIX) {
                Hex.parse(pattern);
            }
        } catch (PayloadSyntaxException e) {
            return Flaw.HEX_PREFIX;
        }
        try {
            if (reply == Reply.PAYLOAD) {
                format.parse(Template.fill(payload, 1), charset);
            }
        } catch (PayloadSyntaxException e) {
            return Flaw.PAYLOAD;
        }
        return null;
    }
}
