package io.socketworkbench.lesson;

import io.socketworkbench.session.ServerTlsChoice;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.TlsFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python export as files: {@link PythonExport}'s scripts written into a folder, with the files TLS needs beside
 * them so that they run (a server's certificate and key, each CA file a client trusted).
 */
public final class PythonExportFiles {
    private PythonExportFiles() {
    }

    /** The certificate and key of this machine's self-signed certificate, written beside a TLS server's script. */
    public static final String CERTIFICATE_FILE = "localhost-cert.pem";
    public static final String KEY_FILE = "localhost-key.pem";

    /**
     * The certificate and key files a TLS server loads: this machine's self-signed ones (in {@code tlsFolder}), or
     * those the user gave (the certificate file twice when it holds the key too); for a PKCS#12 file, which Python
     * cannot load, the PEM files the export writes from it ({@code NAME-cert.pem}, {@code NAME-key.pem}, beside it).
     */
    static Path[] serverFiles(ServerTlsChoice tls,
                                            Path tlsFolder) {
        if (tls.selfSigned()) {
            return new Path[] {tlsFolder.resolve(CERTIFICATE_FILE), tlsFolder.resolve(KEY_FILE)};
        }
        if (pkcs12(tls)) {
            Path p12 = tls.certificate().toAbsolutePath();
            String stem = p12.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            return new Path[] {p12.resolveSibling(stem + "-cert.pem"),
                p12.resolveSibling(stem + "-key.pem")};
        }
        return new Path[] {tls.certificate(), tls.key() == null ? tls.certificate() : tls.key()};
    }

    private static boolean pkcs12(ServerTlsChoice tls) {
        return !tls.selfSigned() && tls.key() == null && Certificates.isPkcs12(tls.certificate());
    }

    /**
     * Writes server.py and client.py (those {@code record} has) into {@code dir}, and beside them the files TLS
     * needs so that they run: a TLS server's certificate and key (this machine's self-signed one, from
     * {@code tlsFolder}), and each CA file a client trusted. Returns the files written.
     */
    public static List<Path> writeTo(Path dir, ExportRecord record,
                                                             Path tlsFolder) throws IOException {
        List<Path> written = new ArrayList<>();
        String serverScript = PythonExport.server(record);
        String clientScript = PythonExport.client(record);
        if (serverScript != null) {
            written.add(Files.writeString(dir.resolve(PythonExport.SERVER_FILE), serverScript));
            if (record.server().tls() != null && !record.server().udp() && pkcs12(record.server().tls())) {
                writePemFrom(record.server().tls(), dir, written);
            } else if (record.server().tls() != null && !record.server().udp()) {
                for (Path file : serverFiles(record.server().tls(), tlsFolder)) {
                    Path to = dir.resolve(file.getFileName().toString());
                    if (!written.contains(to)) {
                        written.add(copy(file, to));
                    }
                }
            }
        }
        if (clientScript != null) {
            written.add(Files.writeString(dir.resolve(PythonExport.CLIENT_FILE), clientScript));
            for (ExportRecord.Conversation client : record.clients()) {
                Path ca = client.setup().tls() == null ? null : client.setup().tls().caFile();
                if (ca != null && !written.contains(dir.resolve(caName(ca)))) {
                    written.add(copy(ca, dir.resolve(caName(ca))));
                }
            }
        }
        return written;
    }

    /** A PKCS#12 server certificate, written beside the scripts as the PEM files Python loads. */
    private static void writePemFrom(ServerTlsChoice tls, Path dir,
                                     List<Path> written) throws IOException {
        Path[] names = serverFiles(tls, dir);
        Path certificate = dir.resolve(names[0].getFileName().toString());
        Path key = dir.resolve(names[1].getFileName().toString());
        try {
            Certificates.writePem(Certificates.read(tls.certificate(),
                    null, tls.password()), certificate, key);
        } catch (TlsFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        written.add(certificate);
        written.add(key);
    }

    private static Path copy(Path from, Path to) throws IOException {
        if (!from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    /** The name a client's CA file has beside the scripts: its own, unless it would be taken for a script. */
    static String caName(Path ca) {
        String name = ca.getFileName().toString();
        return name.endsWith(".py") || name.equals(KEY_FILE) ? "ca-" + name.replace(".py", "") + ".pem" : name;
    }
}
