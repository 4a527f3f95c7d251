package io.socketworkbench.session;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A workspace as a file ({@code NAME.swb.json}), written and read through Gson's streaming reader and writer: a
 * {@code "format"} and a {@code "version"} first, then the server, the client tabs and the relay. A file that is
 * broken, not a workspace, or of a newer version is refused with what is wrong and where ({@link BadWorkspace}:
 * the line and the field); fields it does not know are skipped.
 */
public final class WorkspaceFile {
    public static final String FORMAT = "socket-workbench-workspace";

    private WorkspaceFile() {
    }

    /** What can be wrong with a workspace file; the window words each in the user's language. */
    public enum Problem {
        NOT_A_WORKSPACE, NEWER, MISSING, PROTOCOL, NOT_JSON, UNEXPECTED, STRING_EXPECTED, BOOLEAN_EXPECTED,
        NUMBER_EXPECTED, WHOLE_NUMBER_EXPECTED, NOT_A_PORT, NOT_A_FILE_NAME, NOT_A_CHOICE, OUT_OF_RANGE, NOT_A_CHARSET,
        NOT_A_FRAMING, BAD_RULE, TOO_BIG;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What is wrong with a workspace file, and where: its message is {@code line 7, clients[0].port: ...} in
     * English; {@link #line()}, {@link #field()}, {@link #problem()} and {@link #details()} let a window say it in
     * another language.
     */
    public static final class BadWorkspace extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String field;
        private final Problem problem;
        private final transient List<String> details;

        BadWorkspace(JsonReader at, Problem problem, String english, String... details) {
            this(lineOf(at), fieldOf(at), problem, english, details);
        }

        private BadWorkspace(int line, String field, Problem problem, String english, String... details) {
            super(where(line, field) + english);
            this.line = line;
            this.field = field;
            this.problem = problem;
            this.details = List.of(details);
        }

        /** The line (from 1), or -1 when it is not known. */
        public int line() {
            return line;
        }

        /** The field's path ({@code clients[0].port}), or empty at the top. */
        public String field() {
            return field;
        }

        public Problem problem() {
            return problem;
        }

        /** What the problem names: the value found, the version, the field missing, ... */
        public List<String> details() {
            return details;
        }

        /** {@code line N, FIELD: } (either left out where it is not known). */
        private static String where(int line, String field) {
            return (line < 1 ? "" : "line " + line + ", ") + (field.isEmpty() ? "" : field + ": ");
        }

        /** The reader's line, from its own account of where it is, or -1. */
        private static int lineOf(JsonReader reader) {
            String location = reader.toString(); // "JsonReader at line 3 column 15 path $.clients[0].port"
            String line = location.replaceFirst(".* at line (\\d+) .*", "$1");
            return line.equals(location) ? -1 : Integer.parseInt(line);
        }

        /** The field's path, {@code clients[0].port}, or empty at the top. */
        private static String fieldOf(JsonReader reader) {
            return reader.getPath().replaceFirst("^\\$\\.?", "");
        }
    }

    /** Writes {@code workspace} to {@code file} whole (a temporary file beside it, then moved). */
    public static void write(Path file, Workspace workspace) throws IOException {
        WholeFile.write(file, temp -> {
            try (Writer text = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 JsonWriter out = new JsonWriter(text)) {
                WorkspaceWriter.json(out, workspace);
            }
            return file;
        });
    }

    /** A workspace is a few kilobytes: a file past this is something else, and is not read on the UI thread. */
    public static final long MAX_BYTES = 16L << 20;

    /** Reads {@code file}; nothing of the window changes when this throws. */
    public static Workspace read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new BadWorkspace(-1, "", Problem.TOO_BIG, "at " + (size >> 20) + " MiB it is too big to be a "
                    + "workspace (at most " + (MAX_BYTES >> 20) + " MiB)", String.valueOf(size >> 20),
                    String.valueOf(MAX_BYTES >> 20));
        }
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonReader in = new JsonReader(text)) {
            return WorkspaceReader.workspace(in);
        }
    }

    /** Reads a workspace from {@code text}. */
    public static Workspace read(Reader text) throws IOException {
        return WorkspaceReader.workspace(new JsonReader(text));
    }
}
