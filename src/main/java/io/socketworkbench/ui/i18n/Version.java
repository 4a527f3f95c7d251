package io.socketworkbench.ui.i18n;

/** The app's version, from the module descriptor that the build stamps. */
public final class Version {
    private Version() {
    }

    public static String text() {
        Module module = Version.class.getModule();
        return module.getDescriptor() != null && module.getDescriptor().rawVersion().isPresent()
                ? module.getDescriptor().rawVersion().get() : "dev";
    }
}
