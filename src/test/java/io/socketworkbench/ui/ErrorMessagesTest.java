package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.ui.i18n.I18n;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every error a user can meet reads in their language first, with Python's words beside it. */
class ErrorMessagesTest {
    @AfterEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyErrorReadsInChineseWithPythonsWordingBesideIt() {
        for (ErrorKind kind : ErrorKind.values()) {
            SocketError error = kind == ErrorKind.OTHER ? new SocketError(kind, "Input/output error")
                    : SocketError.of(kind);
            I18n.use(Locale.ENGLISH);
            String english = I18n.error(error);
            I18n.use(I18n.CHINESE);
            String chinese = I18n.error(error);
            String own = chinese.substring(0, chinese.indexOf(" — "));
            assertThat(own).as(kind.name()).isNotBlank().matches(".*[\\u4e00-\\u9fff].*");
            assertThat(chinese).as(kind.name()).endsWith(" — " + error.pythonText());
            assertThat(own).as(kind.name() + " differs from English").isNotEqualTo(english.substring(0, english.indexOf(" — ")));
        }
    }
}
