package io.socketworkbench.ui.i18n;

import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.engine.SocketError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/** The UI's words in English and 简体中文, from the bundles beside this class. */
public final class I18n {
    public static final Locale CHINESE = io.socketworkbench.lesson.Texts.CHINESE;

    private static volatile Locale current = systemLocale();
    private static volatile ResourceBundle bundle = load(current);

    private I18n() {
    }

    /** The OS's choice: see {@link io.socketworkbench.lesson.Texts#systemLocale()}. */
    public static Locale systemLocale() {
        return io.socketworkbench.lesson.Texts.systemLocale();
    }

    /** Chinese for any zh locale, English otherwise. */
    public static Locale supported(Locale requested) {
        return io.socketworkbench.lesson.Texts.supported(requested);
    }

    public static void use(Locale locale) {
        current = supported(locale);
        bundle = load(current);
        io.socketworkbench.lesson.Texts.use(current);
    }

    public static Locale locale() {
        return current;
    }

    /**
     * Reads the bundles directly: ResourceBundle.getBundle would fall back to the OS locale before the base
     * bundle, so English chosen on a Chinese desktop would still come up in Chinese.
     */
    static ResourceBundle load(Locale locale) {
        ResourceBundle english = read("messages.properties", null);
        return supported(locale).equals(CHINESE) ? read("messages_zh_CN.properties", english) : english;
    }

    private static ResourceBundle read(String file, ResourceBundle parent) {
        try (InputStream in = I18n.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing bundle " + file);
            }
            return new Bundle(new InputStreamReader(in, StandardCharsets.UTF_8), parent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Bundle extends PropertyResourceBundle {
        Bundle(Reader reader, ResourceBundle parent) throws IOException {
            super(reader);
            setParent(parent);
        }
    }

    /** The text for a key, with {@link MessageFormat} arguments; a missing key fails loudly in tests. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for key '" + key + "'", e);
        }
        if (args.length == 0) {
            return pattern.replace("''", "'");
        }
        // Parsing a pattern costs more than formatting it; a storm of ten thousand accepts formats a few keys
        // ten thousand times. MessageFormat is not thread-safe, so each use holds it.
        Locale locale = locale();
        MessageFormat format = formats.computeIfAbsent(locale + "\u0000" + pattern,
                k -> new MessageFormat(pattern, locale));
        synchronized (format) {
            return format.format(args);
        }
    }

    /**
     * The English text for a key whatever the language: for what must be read where the chosen language cannot be
     * shown (no font with Chinese characters). Texts with arguments are not needed there.
     */
    public static String english(String key) {
        return read("messages.properties", null).getString(key).replace("''", "'");
    }

    /** Parsed patterns, by locale and pattern. */
    private static final java.util.Map<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    /** An error in the user's words with Python's alongside: {@code 连接被拒绝 — ConnectionRefusedError: ...}. */
    public static String error(SocketError error) {
        return t("error." + error.kind().key()) + " — " + error.pythonText();
    }

    /**
     * An error as {@link #error} words it, then on a second line what it means and what to do (see
     * {@link io.socketworkbench.lesson.Explanations}); {@code where} is the address bound or connected to, or null.
     */
    public static String explained(SocketError error, io.socketworkbench.engine.Address where, boolean udp) {
        String explanation = io.socketworkbench.lesson.Explanations.explain(error, where, udp);
        return explanation.isEmpty() ? error(error) : error(error) + "\n" + explanation;
    }

    /** A typing mistake in the user's words, with its 1-based position. */
    public static String syntax(PayloadSyntaxException e) {
        return t("syntax." + e.problem().name(), e.offending(), e.position() + 1);
    }
}
