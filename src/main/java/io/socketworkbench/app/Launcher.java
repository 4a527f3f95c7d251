package io.socketworkbench.app;

import io.socketworkbench.cli.Cli;
import javafx.application.Application;

/**
 * The one entry point: no arguments opens the window, one workspace file ({@code NAME.swb.json}) opens the window
 * with it, anything else runs the command line.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(WorkbenchApp.class);
            return;
        }
        if (args.length == 1 && args[0].endsWith(".swb.json")) {
            Application.launch(WorkbenchApp.class, args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
