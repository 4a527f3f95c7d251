package io.socketworkbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code socket-workbench server ...} and {@code socket-workbench client ...}. */
public final class Cli {
    private Cli() {
    }

    /** Runs with the process's own streams and returns the exit status. */
    public static int run(String[] args) {
        return run(args, Streams.system());
    }

    /** Runs with the given streams: 0 on success, 1 for a socket error, 2 for a usage error. */
    public static int run(String[] args, Streams io) {
        Root root = new Root();
        CommandLine cli = tree(root, io);
        // UTF-8, as the err stream itself and stdout: a PrintWriter over a stream would encode in the default charset,
        // which is ASCII where no locale is set, and turn Chinese explanations into question marks.
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, badArgs) -> {
            err.println(ex.getMessage());
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("Try '" + name + " --help' for more information.");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliFailure failure) {
                err.println(ex.getMessage());
                String explanation = root.explain ? failure.explanation() : "";
                if (!explanation.isEmpty()) {
                    err.println(explanation);
                }
                return 1;
            }
            err.println("OSError: " + ex);
            return 1;
        });
        return cli.execute(args);
    }

    /** The command tree: the root and its subcommands, as {@link #run} parses with it and the man page shows it. */
    static CommandLine tree(Root root, Streams io) {
        return new CommandLine(root)
                .addSubcommand(new CommandLine(new ServerCommand(io)))
                .addSubcommand(new CommandLine(new ClientCommand(io)))
                .addSubcommand(new CommandLine(new RelayCommand(io)))
                .addSubcommand(new CommandLine(new ExerciseCommand(io)))
                .addSubcommand(new CommandLine(new ExportCommand(io)));
    }

    @Command(name = "socket-workbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
            synopsisSubcommandLabel = "(server | client | relay | exercise | export)",
            description = {
                "Socket Workbench: learn, teach and debug sockets.",
                "With no arguments it opens the window; these commands run the same engine without one.", ""},
            footer = {"", "Run 'socket-workbench COMMAND --help' (server, client, relay, exercise, export) for details.",
                "Errors are printed the way Python's socket module words them, and exit with status 1.",
                "Usage errors exit with status 2."})
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--explain", scope = CommandLine.ScopeType.INHERIT,
                description = "After an error's line, print a second one: what it means and what to do, "
                        + "in the system's language (English or 简体中文).")
        boolean explain;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: server or client");
        }
    }

    /** The version from pom.xml, as the module descriptor carries it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"socket-workbench " + io.socketworkbench.engine.SocketEngine.version()};
        }
    }
}
