package io.socketworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JavaFX's INFO notes about list layout stay off the terminal; its warnings do not. */
class ControlsLogTest {

    @Test
    void theControlsLogKeepsWarningsOnly() {
        System.Logger controls = System.getLogger("javafx.scene.control");
        WorkbenchApp.quietControlsLog();
        assertThat(controls.isLoggable(System.Logger.Level.INFO)).isFalse();
        assertThat(controls.isLoggable(System.Logger.Level.WARNING)).isTrue();
    }
}
