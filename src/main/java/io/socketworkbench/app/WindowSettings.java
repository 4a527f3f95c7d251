package io.socketworkbench.app;

import io.socketworkbench.ui.MainWindow;

/**
 * What the window keeps between runs: the forms' hosts and ports (from the view models), the split, the zoom of
 * each mode and whether projector mode was on. Read once the window has its size, written when it closes.
 */
final class WindowSettings {
    private WindowSettings() {
    }

    /** The forms first: they need no layout. */
    static void restoreForms(Settings settings, MainWindow window) {
        window.client().session().form().host().set(settings.get("client.host", "127.0.0.1"));
        window.client().session().form().port().set(settings.get("client.port", "37777"));
        window.server().session().form().port().set(settings.get("server.port", "37777"));
    }

    /** After the window has its size, so that projector mode lays out for it. */
    static void restoreLayout(Settings settings, MainWindow window) {
        window.split().setDividerPositions(settings.number("split", 0.5));
        window.restore(new MainWindow.ZoomState(settings.number("zoom", 1.0), settings.number("projector.zoom", 2.0),
                Boolean.parseBoolean(settings.get("projector", "false"))));
    }

    /** The client remembered is the one in front: the last one the user worked with. */
    static void keep(MainWindow window, Settings settings) {
        settings.put("dark", window.darkItem().isSelected());
        settings.put("split", window.split().getDividerPositions()[0]);
        MainWindow.ZoomState zoom = window.zoomState();
        settings.put("zoom", zoom.normal());
        settings.put("projector.zoom", zoom.projector());
        settings.put("projector", zoom.projectorOn());
        settings.put("client.host", window.frontClient().session().form().host().get());
        settings.put("client.port", window.frontClient().session().form().port().get());
        settings.put("server.port", window.server().session().form().port().get());
    }
}
