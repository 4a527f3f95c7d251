package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --save that cannot open or cannot write says why, as Python's open() and write() would. */
class SaveFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aSaveFileInAMissingFolderIsFileNotFoundWithItsName() {
        Path missing = dir.resolve("no-such-folder").resolve("r.bin");
        CliRun run = CliRun.run("server", "--port", "0", "--save", missing.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip())
                .isEqualTo("FileNotFoundError: [Errno 2] No such file or directory: '" + missing + "'");
    }

    @Test
    void aSaveIntoAFolderIsIsADirectoryNotAJavaMessage() {
        CliRun run = CliRun.run("server", "--port", "0", "--save", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr().strip()).startsWith("OSError: ").endsWith(": '" + dir + "'")
                .doesNotContain("java.");
    }

    @Test
    void aFullDiskEndsTheServerWithErrno28() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")));
        CliRun.Running server = CliRun.start("server", "--port", "0", "--save", "/dev/full");
        int port = server.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("these bytes have nowhere to go".getBytes(UTF_8));
            CliRun run = server.done().get(10, TimeUnit.SECONDS);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.stderr()).contains("OSError: [Errno 28] No space left on device");
        }
    }

    @Test
    void aClientWhoseSaveFailsSaysSoAndExitsOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")));
        CliRun.Running server = CliRun.start("server", "--port", "0", "--greet", "hello", "--close-after-greet");
        int port = server.port();
        CliRun client = CliRun.run("client", "127.0.0.1", String.valueOf(port), "--save", "/dev/full");
        assertThat(client.exit()).isEqualTo(1);
        assertThat(client.stderr()).contains("OSError: [Errno 28] No space left on device");
    }
}
