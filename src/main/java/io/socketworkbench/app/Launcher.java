package io.socketworkbench.app;

import io.socketworkbench.cli.Cli;
import javafx.application.Application;

/** The one entry point: no arguments opens the window, anything else runs the command line. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(WorkbenchApp.class);
            return;
        }
        System.exit(Cli.run(args));
    }
}
