package io.socketworkbench.ui.i18n;

import java.util.Arrays;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Whether this system has a font that draws Chinese. JavaFX cannot be asked which characters a font covers, so
 * this draws two different characters in the window's font: with no font that has them, both come out as the same
 * missing-glyph box (or as nothing), pixel for pixel. Call it on the FX thread; it takes a few milliseconds.
 */
public final class ChineseFont {
    private ChineseFont() {
    }

    public static boolean available() {
        return drawnDifferently("中", "文");
    }

    /** True when {@code a} and {@code b} give different pictures in the default font. */
    static boolean drawnDifferently(String a, String b) {
        return !Arrays.equals(pixels(a), pixels(b));
    }

    private static int[] pixels(String characters) {
        Text text = new Text(characters);
        text.setFont(Font.font(Font.getDefault().getFamily(), 24));
        WritableImage image = text.snapshot(null, null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[2 + width * height];
        argb[0] = width;
        argb[1] = height;
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 2, width);
        return argb;
    }
}
