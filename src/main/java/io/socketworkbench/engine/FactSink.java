package io.socketworkbench.engine;

/**
 * Hears every socket fact of an engine, in order, on the engine's thread, as it happens: it must return quickly
 * (writing a recording's line is fine, as writing --save is). A failing sink is reported and the engine goes on.
 */
@FunctionalInterface
public interface FactSink {
    void fact(Fact fact);
}
