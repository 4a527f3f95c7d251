package io.socketworkbench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.lesson.Texts;
import io.socketworkbench.session.ConfigFolder;
import io.socketworkbench.tls.Certificates;
import io.socketworkbench.tls.KeyMaterial;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --tls} on the command line against real peers: Python's ssl module (client and server), openssl s_client
 * and s_server; 16 MiB byte-exact each way on TLS 1.2 and 1.3, ALPN, client certificates required and refused, and
 * each verification failure in Python's words with its explanation in both languages.
 */
@Timeout(value = 150)
class TlsCliTest {
    private static final int SIXTEEN_MIB = 16 << 20;

    @TempDir
    static Path dir;
    private static Path cert;
    private static Path key;
    private static Path clientCert;
    private static Path clientKey;
    private final List<Process> processes = new ArrayList<>();

    private static final String PY_SERVER = """
            import ssl, socket, sys
            cert, key, version, client_ca = sys.argv[1:5]
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cert, key)
            if version != '-':
                ctx.minimum_version = ctx.maximum_version = getattr(ssl.TLSVersion, version)
            if client_ca != '-':
                ctx.verify_mode = ssl.CERT_REQUIRED
                ctx.load_verify_locations(client_ca)
            srv = socket.create_server(('127.0.0.1', 0))
            print(srv.getsockname()[1], flush=True)
            srv.settimeout(60)
            con, _ = srv.accept()
            try:
                s = ctx.wrap_socket(con, server_side=True)
            except Exception as e:
                print('handshake', type(e).__name__, e, flush=True)
                sys.exit(0)
            print('version', s.version(), flush=True)
            total = 0
            try:
                while True:
                    d = s.recv(1 << 20)
                    if not d:
                        break
                    total += len(d)
                    s.sendall(d)
                print('echoed', total, flush=True)
            except Exception as e:
                print('error', type(e).__name__, e, flush=True)
            s.close()
            """;

    private static final String PY_CLIENT = """
            import ssl, socket, sys, random, hashlib, select
            port, cafile, version, size, cert, key = sys.argv[1:7]
            size = int(size)
            ctx = ssl.create_default_context(cafile=cafile)
            if version != '-':
                ctx.minimum_version = ctx.maximum_version = getattr(ssl.TLSVersion, version)
            if cert != '-':
                ctx.load_cert_chain(cert, key)
            data = random.Random(7).randbytes(size)
            raw = socket.create_connection(('127.0.0.1', int(port)), timeout=60)
            try:
                s = ctx.wrap_socket(raw, server_hostname='localhost')
                print('version', s.version(), s.cipher()[0], flush=True)
                s.setblocking(False)
                sent, got = 0, bytearray()
                while len(got) < size:
                    if sent < size:
                        try:
                            sent += s.send(data[sent:sent + 65536])
                        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                            pass
                    try:
                        while True:
                            d = s.recv(1 << 20)
                            if not d:
                                raise EOFError('closed after %d bytes' % len(got))
                            got += d
                    except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
                        pass
                    select.select([s], [s] if sent < size else [], [], 1)
                print('same' if hashlib.sha256(got).digest() == hashlib.sha256(data).digest() else 'differs',
                      len(got), flush=True)
                s.close()
            except Exception as e:
                print('error', type(e).__name__, e, flush=True)
            """;

