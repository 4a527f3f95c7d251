package io.socketworkbench.cli;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.session.RecordingWriter;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --record FILE}, for server and client: every socket fact of the run, written as a recording. */
final class RecordOption {
    @Option(names = "--record", paramLabel = "FILE",
            description = "Write every socket fact of the session to FILE as it happens, one JSON object a line: "
                    + "listen, connect, accept, the bytes both ways (base64), FIN, reset, close, datagrams and "
                    + "errors, each with its time, connection and both addresses.")
    Path file;

    /** Starts recording {@code engine}'s facts; null without {@code --record}. Fails as Python's open() would. */
    RecordingWriter start(SocketEngine engine) throws CliFailure {
        if (file == null) {
            return null;
        }
        try {
            RecordingWriter writer = RecordingWriter.create(file, "socket-workbench " + SocketEngine.version());
            engine.recordTo(writer);
            // Ctrl+C ends a client or server at any moment: what the recording holds in its buffer is written then.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(writer), "record-flush"));
            return writer;
        } catch (IOException e) {
            throw new CliFailure(SocketError.from(e).pythonText() + ": '" + file + "'");
        }
    }

    /** Closes the recording, quietly: on the way out, nothing more can be done about it. */
    static void closeQuietly(RecordingWriter writer) {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException ignored) {
            // the run's result stands
        }
    }
}
