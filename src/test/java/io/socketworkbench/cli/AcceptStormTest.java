package io.socketworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A storm of connects at the server's default settings drops no SYN. The kernel counts every dropped one
 * (TcpExtListenOverflows in /proc/net/netstat), so this needs no timing: the count must not move.
 */
class AcceptStormTest {

    /** The kernel's count of connections dropped because a listen queue was full. */
    static long listenOverflows() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                String[] names = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int k = 0; k < names.length; k++) {
                    if (names[k].equals("ListenOverflows")) {
                        return Long.parseLong(values[k]);
                    }
                }
            }
        }
        throw new AssertionError("no ListenOverflows counter in /proc/net/netstat");
    }

    @Test
    void aThousandConnectsInARowAtTheDefaultsDropNoSyn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/netstat")));
        CliRun.Running server = CliRun.start("server", "--port", "0");
        int port = server.port();
        List<Socket> clients = new ArrayList<>();
        long before = listenOverflows();
        try {
            for (int i = 0; i < 1_000; i++) {
                clients.add(new Socket("127.0.0.1", port));
            }
            assertThat(listenOverflows() - before).as("SYNs dropped because the listen queue was full").isZero();
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
