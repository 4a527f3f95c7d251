package io.socketworkbench.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** A value a view model owns and a view shows: observers hear each change. UI thread only; no JavaFX. */
public final class Value<T> {
    private final List<Consumer<T>> observers = new ArrayList<>();
    private T value;

    public Value(T initial) {
        value = initial;
    }

    public T get() {
        return value;
    }

    public void set(T next) {
        if (!Objects.equals(value, next)) {
            value = next;
            List.copyOf(observers).forEach(o -> o.accept(next));
        }
    }

    /** Calls {@code observer} with the value now and with every change after. */
    public void observe(Consumer<T> observer) {
        observers.add(observer);
        observer.accept(value);
    }
}
