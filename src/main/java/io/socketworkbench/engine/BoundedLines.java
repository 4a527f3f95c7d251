package io.socketworkbench.engine;

import java.io.IOException;
import java.io.Reader;

/**
 * Text read line by line in pieces of 8 KiB, each line kept up to a limit: a line of any length (a student program's
 * 200 MB print, a hand-edited settings file's 50 MB value) costs no more memory than the limit.
 */
public final class BoundedLines {
    /** Hears each line, without its line break, and whether it was longer than the limit (then it is cut there). */
    @FunctionalInterface
    public interface Line {
        void accept(String text, boolean cut);
    }

    private BoundedLines() {
    }

    /**
     * Reads {@code in} to its end, or until {@code maxChars} have been read, handing on each line (the last one too,
     * when the text does not end with a line break).
     */
    public static void read(Reader in, int maxLine, long maxChars, Line each) throws IOException {
        char[] piece = new char[8192];
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        long read = 0;
        int n;
        while (read < maxChars && (n = in.read(piece)) != -1) {
            read += n;
            for (int i = 0; i < n; i++) {
                char c = piece[i];
                if (c == '\n') {
                    each.accept(line.toString(), cut);
                    line.setLength(0);
                    cut = false;
                } else if (line.length() < maxLine) {
                    line.append(c);
                } else {
                    cut = true;
                }
            }
        }
        if (line.length() > 0 || cut) {
            each.accept(line.toString(), cut);
        }
    }
}
