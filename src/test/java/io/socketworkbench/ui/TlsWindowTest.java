package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.session.ConfigFolder;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.model.Message;
import io.socketworkbench.ui.model.Protocol;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** TLS in both panes, by the contract's node ids: the TLS lines show what the engine's handshake agreed. */
@ExtendWith(ApplicationExtension.class)
class TlsWindowTest {
    private final SocketEngine engine = new SocketEngine("tls-window-test");
    private final FxBridge bridge = new FxBridge();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, engine, bridge, 1280, 800);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, Protocol protocol) {
        ComboBox<Protocol> box = robot.lookup(id).queryComboBox();
        robot.interact(() -> box.setValue(protocol));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theClientTrustsTheServersSelfSignedCertificateAndBothShowWhatTheHandshakeAgreed(FxRobot robot) {
        choose(robot, "#server-protocol", Protocol.TLS);
        int port = TestWindow.startServer(robot);
        String certificate = ConfigFolder.tls().resolve("localhost-cert.pem").toString();
        assertThat(text(robot, "#server-tls-info")).contains(certificate).containsPattern("SHA-256 ([0-9A-F]{2}:){31}");

        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            robot.lookup("#client-tls-cafile").queryAs(TextField.class).setText(certificate);
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        awaitQuietly(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3, TLS_"));
        assertThat(text(robot, "#client-tls-info")).as(() -> window.client().session().transcript().messages()
                        .toString()).startsWith("TLS: TLSv1.3, TLS_")
                .contains("Server’s certificate: CN=Socket Workbench (localhost)")
                .contains("for localhost, 127.0.0.1, ::1").endsWith("verified");
        TestWindow.await(() -> text(robot, "#server-tls-info").contains("Last handshake, with 127.0.0.1:"));
        assertThat(robot.lookup("#client-tls-warning").queryAs(Label.class).isVisible()).isFalse();

        // The plaintext crosses: the server's transcript shows what the client typed.
        robot.interact(() -> robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class)
                .setText("over tls"));
        robot.clickOn("#client-send");
        TestWindow.await(() -> window.server().session().transcript().messages().stream()
                .anyMatch(m -> m.kind() == Message.Kind.RECEIVED
                        && new String(m.data(), java.nio.charset.StandardCharsets.UTF_8).contains("over tls")));

        // The statistics count the plaintext and, for TLS, the bytes on the wire: records, handshake and all.
        var stats = window.client().session().stats();
        awaitQuietly(() -> stats.wireOut() > stats.bytesOut() + 5 && stats.bytesOut() == 8);
        assertThat(stats.wireOut()).as("wire out, plaintext %d", stats.bytesOut()).isGreaterThan(stats.bytesOut() + 5);
        assertThat(stats.wireIn()).as("the server's handshake flight").isGreaterThan(300);
        var served = window.server().session().stats();
        awaitQuietly(() -> served.wireIn() == stats.wireOut());
        assertThat(served.wireIn()).as("what the server took off the wire").isEqualTo(stats.wireOut());
    }

    /** A PKCS#12 certificate asks for its password beside it: a wrong one is said, the right one serves and exports. */
    @Test
    void aPkcs12CertificateAsksForItsPasswordAndIsExportedAsThePemFilesPythonLoads(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var material = io.socketworkbench.tls.Certificates.makeSelfSigned("P12 server",
                io.socketworkbench.tls.Certificates.LOCAL_NAMES, java.time.Duration.ofDays(1));
        java.nio.file.Path p12 = dir.resolve("server.p12");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", material.key(), "s3cret".toCharArray(),
                material.chain().toArray(java.security.cert.Certificate[]::new));
        try (var out = java.nio.file.Files.newOutputStream(p12)) {
            store.store(out, "s3cret".toCharArray());
        }
        choose(robot, "#server-protocol", Protocol.TLS);
        TextField certificate = robot.lookup("#server-tls-cert").queryAs(TextField.class);
        TextField password = robot.lookup("#server-tls-password").queryAs(TextField.class);
        robot.interact(() -> certificate.setText(dir.resolve("server.pem").toString()));
        assertThat(password.getParent().isVisible()).as("no password for a PEM file").isFalse();
        robot.interact(() -> {
            certificate.setText(p12.toString());
            password.setText("wrong");
            robot.lookup("#server-port").queryAs(TextField.class).setText("0");
        });
        assertThat(password.getParent().isVisible()).as("a PKCS#12 file's password").isTrue();
        robot.clickOn("#server-start");
        TestWindow.await(() -> text(robot, "#server-tls-info").equals("The certificate " + p12
                + " cannot be used: it needs another password."));
        TestWindow.await(() -> !robot.lookup("#server-start").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected());
        robot.interact(() -> password.setText("s3cret"));
        TestWindow.startServer(robot);
        assertThat(text(robot, "#server-tls-info")).startsWith("TLS with the certificate " + p12)
                .contains(io.socketworkbench.tls.Certificates.fingerprint(material.leaf()));
        // Exported, the server loads the PEM files written from the PKCS#12 file: Python loads no PKCS#12.
        java.nio.file.Path out = java.nio.file.Files.createDirectory(dir.resolve("export"));
        assertThat(window.exportPython(out)).extracting(p -> p.getFileName().toString())
                .contains("server.py", "server-cert.pem", "server-key.pem").doesNotContain("server.p12");
        assertThat(java.nio.file.Files.readString(out.resolve("server.py")))
                .contains("server_ctx.load_cert_chain(os.path.join(HERE, 'server-cert.pem'), "
                        + "os.path.join(HERE, 'server-key.pem'))");
        Process load = new ProcessBuilder("python3", "-c", "import ssl, sys\n"
                + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\nctx.load_cert_chain(sys.argv[1], sys.argv[2])\n"
                + "print('loaded')", out.resolve("server-cert.pem").toString(), out.resolve("server-key.pem")
                .toString()).redirectErrorStream(true).start();
        assertThat(load.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(new String(load.getInputStream().readAllBytes()).strip()).isEqualTo("loaded");
        assertThat(new io.socketworkbench.session.ServerTlsChoice(p12, null, null, null, null,
                io.socketworkbench.tls.Password.typed("s3cret"))).as("a setup never prints its password")
                .hasToString(new io.socketworkbench.session.ServerTlsChoice(p12, null, null, null, null,
                        io.socketworkbench.tls.Password.typed("other")).toString());
    }

    /**
     * The relay ends the client's TLS with this machine's certificate and speaks TLS again to the server pane,
     * checking its certificate: its transcript shows the plaintext, and the diagram each hop's handshake.
     */
    @Test
    void theRelayTerminatesTlsAndSpeaksItOnwardShowingThePlaintextAndBothHandshakes(FxRobot robot) {
        choose(robot, "#server-protocol", Protocol.TLS);
        int serverPort = TestWindow.startServer(robot);
        String certificate = ConfigFolder.tls().resolve("localhost-cert.pem").toString();
        robot.interact(() -> {
            window.showRelay();
            robot.lookup("#relay-port").queryAs(TextField.class).setText("0");
            robot.lookup("#relay-to-host").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#relay-to-port").queryAs(TextField.class).setText(String.valueOf(serverPort));
        });
        CheckBox verify = robot.lookup("#relay-to-verify").queryAs(CheckBox.class);
        Label warning = robot.lookup("#relay-tls-warning").queryAs(Label.class);
        assertThat(verify.isDisabled()).as("checking needs TLS to the target").isTrue();
        robot.interact(() -> {
            robot.lookup("#relay-tls").queryAs(CheckBox.class).setSelected(true);
            robot.lookup("#relay-to-tls").queryAs(CheckBox.class).setSelected(true);
        });
        assertThat(verify.isDisabled()).isFalse();
        assertThat(verify.isSelected()).as("checked unless turned off").isTrue();
        robot.interact(() -> verify.setSelected(false));
        assertThat(warning.isVisible()).as("not checking is said in red").isTrue();
        robot.interact(() -> verify.setSelected(true));
        assertThat(warning.isVisible()).isFalse();
        robot.clickOn("#relay-start");
        TestWindow.await(() -> window.relay().session().localPort() > 0);
        assertThat(text(robot, "#relay-tls-info")).contains(certificate).containsPattern("SHA-256 ([0-9A-F]{2}:){31}");
        int relayPort = window.relay().session().localPort();

        robot.interact(window::showClient);
        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            robot.lookup("#client-tls-cafile").queryAs(TextField.class).setText(certificate);
            window.client().form().portField().setText(String.valueOf(relayPort));
            window.client().open();
        });
        awaitQuietly(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3, TLS_"));
        assertThat(text(robot, "#client-tls-info")).as(() -> window.relay().session().transcript().messages()
                .toString()).startsWith("TLS: TLSv1.3, TLS_").endsWith("verified");
        robot.interact(() -> robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class)
                .setText("through the relay"));
        robot.clickOn("#client-send");
        awaitQuietly(() -> window.server().session().transcript().messages().stream()
                .anyMatch(m -> m.kind() == Message.Kind.RECEIVED && new String(m.data(),
                        java.nio.charset.StandardCharsets.UTF_8).contains("through the relay")));
        assertThat(window.server().session().transcript().messages()).as(() -> "relay: "
                + window.relay().session().transcript().messages() + "\nclient: "
                + window.client().session().transcript().messages()).anyMatch(m -> m.kind() == Message.Kind.RECEIVED
                && new String(m.data(), java.nio.charset.StandardCharsets.UTF_8).contains("through the relay"));
        var relayed = window.relay().session().transcript().messages();
        assertThat(relayed).as("the relay shows the plaintext").anyMatch(m -> m.kind() == Message.Kind.RECEIVED
                && new String(m.data(), java.nio.charset.StandardCharsets.UTF_8).equals("through the relay"));
        assertThat(relayed.stream().filter(m -> m.kind() == Message.Kind.EVENT).map(Message::text))
                .anyMatch(text -> text.startsWith("TLS handshake with 127.0.0.1:") && text.contains("TLSv1.3"))
                .anyMatch(text -> text.startsWith("TLS handshake with the target 127.0.0.1:" + serverPort + ": "));

        // The diagram: a ClientHello into the relay, and one out of it to the server.
        var sequence = window.lesson().sequence();
        int relayLine = -1;
        for (int i = 0; i < sequence.lifelines().size(); i++) {
            if (sequence.lifelines().get(i).role() == io.socketworkbench.lesson.SequenceDiagram.Role.RELAY) {
                relayLine = i;
            }
        }
        int relay = relayLine;
        assertThat(relay).isNotNegative();
        var hellos = sequence.arrows().stream().filter(arrow -> arrow.kind()
                == io.socketworkbench.lesson.SequenceDiagram.Kind.TLS && arrow.preview().equals("ClientHello")).toList();
        assertThat(hellos).as(sequence.arrows().toString()).hasSize(2);
        assertThat(hellos).anyMatch(arrow -> arrow.to() == relay).anyMatch(arrow -> arrow.from() == relay);
        robot.interact(() -> window.relay().stop());
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition) {
        try {
            TestWindow.await(condition);
        } catch (AssertionError timedOut) {
            // the assertion after it says what was there instead
        }
    }

    @Test
    void withoutTheCaFileTheClientSaysWhyInPlainWordsAndDoNotVerifyStaysRed(FxRobot robot) {
        choose(robot, "#server-protocol", Protocol.TLS);
        int port = TestWindow.startServer(robot);
        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        TestWindow.await(() -> text(robot, "#client-state").contains("Self-signed certificate"));
        // the TLS line shows the certificate that was refused, with what was wrong with it
        TestWindow.await(() -> text(robot, "#client-tls-info").startsWith("TLS: the server’s certificate was refused"));
        assertThat(text(robot, "#client-tls-info").split("\n")).hasSize(2);
        assertThat(text(robot, "#client-tls-info")).contains("\nServer’s certificate: CN=Socket Workbench (localhost), "
                + "issued by CN=Socket Workbench (localhost), for localhost, 127.0.0.1, ::1, valid ")
                .endsWith(" — ✗ signed by itself, and not trusted here");
        assertThat(window.client().session().transcript().messages()).anyMatch(m -> m.text() != null && m.text().contains(
                "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
                        + "self-signed certificate"));

        CheckBox verify = robot.lookup("#client-tls-verify").queryAs(CheckBox.class);
        robot.interact(() -> verify.setSelected(false));
        Label warning = robot.lookup("#client-tls-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        robot.interact(() -> window.client().open());
        TestWindow.await(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3"));
        assertThat(text(robot, "#client-tls-info")).endsWith("NOT checked");
        assertThat(warning.isVisible()).isTrue();
    }

    /**
     * The lesson of a real handshake: its records as rows of the diagram (the client's ClientHello, the server's
     * ServerHello and its encrypted rest), the TLS steps, the wrap in the mirror; then the exported scripts speak
     * TLS with the app: client.py to the window's server, server.py (on a port of its own) to the window's client,
     * with the certificate files written beside them.
     */
    @Test
    void theHandshakeIsDrawnFromItsRecordsAndTheExportedScriptsSpeakTlsWithTheApp(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.interact(() -> window.showLesson(true));
        choose(robot, "#server-protocol", Protocol.TLS);
        int port = TestWindow.startServer(robot);
        String certificate = ConfigFolder.tls().resolve("localhost-cert.pem").toString();
        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            robot.lookup("#client-tls-cafile").queryAs(TextField.class).setText(certificate);
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        TestWindow.await(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3"));
        robot.interact(() -> robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class)
                .setText("over tls"));
        robot.interact(() -> robot.lookup("#client-send").queryButton().fire());
        TestWindow.await(() -> window.server().session().transcript().messages().stream()
                .anyMatch(m -> m.kind() == Message.Kind.RECEIVED));

        var lesson = window.lesson();
        java.util.List<io.socketworkbench.lesson.SequenceDiagram.Arrow> rows = new java.util.ArrayList<>();
        robot.interact(() -> rows.addAll(lesson.sequence().arrows()));
        var tls = rows.stream().filter(a -> a.kind() == io.socketworkbench.lesson.SequenceDiagram.Kind.TLS).toList();
        assertThat(tls.get(0).preview()).isEqualTo("ClientHello");
        assertThat(tls.get(0).bytes()).isGreaterThan(100);
        int client = tls.get(0).from();
        int server = tls.get(0).to();
        assertThat(tls.get(1)).matches(a -> a.preview().equals("ServerHello") && a.from() == server);
        assertThat(tls).anyMatch(a -> a.preview().isEmpty() && a.from() == server && a.bytes() > 300);
        assertThat(tls).as("drawn once, though both panes saw it").filteredOn(a -> a.preview().equals("ClientHello"))
                .hasSize(1);
        assertThat(rows.indexOf(tls.get(0))).as("after the connect, before the data")
                .isGreaterThan(rows.indexOf(rows.stream().filter(a -> a.kind()
                        == io.socketworkbench.lesson.SequenceDiagram.Kind.CONNECT).findFirst().orElseThrow()))
                .isLessThan(rows.indexOf(rows.stream().filter(a -> a.kind()
                        == io.socketworkbench.lesson.SequenceDiagram.Kind.DATA).findFirst().orElseThrow()));
        assertThat(lesson.tls()).isTrue();
        assertThat(lesson.done()).contains(io.socketworkbench.lesson.LessonStep.TLS_HELLO,
                io.socketworkbench.lesson.LessonStep.TLS_VERIFY);
        assertThat(lesson.mirror()).anyMatch(l -> l.startsWith("c = ctx.wrap_socket(c, server_hostname='127.0.0.1')"
                + "  # TLSv1.3, TLS_")).anyMatch(l -> l.startsWith("con = server_ctx.wrap_socket(con, server_side=True)"))
                .anyMatch(l -> l.startsWith("ctx = ssl.create_default_context(cafile="));
        // What the rows say (the list shows the newest rows; these are above them by now).
        assertThat(io.socketworkbench.ui.lesson.SequenceDiagramView.text(tls.get(0))).matches("ClientHello · \\d+ B");
        assertThat(tls.stream().map(io.socketworkbench.ui.lesson.SequenceDiagramView::text))
                .anyMatch(text -> text.matches("encrypted handshake · \\d+ B"));

        // client.py, run with python3, to the window's server: the same handshake, the same bytes.
        java.util.List<java.nio.file.Path> written = window.exportPython(dir);
        assertThat(written).extracting(p -> p.getFileName().toString()).contains("server.py", "client.py",
                "localhost-cert.pem", "localhost-key.pem");
        Process script = new ProcessBuilder("python3", dir.resolve("client.py").toString())
                .redirectErrorStream(true).start();
        script.getOutputStream().close();
        assertThat(script.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(new String(script.getInputStream().readAllBytes())).contains("TLS: TLSv1.3");
        assertThat(script.exitValue()).isZero();
        TestWindow.await(() -> window.server().session().transcript().messages().stream()
                .filter(m -> m.kind() == Message.Kind.RECEIVED).count() >= 2);

        // server.py on a port of its own (the window's server holds the recorded one), to the window's client.
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        String serverScript = java.nio.file.Files.readString(dir.resolve("server.py"))
                .replace("('127.0.0.1', " + port + ")", "('127.0.0.1', " + free + ")");
        java.nio.file.Files.writeString(dir.resolve("server.py"), serverScript);
        Process served = new ProcessBuilder("python3", "-u", dir.resolve("server.py").toString())
                .redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                    served.getInputStream()));
            for (int attempt = 0; attempt < 50; attempt++) {
                try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", free)) {
                    break; // listening (this probe fails its handshake; the script says so and goes on)
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            robot.interact(() -> {
                window.client().form().portField().setText(String.valueOf(free));
                window.client().open();
            });
            TestWindow.await(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3"));
            robot.interact(() -> robot.lookup("#client-input").queryAs(javafx.scene.control.TextArea.class)
                    .setText("over tls"));
            robot.interact(() -> robot.lookup("#client-send").queryButton().fire());
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (String line; lines.stream().noneMatch(l -> l.contains("b'over tls'"))
                    && (line = out.readLine()) != null; ) {
                lines.add(line);
            }
            assertThat(lines).anyMatch(l -> l.startsWith("TLS: TLSv1.3")).anyMatch(l -> l.contains("b'over tls'"));
        } finally {
            served.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * The server's own certificate and key (PEM), client certificates required and checked against a CA file,
     * ALPN on both sides; the client shows its certificate, then a client without one is refused.
     */
    @Test
    void theServersOwnCertificateClientCertificatesAndAlpnAreSetInThePanes(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var serverKey = io.socketworkbench.tls.Certificates.makeSelfSigned("Test server",
                io.socketworkbench.tls.Certificates.LOCAL_NAMES, java.time.Duration.ofDays(1));
        var clientKey = io.socketworkbench.tls.Certificates.makeSelfSigned("Test client", java.util.List.of("client"),
                java.time.Duration.ofDays(1));
        java.nio.file.Path serverCert = write(dir.resolve("server.pem"), serverKey.leaf());
        java.nio.file.Path serverPrivate = write(dir.resolve("server-key.pem"), serverKey.key());
        java.nio.file.Path clientCert = write(dir.resolve("client.pem"), clientKey.leaf());
        java.nio.file.Path clientPrivate = write(dir.resolve("client-key.pem"), clientKey.key());

        choose(robot, "#server-protocol", Protocol.TLS);
        robot.interact(() -> {
            robot.lookup("#server-tls-cert").queryAs(TextField.class).setText(serverCert.toString());
            robot.lookup("#server-tls-key").queryAs(TextField.class).setText(serverPrivate.toString());
            robot.lookup("#server-tls-clientca").queryAs(TextField.class).setText(clientCert.toString());
            robot.lookup("#server-tls-alpn").queryAs(TextField.class).setText("h2, http/1.1");
            @SuppressWarnings("unchecked")
            ComboBox<io.socketworkbench.session.ServerTlsChoice.ClientAuth> mode =
                    robot.lookup("#server-tls-clientcert").queryComboBox();
            mode.setValue(io.socketworkbench.session.ServerTlsChoice.ClientAuth.REQUIRE);
        });
        int port = TestWindow.startServer(robot);
        assertThat(text(robot, "#server-tls-info")).startsWith("TLS with the certificate " + serverCert)
                .contains("for localhost, 127.0.0.1, ::1");
        assertThat(robot.lookup("#server-tls-cert").queryAs(TextField.class).isDisabled()).as("locked while running")
                .isTrue();

        choose(robot, "#client-protocol", Protocol.TLS);
        robot.interact(() -> {
            robot.lookup("#client-tls-cafile").queryAs(TextField.class).setText(serverCert.toString());
            robot.lookup("#client-tls-alpn").queryAs(TextField.class).setText("http/1.1");
            robot.lookup("#client-tls-cert").queryAs(TextField.class).setText(clientCert.toString());
            robot.lookup("#client-tls-key").queryAs(TextField.class).setText(clientPrivate.toString());
            window.client().form().portField().setText(String.valueOf(port));
            window.client().open();
        });
        awaitQuietly(() -> text(robot, "#client-tls-info").startsWith("TLS: TLSv1.3"));
        assertThat(text(robot, "#client-tls-info")).as(() -> window.client().session().transcript().messages()
                .toString()).startsWith("TLS: TLSv1.3").contains(", ALPN http/1.1")
                .contains("CN=Test server");
        TestWindow.await(() -> text(robot, "#server-tls-info").contains("Last handshake"));

        // Without a client certificate: refused, in Python's words.
        robot.interact(() -> {
            window.client().close();
            robot.lookup("#client-tls-cert").queryAs(TextField.class).setText("");
            robot.lookup("#client-tls-key").queryAs(TextField.class).setText("");
        });
        robot.interact(() -> window.client().open());
        TestWindow.await(() -> window.client().session().transcript().messages().stream()
                .anyMatch(m -> m.text() != null && (m.text().contains("CERTIFICATE_REQUIRED")
                        || m.text().contains("BAD_CERTIFICATE"))));
        TestWindow.await(() -> window.server().session().transcript().messages().stream()
                .anyMatch(m -> m.text() != null && m.text().contains("PEER_DID_NOT_RETURN_A_CERTIFICATE")));
    }

    private static java.nio.file.Path write(java.nio.file.Path file, Object item) throws java.io.IOException {
        return java.nio.file.Files.writeString(file, io.socketworkbench.tls.Certificates.pem(item));
    }
}
