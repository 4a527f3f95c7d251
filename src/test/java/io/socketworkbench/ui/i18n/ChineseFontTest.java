package io.socketworkbench.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The check behind the Chinese window's "no Chinese font" notice. The build machine has a Chinese font
 * (packaging/setup.sh installs one), so Chinese characters are drawn apart; characters no font has (unassigned
 * code points) come out the same, as Chinese would on a system without such a font.
 */
class ChineseFontTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void chineseIsDrawnWhereAFontHasIt() throws Exception {
        assertThat(WaitForAsyncUtils.asyncFx(ChineseFont::available).get()).isTrue();
    }

    @Test
    void charactersNoFontHasAllLookTheSame() throws Exception {
        // U+0378 and U+0379 are unassigned: every font draws its missing-glyph box (or nothing) for both.
        assertThat(WaitForAsyncUtils.asyncFx(() -> ChineseFont.drawnDifferently("\u0378", "\u0379")).get()).isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ChineseFont.drawnDifferently("A", "B")).get()).isTrue();
    }
}
