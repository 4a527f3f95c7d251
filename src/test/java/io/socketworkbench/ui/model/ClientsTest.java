package io.socketworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each client's counters, and its rate and peak once a second. */
class ClientsTest {

    @Test
    void eachClientHasItsOwnRateAndPeak() {
        Clients clients = new Clients();
        clients.add(1, "127.0.0.1:5000");
        clients.add(2, "127.0.0.1:5001");
        clients.countIn(1, 1000);
        clients.countOut(1, 500);
        clients.countIn(2, 10);
        clients.sample();
        assertThat(clients.get(1).rate()).isEqualTo(1500);
        assertThat(clients.get(2).rate()).isEqualTo(10);
        clients.countIn(1, 100);
        clients.sample();
        assertThat(clients.get(1).rate()).isEqualTo(100);
        assertThat(clients.get(1).peak()).isEqualTo(1500);
        assertThat(clients.get(2).rate()).isZero();
        assertThat(clients.get(2).peak()).isEqualTo(10);
    }
}
