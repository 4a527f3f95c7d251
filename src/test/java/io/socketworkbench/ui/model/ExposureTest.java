package io.socketworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposureTest {
    @Test
    void everyBindAddressBeyondLoopbackWarns() {
        for (String exposed : new String[] {"0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.5", "fd00::2", "myhost"}) {
            assertThat(Exposure.exposes(exposed)).as(exposed).isTrue();
        }
        for (String local : new String[] {"127.0.0.1", "127.1.2.3", " localhost ", "::1", "[::1]", ""}) {
            assertThat(Exposure.exposes(local)).as(local).isFalse();
        }
    }
}
