#!/bin/sh
# Socket Workbench: with no arguments it opens the window; with a subcommand it runs the command line.
# The same script is the jlink image's bin/socket-workbench (java beside it) and, on Linux, the app image's
# bin/socket-workbench (the runtime in lib/runtime, the class cache in lib/app). It replaces jpackage's
# native launcher, which asks rpm and dpkg which package owns it before it starts Java: about a second.
# exec, so that signals (Ctrl+C, SIGTERM) reach the Java process itself.
# The .deb links /usr/bin/socket-workbench here: follow the link to find the runtime beside the real script.
SELF=$(readlink -f "$0" 2>/dev/null || echo "$0")
DIR=$(cd "$(dirname "$SELF")" && pwd)
MAIN=io.socketworkbench/io.socketworkbench.app.Launcher
# With no locale at all (a container, cron, a bare chroot), Java reads arguments and file names as ASCII: Chinese
# text would arrive as U+FFFD. Such a process gets C.UTF-8's character set, and nothing else of a locale.
if [ -z "${LC_ALL}${LC_CTYPE}${LANG}" ]; then
  LC_CTYPE=C.UTF-8
  export LC_CTYPE
fi
# CDS names the class cache to map; without one the JVM maps its default archive anyway, and this harmless property
# keeps the argument list the same shape (an AOT training run rejects any -Xshare option).
CDS=-Dsocketworkbench.cache=none
if [ -x "$DIR/java" ]; then
  JAVA="$DIR/java" LIB="$DIR/../lib" CACHE="$DIR/../lib"
else
  JAVA="$DIR/../lib/runtime/bin/java" LIB="$DIR/../lib/runtime/lib" CACHE="$DIR/../lib/app"
fi
# The window's class cache, trained by the build on a real start: an AOT cache (JDK 25), else an AppCDS archive.
# Only the window maps it: the command line uses few of its classes, and mapping it made a client 30-50 ms slower
# and 16-18 MB bigger.
if [ $# -eq 0 ]; then
  if [ -f "$CACHE/socket-workbench.aot" ]; then
    CDS="-XX:AOTCache=$CACHE/socket-workbench.aot"
  elif [ -f "$CACHE/socket-workbench.jsa" ]; then
    CDS="-XX:SharedArchiveFile=$CACHE/socket-workbench.jsa"
  fi
fi
if [ $# -eq 0 ] && [ -n "$DISPLAY$WAYLAND_DISPLAY" ] && [ -f "$LIB/splash.png" ]; then
  # The window: the splash is on screen within a tenth of a second, while the JVM and JavaFX start;
  # the app closes it on its first frame. The command line never shows it.
  exec "$JAVA" "-splash:$LIB/splash.png" -Dsocketworkbench.splash=true "$CDS" @JVM_FLAGS@ $SOCKET_WORKBENCH_OPTS -m "$MAIN"
fi
exec "$JAVA" "$CDS" @JVM_FLAGS@ $SOCKET_WORKBENCH_OPTS -m "$MAIN" "$@"