    @BeforeAll
    static void certificates() throws IOException {
        KeyMaterial server = Certificates.makeSelfSigned("localhost", Certificates.LOCAL_NAMES, Duration.ofDays(2));
        cert = write("cert.pem", Certificates.pem(server.leaf()));
        key = write("key.pem", Certificates.pem(server.key()));
        KeyMaterial client = Certificates.makeSelfSigned("student", List.of(), Duration.ofDays(2));
        clientCert = write("client.pem", Certificates.pem(client.leaf()));
        clientKey = write("client-key.pem", Certificates.pem(client.key()));
        Files.writeString(dir.resolve("server.py"), PY_SERVER);
        Files.writeString(dir.resolve("client.py"), PY_CLIENT);
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @AfterEach
    void end() {
        processes.forEach(Process::destroyForcibly);
        Texts.use(Locale.ENGLISH);
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return process;
    }

    /** A Python TLS echo server with {@code certificate}; its port once listening. */
    private int pythonServer(Process server) throws IOException {
        String first = new String(readLine(server.getInputStream()), UTF_8).strip();
        return Integer.parseInt(first);
    }

    private static byte[] readLine(InputStream in) throws IOException {
        var line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toByteArray();
    }

    private static String rest(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the peer ends").isTrue();
        return new String(process.getInputStream().readAllBytes(), UTF_8);
    }

    private static byte[] sixteenMiB() {
        byte[] data = new byte[SIXTEEN_MIB];
        new Random(11).nextBytes(data);
        return data;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1_2", "TLSv1_3"})
    void ourServerEchoesSixteenMiBToPythonsSslClientByteExact(String version) throws Exception {
        CliRun.Running server = CliRun.start("server", "--tls", "--echo", "--port", "0", "--once");
        int port = server.port();
        Path selfSigned = ConfigFolder.tls().resolve("localhost-cert.pem");
        assertThat(server.err().text()).contains("TLS, self-signed certificate " + selfSigned
                        + " for localhost, 127.0.0.1, ::1, SHA-256 ")
                .containsPattern("SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\\n");
        Process client = start("python3", dir.resolve("client.py").toString(), String.valueOf(port),
                selfSigned.toString(), version, String.valueOf(SIXTEEN_MIB), "-", "-");
        String out = rest(client);
        String expected = version.equals("TLSv1_2") ? "TLSv1.2" : "TLSv1.3";
        assertThat(out).contains("version " + expected).contains("same " + SIXTEEN_MIB);
        CliRun run = server.done().get(30, TimeUnit.SECONDS);
        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).containsPattern("TLS with 127\\.0\\.0\\.1:\\d+: " + Pattern.quote(expected)
                + ", TLS_\\w+, SNI localhost\\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1_2", "TLSv1_3"})
    void ourClientSendsAndReadsSixteenMiBThroughPythonsSslServerByteExact(String version) throws Exception {
        Process server = start("python3", dir.resolve("server.py").toString(), cert.toString(), key.toString(),
                version, "-");
        int port = pythonServer(server);
        byte[] data = sixteenMiB();
        Path recording = dir.resolve("recording-" + version + ".jsonl");
        CliRun run = CliRun.run(new ByteArrayInputStream(data), "client", "localhost", String.valueOf(port),
                "--tls", "--cafile", cert.toString(), "--record", recording.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).as("what came back").isEqualTo(data);
        String expected = version.equals("TLSv1_2") ? "TLSv1.2" : "TLSv1.3";
        assertThat(run.stderr()).startsWith("TLS with localhost:" + port + ": " + expected + ", TLS_");
        assertThat(rest(server)).contains("version " + expected).contains("echoed " + SIXTEEN_MIB);
        // The recording has the handshake as a fact, and the plaintext as the data.
        List<String> lines = Files.readAllLines(recording);
        assertThat(lines).filteredOn(l -> l.contains("\"type\": \"tls\""))
                .singleElement().asString().contains("\"version\": \"" + expected + "\"").contains("\"sni\": \"localhost\"");
        long in = lines.stream().filter(l -> l.contains("\"type\": \"data\"") && l.contains("\"dir\": \"in\""))
                .mapToLong(l -> java.util.Base64.getDecoder().decode(l.replaceAll(".*\"data\": \"([^\"]*)\".*", "$1"))
                        .length).sum();
        assertThat(in).isEqualTo(SIXTEEN_MIB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void opensslSClientAgreesAlpnWithOurServerAndItsBytesArrive(String version) throws Exception {
        CliRun.Running server = CliRun.start("server", "--tls", "--cert", cert.toString(), "--key",
                key.toString(), "--alpn", "h2,http/1.1", "--port", "0", "--once");
        int port = server.port();
        Process client = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, version,
                "-CAfile", cert.toString(), "-servername", "localhost", "-alpn", "h2")
                .redirectErrorStream(true).start();
        processes.add(client);
        client.getOutputStream().write("hello over tls\n".getBytes(UTF_8));
        client.getOutputStream().close();
        String out = rest(client);
        assertThat(out).contains("ALPN protocol: h2").contains("Verify return code: 0 (ok)");
        CliRun run = server.done().get(30, TimeUnit.SECONDS);
        assertThat(run.out()).isEqualTo("hello over tls\n");
        assertThat(run.stderr()).containsPattern("TLS with 127\\.0\\.0\\.1:\\d+: TLSv1\\."
                + (version.endsWith("2") ? "2" : "3") + ", TLS_\\w+, ALPN h2, SNI localhost\\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void ourClientAgreesAlpnWithOpensslSServerAndItsBytesArrive(String version) throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, version,
                "-cert", cert.toString(), "-key", key.toString(), "-naccept", "1", "-alpn", "http/1.1")
                .redirectErrorStream(true).start();
        processes.add(server);
        while (!new String(readLine(server.getInputStream()), UTF_8).startsWith("ACCEPT")) {
            assertThat(server.isAlive()).as("openssl s_server starts").isTrue();
        }
        CliRun run = CliRun.run(new ByteArrayInputStream("hello from java\n".getBytes(UTF_8)), "client",
                "localhost", String.valueOf(port), "--tls", "--cafile", cert.toString(), "--alpn", "h2,http/1.1");
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).startsWith("TLS with localhost:" + port + ": TLSv1." + (version.endsWith("2")
                ? "2" : "3") + ", TLS_").contains(", ALPN http/1.1, SNI localhost\n");
        assertThat(rest(server)).contains("ALPN protocols selected: http/1.1").contains("hello from java\n");
    }

    @Test
    void ourServerRequiresAClientCertificateAndRefusesAClientWithout() throws Exception {
        CliRun.Running server = CliRun.start("server", "--tls", "--cert", cert.toString(), "--key",
                key.toString(), "--client-cert", "require", "--cafile", clientCert.toString(), "--echo",
                "--port", "0");
        int port = server.port();
        Process with = start("python3", dir.resolve("client.py").toString(), String.valueOf(port),
                cert.toString(), "-", "1000", clientCert.toString(), clientKey.toString());
        assertThat(rest(with)).contains("same 1000");
        Process without = start("python3", dir.resolve("client.py").toString(), String.valueOf(port),
                cert.toString(), "-", "1000", "-", "-");
        // TLS 1.3 finishes the client's side first: the refusal comes as the first read fails, as the JDK's
        // alert for an empty chain (bad_certificate; OpenSSL would send certificate_required).
        assertThat(rest(without)).contains("error SSLError").containsPattern("BAD_CERTIFICATE|CERTIFICATE_REQUIRED");
        server.err().await(Pattern.compile("ssl\\.SSLError: \\[SSL: PEER_DID_NOT_RETURN_A_CERTIFICATE\\] peer did "
                + "not return a certificate"), Duration.ofSeconds(10));
    }

    @Test
    void ourClientShowsItsCertificateToAServerThatRequiresOneAndIsRefusedWithoutIt() throws Exception {
        Process server = start("python3", dir.resolve("server.py").toString(), cert.toString(), key.toString(),
                "-", clientCert.toString());
        int port = pythonServer(server);
        CliRun run = CliRun.run(new ByteArrayInputStream("mine\n".getBytes(UTF_8)), "client", "localhost",
                String.valueOf(port), "--tls", "--cafile", cert.toString(), "--cert", clientCert.toString(),
                "--key", clientKey.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.out()).isEqualTo("mine\n");
        assertThat(rest(server)).contains("echoed 5");

        Process strict = start("python3", dir.resolve("server.py").toString(), cert.toString(), key.toString(),
                "-", clientCert.toString());
        port = pythonServer(strict);
        // Nothing is sent: bytes reaching the server after it closed would come back as a reset, before the alert.
        java.io.PipedOutputStream keepOpen = new java.io.PipedOutputStream();
        CliRun refused = CliRun.start(new java.io.PipedInputStream(keepOpen), "client", "localhost",
                String.valueOf(port), "--tls", "--cafile", cert.toString()).done().get(30, TimeUnit.SECONDS);
        keepOpen.close();
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.stderr()).contains(
                "ssl.SSLError: [SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required");
        assertThat(rest(strict)).contains("PEER_DID_NOT_RETURN_A_CERTIFICATE");
    }

