package io.socketworkbench.cli;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.export.PcapngExport;
import io.socketworkbench.export.PytestExport;
import io.socketworkbench.lesson.ExportRecord;
import io.socketworkbench.lesson.PythonExportFiles;
import io.socketworkbench.session.ConfigFolder;
import io.socketworkbench.session.RecordingReader;
import io.socketworkbench.session.WholeFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export --to python|pytest|pcapng RECORDING [-o OUT]}: a recording ({@code --record}, File → Save
 * recording…) as runnable Python scripts, as a pytest file that plays the client side again and checks the
 * answers, or as a pcapng capture Wireshark opens. What was written is said on stderr.
 */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Turn a recording (--record FILE) into Python scripts, a pytest test or a Wireshark capture.", ""},
        footer = {"", "Examples:",
            "  socket-workbench server --port 37777 --echo --record session.jsonl",
            "  socket-workbench export --to pytest session.jsonl          (writes test_session.py)",
            "  python3 -m pytest -q test_session.py",
            "  socket-workbench export --to pcapng session.jsonl -o session.pcapng",
            "  tshark -r session.pcapng -q -z follow,tcp,ascii,0",
            "  socket-workbench export --to python session.jsonl -o scripts"})
final class ExportCommand implements Callable<Integer> {
    /** What a recording can become. */
    enum Format { PYTHON, PYTEST, PCAPNG }

    private final Streams io;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "python (server.py and client.py in the folder OUT), pytest (one test_*.py: each "
                    + "conversation's client side played again against the recorded server, or SWB_HOST and "
                    + "SWB_PORT, checking every byte that comes back), or pcapng (each connection as the TCP "
                    + "segments and each datagram as the UDP packet it would have been).")
    Format format;

    @Parameters(index = "0", paramLabel = "RECORDING", description = "A recording: --record's JSON Lines.")
    Path recording;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write: a folder for python "
            + "(default NAME-python), a file for pytest (test_NAME.py) and pcapng (NAME.pcapng), beside the "
            + "recording.")
    Path output;

    ExportCommand(Streams io) {
        this.io = io;
    }

    /** {@code --to}'s words: python, pytest, pcapng, in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not one of python, pytest, pcapng");
            }
        }
    }

    @Override
    public Integer call() throws CliFailure {
        String stem = stem(recording);
        try {
            switch (format) {
                case PCAPNG -> pcapng(output != null ? output : recording.resolveSibling(stem + ".pcapng"));
                case PYTEST -> pytest(output != null ? output
                        : recording.resolveSibling("test_" + identifier(stem) + ".py"));
                case PYTHON -> python(output != null ? output : recording.resolveSibling(stem + "-python"));
            }
        } catch (RecordingReader.BadRecording e) {
            throw new CliFailure("ValueError: " + recording + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CliFailure(SocketError.from(e).pythonText() + ": '" + recording + "'");
        }
        return 0;
    }

    private void pcapng(Path out) throws IOException, CliFailure {
        PcapngExport.Summary summary = WholeFile.write(out, temp -> {
            try (RecordingReader reader = RecordingReader.open(recording);
                 OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                return PcapngExport.write(reader, file, "socket-workbench " + SocketEngine.version());
            }
        }, written -> written.packets() > 0 || written.unixLeftOut() == 0);
        if (summary.packets() == 0 && summary.unixLeftOut() > 0) {
            throw new CliFailure("ValueError: " + recording + " holds only AF_UNIX sockets, which have no IP "
                    + "addresses or ports: there are no packets to rebuild");
        }
        io.err().println("Wrote " + out + ": " + summary.connections() + " TCP connection(s), "
                + summary.datagrams() + " datagram(s), " + summary.packets() + " packets"
                + (summary.tlsConnections() > 0 ? "; TLS connections as their plaintext" : "")
                + (summary.unixLeftOut() > 0 ? "; " + summary.unixLeftOut() + " AF_UNIX socket(s) left out" : ""));
    }

    private void pytest(Path out) throws IOException, CliFailure {
        PytestExport.Summary summary;
        try (RecordingReader reader = RecordingReader.open(recording)) {
            summary = PytestExport.of(reader, recording.getFileName().toString());
        }
        if (summary.tests() == 0) {
            throw new CliFailure("ValueError: " + recording + " holds no TCP or UDP conversation over IP to play "
                    + "again");
        }
        Files.writeString(out, summary.text(), StandardCharsets.UTF_8);
        io.err().println("Wrote " + out + ": " + summary.tests() + " test(s)"
                + (summary.leftOut() > 0 ? "; " + summary.leftOut() + " more conversation(s) left out" : "")
                + ". Run: python3 -m pytest -q " + out);
    }

    private void python(Path out) throws IOException, CliFailure {
        ExportRecord record = ExportRecord.fromFacts(RecordingReader.readAll(recording));
        if (record.server() == null && record.clients().isEmpty()) {
            throw new CliFailure("ValueError: " + recording + " holds no server and no client to write as Python");
        }
        Files.createDirectories(out);
        List<Path> written = PythonExportFiles.writeTo(out, record, ConfigFolder.tls());
        io.err().println("Wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
    }

    /** The recording's name without its ending ({@code session.jsonl} → {@code session}). */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A name pytest collects: letters, digits and underscores. */
    private static String identifier(String stem) {
        return stem.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
