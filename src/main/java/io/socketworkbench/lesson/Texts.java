package io.socketworkbench.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;

/**
 * The teaching texts below the window, in English and 简体中文: error explanations and the exercises. The command
 * line uses them as they are; the window's own words (ui/i18n) choose the same language through {@link #use}.
 */
public final class Texts {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final Properties ENGLISH = read("texts.properties");
    private static final Properties CHINESE_TEXTS = read("texts_zh_CN.properties");
    private static volatile Locale current = systemLocale();

    private Texts() {
    }

    /**
     * The OS's choice. Java falls back to English when the C library lacks the locale that LANG names, so the
     * POSIX variables are read as well, in their order of precedence.
     */
    public static Locale systemLocale() {
        Locale java = Locale.getDefault();
        if ("zh".equals(java.getLanguage())) {
            return CHINESE;
        }
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.startsWith("zh") ? CHINESE : supported(java);
            }
        }
        return supported(java);
    }

    /** Chinese for any zh locale, English otherwise. */
    public static Locale supported(Locale requested) {
        return "zh".equals(requested.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }

    public static void use(Locale locale) {
        current = supported(locale);
    }

    public static Locale locale() {
        return current;
    }

    public static boolean chinese() {
        return CHINESE.equals(current);
    }

    /** The text for {@code key} with {@link MessageFormat} arguments; a missing key fails loudly. */
    public static String t(String key, Object... args) {
        String pattern = chinese() ? CHINESE_TEXTS.getProperty(key) : null;
        if (pattern == null) {
            pattern = ENGLISH.getProperty(key);
        }
        if (pattern == null) {
            throw new MissingResourceException("no text for key '" + key + "'", Texts.class.getName(), key);
        }
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, current).format(args);
    }

    /** True when {@code key} has a text. */
    public static boolean has(String key) {
        return ENGLISH.getProperty(key) != null;
    }

    /** The keys of one language's file, for the consistency test. */
    static java.util.Set<String> keys(boolean chinese) {
        return (chinese ? CHINESE_TEXTS : ENGLISH).stringPropertyNames();
    }

    private static Properties read(String file) {
        Properties texts = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing texts " + file);
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
