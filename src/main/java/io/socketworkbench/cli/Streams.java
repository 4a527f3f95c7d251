package io.socketworkbench.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line's standard streams: raw bytes go to {@code out}, messages to {@code err}. */
public record Streams(InputStream in, OutputStream out, PrintStream err) {

    /** The process's own streams; stdout is unbuffered so received bytes appear as they arrive. */
    public static Streams system() {
        return new Streams(System.in, new FileOutputStream(FileDescriptor.out),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }
}
