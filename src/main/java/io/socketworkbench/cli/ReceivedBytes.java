package io.socketworkbench.cli;

import io.socketworkbench.engine.SocketError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where received bytes go: stdout as they are, and every byte appended to the --save file. */
final class ReceivedBytes implements AutoCloseable {
    private final OutputStream stdout;
    private final OutputStream save;
    private boolean stdoutBroken;

    private ReceivedBytes(OutputStream stdout, OutputStream save) {
        this.stdout = stdout;
        this.save = save;
    }

    /** Opens the save file for appending; failure is reported as Python would report open(). */
    static ReceivedBytes open(OutputStream stdout, Path saveFile) throws CliFailure {
        if (saveFile == null) {
            return new ReceivedBytes(stdout, null);
        }
        try {
            return new ReceivedBytes(stdout, Files.newOutputStream(saveFile,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new CliFailure(SocketError.from(e).pythonText() + ": '" + saveFile + "'");
        }
    }

    /** Writes one chunk; a closed stdout (as with {@code | head}) stops the copy but not the capture. */
    synchronized void write(byte[] data) throws IOException {
        if (save != null) {
            save.write(data);
        }
        if (!stdoutBroken) {
            try {
                stdout.write(data);
                stdout.flush();
            } catch (IOException e) {
                stdoutBroken = true;
            }
        }
    }

    synchronized boolean stdoutBroken() {
        return stdoutBroken;
    }

    @Override
    public synchronized void close() throws IOException {
        stdout.flush();
        if (save != null) {
            save.close();
        }
    }
}
