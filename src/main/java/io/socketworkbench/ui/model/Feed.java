package io.socketworkbench.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Things a view model reports one after another (log lines, problems); a view shows them. UI thread only. */
public final class Feed<T> {
    private final List<Consumer<T>> observers = new ArrayList<>();

    public void publish(T item) {
        List.copyOf(observers).forEach(o -> o.accept(item));
    }

    public void observe(Consumer<T> observer) {
        observers.add(observer);
    }
}
