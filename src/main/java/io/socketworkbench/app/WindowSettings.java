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
        // A host name is at most 253 characters (255 with an IPv6 address's brackets and zone); a port, 0-65535.
        window.client().session().form().host().set(settings.text("client.host", "127.0.0.1", 255));
        window.client().session().form().port().set(port(settings, "client.port"));
        window.server().session().form().port().set(port(settings, "server.port"));
        window.server().limits(limits(settings));
    }

    /** The server's limits: clients at once, the busy text (with escapes), the idle and stall timeouts. */
    private static io.socketworkbench.session.ServerLimits limits(Settings settings) {
        int max = (int) settings.number("serverLimits.maxClients", 0, 0, 1_000_000);
        String busy = settings.text("serverLimits.busy", "", 1024);
        byte[] text;
        try {
            text = io.socketworkbench.codec.Escapes.parse(busy, java.nio.charset.StandardCharsets.UTF_8);
        } catch (io.socketworkbench.codec.PayloadSyntaxException e) {
            text = new byte[0];
        }
        return new io.socketworkbench.session.ServerLimits(max, text, seconds(settings, "serverLimits.idleTimeout"),
                seconds(settings, "serverLimits.stallTimeout"));
    }

    private static Integer seconds(Settings settings, String key) {
        double value = settings.number(key, 0, 0, 86_400);
        return value < 1 ? null : (int) value;
    }

    private static String port(Settings settings, String key) {
        return String.valueOf((int) settings.number(key, 37777, 0, 65535));
    }

    /** After the window has its size, so that projector mode lays out for it. */
    static void restoreLayout(Settings settings, MainWindow window) {
        window.split().setDividerPositions(settings.number("split", 0.5, 0.05, 0.95));
        window.restore(new MainWindow.ZoomState(zoom(settings, "zoom", 1.0), zoom(settings, "projector.zoom", 2.0),
                Boolean.parseBoolean(settings.get("projector", "false"))));
    }

    private static double zoom(Settings settings, String key, double fallback) {
        return settings.number(key, fallback, MainWindow.MIN_ZOOM, MainWindow.MAX_ZOOM);
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
        io.socketworkbench.session.ServerLimits limits = window.server().limits();
        settings.put("serverLimits.maxClients", limits.maxClients());
        settings.put("serverLimits.busy", io.socketworkbench.codec.Escapes.format(limits.busy(),
                java.nio.charset.StandardCharsets.UTF_8));
        settings.put("serverLimits.idleTimeout", limits.idleSeconds() == null ? 0 : limits.idleSeconds());
        settings.put("serverLimits.stallTimeout", limits.stallSeconds() == null ? 0 : limits.stallSeconds());
    }
}