    /** Each verification failure, as Python says it, with its explanation in English and in Chinese. */
    @Test
    void eachVerificationFailureIsSaidInPythonsWordsAndExplainedInBothLanguages() throws Exception {
        assertFailure(cert, key, List.of(), "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] "
                        + "certificate verify failed: self-signed certificate",
                "is signed by itself", "是它自己签发的", "✗ signed by itself, and not trusted here", "✗ 自签名，本方不信任");

        KeyMaterial old = Certificates.makeSelfSigned("localhost", Certificates.LOCAL_NAMES,
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"));
        Path oldCert = write("old.pem", Certificates.pem(old.leaf()));
        Path oldKey = write("old-key.pem", Certificates.pem(old.key()));
        assertFailure(oldCert, oldKey, List.of("--cafile", oldCert.toString()),
                "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                        + "certificate has expired", "was valid from 2020-01-01 00:00 UTC to 2021-01-01 00:00 UTC",
                "有效期是 2020-01-01 00:00 UTC 到 2021-01-01 00:00 UTC",
                "valid 2020-01-01 to 2021-01-01: ✗ expired", "有效期 2020-01-01 到 2021-01-01：✗ 已过期");

        Instant soon = Instant.now().plus(Duration.ofDays(3));
        KeyMaterial early = Certificates.makeSelfSigned("localhost", Certificates.LOCAL_NAMES, soon,
                soon.plus(Duration.ofDays(3)));
        Path earlyCert = write("early.pem", Certificates.pem(early.leaf()));
        Path earlyKey = write("early-key.pem", Certificates.pem(early.key()));
        assertFailure(earlyCert, earlyKey, List.of("--cafile", earlyCert.toString()),
                "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                        + "certificate is not yet valid", "is valid only from", "要从", ": ✗ not valid yet",
                "：✗ 尚未生效");

        assertFailure(cert, key, List.of("--cafile", cert.toString(), "--sni", "example.org"),
                "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                        + "Hostname mismatch, certificate is not valid for 'example.org'.",
                "not for example.org: it is for localhost, 127.0.0.1", "不是给 example.org 的：它适用于 localhost",
                ": ✗ not for the name connected to", "：✗ 不适用于所连接的名字");

        Path[] issued = issuedByATestCa();
        assertFailure(issued[0], issued[1], List.of(),
                "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                        + "unable to get local issuer certificate", "its issuer is CN=Test CA", "签发者是 CN=Test CA",
                "1\\. CN=localhost, issued by CN=Test CA, valid \\S+ to \\S+: ✗ its issuer is not trusted here$",
                "1\\. CN=localhost，签发者 CN=Test CA，有效期 \\S+ 到 \\S+：✗ 本方不信任它的签发者$");
        // With the CA trusted, the same chain verifies.
        Process server = start("python3", dir.resolve("server.py").toString(), issued[0].toString(),
                issued[1].toString(), "-", "-");
        int port = pythonServer(server);
        CliRun trusted = CliRun.run(new ByteArrayInputStream("ok\n".getBytes(UTF_8)), "client", "localhost",
                String.valueOf(port), "--tls", "--cafile", issued[2].toString());
        assertThat(trusted.exit()).as(trusted.stderr()).isZero();
        assertThat(trusted.out()).isEqualTo("ok\n");
    }

    /** {@code englishChain} and {@code chineseChain}: a pattern the line of the server's certificate matches. */
    private void assertFailure(Path serverCert, Path serverKey, List<String> options, String python,
                               String english, String chinese, String englishChain, String chineseChain)
            throws Exception {
        for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            Texts.use(language);
            Process server = start("python3", dir.resolve("server.py").toString(), serverCert.toString(),
                    serverKey.toString(), "-", "-");
            int port = pythonServer(server);
            List<String> args = new ArrayList<>(List.of("--explain", "client", "localhost", String.valueOf(port),
                    "--tls"));
            args.addAll(options);
            CliRun run = CliRun.run(new ByteArrayInputStream("x".getBytes(UTF_8)), args.toArray(String[]::new));
            assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
            String[] lines = run.stderr().split("\n");
            assertThat(lines[0]).isEqualTo(python);
            assertThat(lines).as("the explanation").hasSizeGreaterThan(1);
            assertThat(lines[1]).contains(language == Locale.ENGLISH ? english : chinese);
            // then the chain the server sent, each certificate with what was wrong with it
            assertThat(lines[2]).isEqualTo(language == Locale.ENGLISH ? "The certificates it sent, its own first:"
                    : "对方发来的证书（它自己的在前）：");
            assertThat(lines[3]).startsWith("  1. ").containsPattern(language == Locale.ENGLISH ? englishChain
                    : chineseChain);
            assertThat(lines).as("one line a certificate").hasSize(4);
            assertThat(rest(server)).contains("handshake");
        }
        Texts.use(Locale.ENGLISH);
    }

