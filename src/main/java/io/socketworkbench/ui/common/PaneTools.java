package io.socketworkbench.ui.common;

import io.socketworkbench.session.PaneSetup;

/**
 * A pane's tools as one: its message box (Send's format, ending and checksum, the repeat, the quick messages), its
 * transcript's view and charset, and its framing, read as a workspace keeps them and shown from one.
 */
public record PaneTools(InputBar input, TranscriptView transcript, FramingPicker framing) {
    /** What the tools are set to now. */
    public PaneSetup get() {
        return input.tools(transcript.mode(), transcript.charset().name(), framing.spec());
    }

    /** Sets every tool as {@code tools} says. */
    public void show(PaneSetup tools) {
        transcript.show(tools.view(), tools.charset());
        framing.show(tools.framing());
        input.show(tools);
    }
}
