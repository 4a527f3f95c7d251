package io.socketworkbench.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box shows its values: each in the user's words, nothing typed back. */
public final class Shown {
    private Shown() {
    }

    /** Shows each value as {@code text} words it; null (no choice yet) as nothing. */
    public static <T> StringConverter<T> as(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }
}