    /** A CA and a leaf for localhost it issued, made with openssl: {leaf, leaf key, CA}. */
    private static Path[] issuedByATestCa() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca-key.pem");
        Path leaf = dir.resolve("leaf.pem");
        Path leafKey = dir.resolve("leaf-key.pem");
        Path csr = dir.resolve("leaf.csr");
        Path ext = write("leaf.ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", caKey.toString(), "-out", ca.toString(), "-subj", "/CN=Test CA", "-days", "2");
        run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", leafKey.toString(), "-out", csr.toString(), "-subj", "/CN=localhost");
        run("openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", leaf.toString(), "-days", "1", "-extfile", ext.toString());
        return new Path[] {leaf, leafKey, ca};
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
    }

    @Test
    void tlsToAPlainServerAndPlainTextToATlsServerAreRecognised() throws Exception {
        CliRun.Running plain = CliRun.start("server", "--port", "0", "--once", "--greet", "hello\\n");
        int port = plain.port();
        CliRun run = CliRun.run(new ByteArrayInputStream("x".getBytes(UTF_8)), "--explain", "client", "127.0.0.1",
                String.valueOf(port), "--tls", "--insecure");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("Warning: --insecure")
                .contains("ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number\n")
                .contains("What came back is not TLS");

        CliRun.Running secure = CliRun.start("server", "--tls", "--cert", cert.toString(), "--key", key.toString(),
                "--port", "0", "--once");
        port = secure.port();
        CliRun text = CliRun.run(new ByteArrayInputStream("GET / HTTP/1.0\r\n\r\n".getBytes(UTF_8)), "client",
                "127.0.0.1", String.valueOf(port));
        assertThat(text.exit()).isZero();
        CliRun server = secure.done().get(30, TimeUnit.SECONDS);
        assertThat(server.stderr()).contains("ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number");
        assertThat(server.out()).as("nothing of it is taken as plaintext").isEmpty();
    }

    /** A PKCS#12 file made by openssl (empty password) serves as --cert alone; a wrong one is said so. */
    @Test
    void aPkcs12FileServesAsTheCertificateAndItsKey() throws Exception {
        Path p12 = dir.resolve("server.p12");
        Process export = start("openssl", "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(),
                "-out", p12.toString(), "-passout", "pass:");
        assertThat(export.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(export.exitValue()).as(rest(export)).isZero();
        CliRun.Running server = CliRun.start("server", "--tls", "--cert", p12.toString(), "--echo", "--port", "0",
                "--once");
        int port = server.port();
        CliRun run = CliRun.run(new ByteArrayInputStream("from a p12\n".getBytes(UTF_8)), "client", "localhost",
                String.valueOf(port), "--tls", "--cafile", cert.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.out()).isEqualTo("from a p12\n");
        assertThat(server.done().get(30, TimeUnit.SECONDS).exit()).isZero();

        Path notP12 = dir.resolve("broken.p12");
        Files.writeString(notP12, "not a store");
        CliRun refused = CliRun.run("server", "--tls", "--cert", notP12.toString(), "--port", "0");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.stderr()).contains("ssl.SSLError: " + notP12 + ": cannot be read as PKCS#12");
    }

    /** Our client and our server, over an IP address: no SNI is sent, and the address is what is checked. */
    @Test
    void ourClientTrustsOurServersSelfSignedCertificateByItsAddress() throws Exception {
        CliRun.Running server = CliRun.start("server", "--tls", "--echo", "--port", "0", "--once");
        int port = server.port();
        CliRun run = CliRun.run(new ByteArrayInputStream("both ours\n".getBytes(UTF_8)), "client", "127.0.0.1",
                String.valueOf(port), "--tls", "--cafile", ConfigFolder.tls().resolve("localhost-cert.pem").toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.out()).isEqualTo("both ours\n");
        assertThat(run.stderr()).isEqualTo("TLS with 127.0.0.1:" + port + ": TLSv1.3, TLS_AES_256_GCM_SHA384\n");
        assertThat(server.done().get(30, TimeUnit.SECONDS).exit()).isZero();
    }

    @Test
    void theRelayLetsAPlainClientTalkToATlsServerAndShowsThePlaintext() throws Exception {
        Process server = start("python3", dir.resolve("server.py").toString(), cert.toString(), key.toString(),
                "-", "-");
        int target = pythonServer(server);
        CliRun.Running relay = CliRun.start("relay", "--port", "0", "--to", "localhost:" + target, "--to-tls",
                "--cafile", cert.toString());
        int port = relay.port();
        CliRun client = CliRun.run(new ByteArrayInputStream("plain to tls\n".getBytes(UTF_8)), "client",
                "127.0.0.1", String.valueOf(port));
        assertThat(client.exit()).as(client.stderr()).isZero();
        assertThat(client.out()).isEqualTo("plain to tls\n");
        relay.out().await(Pattern.compile("<< b'plain to tls\\\\n'"), Duration.ofSeconds(10));
        assertThat(relay.out().text()).contains(">> b'plain to tls\\n'");
        assertThat(relay.err().text()).contains("Forwarding each client to localhost:" + target + " over TLS")
                .containsPattern("TLS with localhost:" + target + ": TLSv1\\.3, TLS_\\w+, SNI localhost");
        assertThat(rest(server)).contains("echoed 13");
    }

    @Test
    void theRelayEndsTlsWithItsOwnCertificateAndShowsTheClientsPlaintext() throws Exception {
        CliRun.Running echo = CliRun.start("server", "--port", "0", "--echo");
        int target = echo.port();
        CliRun.Running relay = CliRun.start("relay", "--port", "0", "--to", "127.0.0.1:" + target, "--tls",
                "--cert", cert.toString(), "--key", key.toString());
        int port = relay.port();
        assertThat(relay.err().text()).contains(", TLS, certificate for localhost, 127.0.0.1, ::1, SHA-256 ");
        Process client = start("python3", dir.resolve("client.py").toString(), String.valueOf(port),
                cert.toString(), "-", "1000", "-", "-");
        assertThat(rest(client)).contains("version TLSv1.3").contains("same 1000");
        relay.err().await(Pattern.compile("TLS with 127\\.0\\.0\\.1:\\d+: TLSv1\\.3, TLS_\\w+, SNI localhost"),
                Duration.ofSeconds(10));
        assertThat(relay.out().text()).startsWith(">> b'");
    }

    @Test
    void tlsOptionsWithoutTlsAndTlsOverUdpAreRefusedWithTheReason() {
        CliRun noTls = CliRun.run("client", "127.0.0.1", "9", "--cafile", cert.toString());
        assertThat(noTls.exit()).isEqualTo(2);
        assertThat(noTls.stderr()).contains("--cafile need --tls");
        CliRun udp = CliRun.run("server", "--udp", "--tls", "--port", "0");
        assertThat(udp.exit()).isEqualTo(2);
        assertThat(udp.stderr()).contains("--tls works over TCP");
        CliRun missing = CliRun.run("server", "--tls", "--cert", dir.resolve("none.pem").toString(), "--port", "0");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.stderr()).contains("none.pem: does not exist");
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
