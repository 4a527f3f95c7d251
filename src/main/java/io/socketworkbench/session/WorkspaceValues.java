package io.socketworkbench.session;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.socketworkbench.codec.Framing;
import io.socketworkbench.codec.TextCodec;
import io.socketworkbench.session.WorkspaceFile.BadWorkspace;
import io.socketworkbench.session.WorkspaceFile.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A workspace file's values, each read as the type it must be or refused with what was found there. */
final class WorkspaceValues {
    private WorkspaceValues() {
    }

    static String charset(JsonReader in) throws IOException {
        String name = string(in);
        if (TextCodec.charset(name).isEmpty()) {
            throw new BadWorkspace(in, Problem.NOT_A_CHARSET, "\"" + name + "\" is not a character set this "
                    + "system knows", name);
        }
        return name;
    }

    static String framing(JsonReader in) throws IOException {
        String spec = string(in);
        try {
            Framing.parse(spec);
            return spec;
        } catch (IllegalArgumentException e) {
            throw new BadWorkspace(in, Problem.NOT_A_FRAMING, "\"" + spec + "\" is not a framing (line, "
                    + "delim:HEX, length:1|2|4, idle:MS)", spec);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    static long number(JsonReader in, long min, long max) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new BadWorkspace(in, Problem.NUMBER_EXPECTED, "a number was expected, not " + describe(in),
                    kind(in));
        }
        long value;
        try {
            value = in.nextLong();
        } catch (NumberFormatException e) {
            throw new BadWorkspace(in, Problem.WHOLE_NUMBER_EXPECTED, "a whole number was expected");
        }
        if (value < min || value > max) {
            throw new BadWorkspace(in, Problem.OUT_OF_RANGE, value + " is not from " + min + " to " + max,
                    String.valueOf(value), String.valueOf(min), String.valueOf(max));
        }
        return value;
    }


    static String string(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.STRING) {
            throw new BadWorkspace(in, Problem.STRING_EXPECTED, "a string was expected, not " + describe(in),
                    kind(in));
        }
        return in.nextString();
    }

    static Path path(JsonReader in) throws IOException {
        String text = string(in);
        try {
            return text.isBlank() ? null : Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadWorkspace(in, Problem.NOT_A_FILE_NAME, "\"" + text + "\" is not a file name", text);
        }
    }

    static boolean bool(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.BOOLEAN) {
            throw new BadWorkspace(in, Problem.BOOLEAN_EXPECTED, "true or false was expected, not " + describe(in),
                    kind(in));
        }
        return in.nextBoolean();
    }

    static int integer(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            throw new BadWorkspace(in, Problem.NUMBER_EXPECTED, "a number was expected, not " + describe(in),
                    kind(in));
        }
        try {
            return in.nextInt();
        } catch (NumberFormatException e) {
            throw new BadWorkspace(in, Problem.WHOLE_NUMBER_EXPECTED, "a whole number was expected");
        }
    }

    static int port(JsonReader in) throws IOException {
        int port = integer(in);
        if (port < 0 || port > 65_535) {
            throw new BadWorkspace(in, Problem.NOT_A_PORT, port + " is not a port (0 to 65535)",
                    String.valueOf(port));
        }
        return port;
    }

    static List<String> strings(JsonReader in) throws IOException {
        List<String> values = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            values.add(string(in));
        }
        in.endArray();
        return values;
    }

    static <E extends Enum<E>> E enumValue(JsonReader in, Class<E> type) throws IOException {
        String text = string(in);
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name().toLowerCase(Locale.ROOT));
            }
            throw new BadWorkspace(in, Problem.NOT_A_CHOICE, "\"" + text + "\" is none of " + String.join(", ", names),
                    text, String.join(", ", names));
        }
    }

    /** What the reader is at, as a word the window words: string, number, boolean, null, list, object. */
    private static String kind(JsonReader in) throws IOException {
        return switch (in.peek()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case BEGIN_ARRAY -> "list";
            case BEGIN_OBJECT -> "object";
            default -> "other";
        };
    }

    private static String describe(JsonReader in) throws IOException {
        return switch (in.peek()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case BEGIN_ARRAY -> "a list";
            case BEGIN_OBJECT -> "an object";
            default -> in.peek().name().toLowerCase(Locale.ROOT);
        };
    }
}
