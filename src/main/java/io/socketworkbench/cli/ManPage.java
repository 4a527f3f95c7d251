package io.socketworkbench.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The manual page {@code socket-workbench(1)}, in troff, made from the command line's own model: every command,
 * option and example that {@code --help} shows, so that the two cannot drift apart. The {@code .deb} build runs
 * {@code java -m io.socketworkbench/io.socketworkbench.cli.ManPage > socket-workbench.1}.
 */
public final class ManPage {
    private final StringBuilder out = new StringBuilder();

    private ManPage() {
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stdout.print(render());
        stdout.flush();
    }

    /** The whole page. */
    public static String render() {
        CommandLine tree = Cli.tree(new Cli.Root(), Streams.system());
        return new ManPage().page(tree).out.toString();
    }

    private ManPage page(CommandLine tree) {
        CommandSpec root = tree.getCommandSpec();
        String version = String.join(" ", root.version());
        macro(".TH", "SOCKET-WORKBENCH", "1", "", version, "User Commands");
        // Options are never hyphenated, and lines are not stretched to the right margin.
        line(".nh");
        line(".ad l");
        macro(".SH", "NAME");
        text("socket-workbench - learn, teach and debug TCP, UDP and Unix sockets: a window, "
                + "and a command line on the same engine");
        macro(".SH", "SYNOPSIS");
        line(".B socket\\-workbench");
        for (CommandLine sub : tree.getSubcommands().values()) {
            synopsisLine(sub.getCommandSpec());
        }
        macro(".SH", "DESCRIPTION");
        paragraphs(root.usageMessage().description());
        text("The window follows the system's language (English or Simplified Chinese). The command line's help and "
                + "messages are in English; --explain adds a line in the system's language after an error.");
        macro(".SH", "OPTIONS");
        options(root);
        macro(".SH", "COMMANDS");
        for (CommandLine sub : tree.getSubcommands().values()) {
            command(sub.getCommandSpec());
        }
        macro(".SH", "EXIT STATUS");
        macro(".TP", "0");
        text("Success.");
        macro(".TP", "1");
        text("A socket error, printed the way Python's socket module words it "
                + "(for example ConnectionRefusedError: [Errno 111] Connection refused).");
        macro(".TP", "2");
        text("A usage error: an unknown option, or a value out of range such as port 70000.");
        macro(".SH", "SEE ALSO");
        text("nc(1), socat(1), python3(1), socket(7), tcp(7), udp(7), unix(7)");
        return this;
    }

    private void command(CommandSpec spec) {
        macro(".SS", spec.qualifiedName());
        synopsisLine(spec);
        paragraphs(spec.usageMessage().description());
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        for (PositionalParamSpec positional : positionals) {
            if (!positional.hidden()) {
                item(positional.paramLabel(), describe(positional));
            }
        }
        options(spec);
        footer(spec.usageMessage().footer());
    }

    private void options(CommandSpec spec) {
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            StringBuilder names = new StringBuilder(String.join(", ", option.names()));
            if (option.typeInfo().isBoolean() && option.arity().max() == 0) {
                item(names.toString(), describe(option));
            } else {
                item(names.append(' ').append(option.paramLabel()).toString(), describe(option));
            }
        }
    }

    /** The footer: examples (lines indented by two or more) as preformatted blocks, the rest as paragraphs. */
    private void footer(String[] footer) {
        List<String> block = new ArrayList<>();
        for (String raw : footer) {
            String lineText = raw.replace("%n", "");
            if (lineText.startsWith("  ")) {
                block.add(lineText.stripTrailing());
                continue;
            }
            flush(block);
            if (!lineText.isBlank()) {
                text(lineText);
            }
        }
        flush(block);
    }

    private void flush(List<String> block) {
        if (block.isEmpty()) {
            return;
        }
        line(".PP");
        line(".RS 4");
        line(".nf");
        for (String example : block) {
            line(escape(example.substring(2)));
        }
        line(".fi");
        line(".RE");
        block.clear();
    }

    private void paragraphs(String[] lines) {
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines) {
            String lineText = raw.replace("%n", "").strip();
            if (lineText.isEmpty()) {
                if (paragraph.length() > 0) {
                    text(paragraph.toString());
                    paragraph.setLength(0);
                }
                continue;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(lineText);
        }
        if (paragraph.length() > 0) {
            text(paragraph.toString());
        }
    }

    /** A command's synopsis as one filled paragraph that wraps with a hanging indent. */
    private void synopsisLine(CommandSpec spec) {
        line(".PP");
        line(".in +4n");
        line(".ti -4n");
        line(escape(synopsis(spec)));
        line(".in");
    }

    private static String synopsis(CommandSpec spec) {
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        // One line a command: the man viewer wraps it to the reader's width.
        return help.synopsis(0).replaceAll("\\s+", " ").strip();
    }

    /** The description as --help shows it: ${DEFAULT-VALUE} filled in, lines joined. */
    private static String describe(ArgSpec arg) {
        String defaultValue = arg.defaultValueString();
        List<String> parts = new ArrayList<>();
        for (String part : arg.description()) {
            parts.add(part.replace("${DEFAULT-VALUE}", defaultValue == null ? "" : defaultValue).replace("%n", " "));
        }
        return String.join(" ", parts).strip();
    }

    private void item(String tag, String description) {
        line(".TP");
        line("\\fB" + escape(tag) + "\\fR");
        text(description);
    }

    private void macro(String name, String... args) {
        StringBuilder macro = new StringBuilder(name);
        for (String arg : args) {
            macro.append(" \"").append(escape(arg).replace("\"", "\\(dq")).append('"');
        }
        line(macro.toString());
    }

    private void text(String paragraph) {
        if (out.length() > 0 && !lastLineIsMacro()) {
            line(".PP");
        }
        line(escape(paragraph));
    }

    private boolean lastLineIsMacro() {
        int end = out.length() - 1;
        int start = out.lastIndexOf("\n", end - 1) + 1;
        String last = out.substring(start, end);
        return last.startsWith(".SH") || last.startsWith(".SS") || last.startsWith(".TP") || last.equals(".ad l")
                || last.startsWith("\\fB");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /**
     * troff's special characters: a backslash is {@code \e}, a hyphen in a name or option is {@code \-} (so that
     * it can be searched and copied), and a line may not start with a period or an apostrophe.
     */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        if (escaped.startsWith(".") || escaped.startsWith("'")) {
            escaped = "\\&" + escaped;
        }
        return escaped;
    }
}
