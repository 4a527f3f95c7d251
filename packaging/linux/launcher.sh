#!/bin/sh
# Socket Workbench: with no arguments it opens the window; with a subcommand it runs the command line.
# exec, so that signals (Ctrl+C, SIGTERM) reach the Java process itself.
DIR=$(cd "$(dirname "$0")" && pwd)
exec "$DIR/java" @JVM_FLAGS@ $SOCKET_WORKBENCH_OPTS -m io.socketworkbench/io.socketworkbench.app.Launcher "$@"
