package io.socketworkbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.engine.Fact;
import io.socketworkbench.engine.TlsInfo;
import io.socketworkbench.engine.TlsRecord;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record of a timeline: a TLS handshake makes the server's and the client's setups TLS ones. */
class ExportRecordFactsTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 4433);
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 50000);

    private static Fact fact(Fact.Type type, long conn, long parent, InetSocketAddress local,
                             InetSocketAddress remote, boolean in, String data, TlsInfo tls) {
        return new Fact(1.0, type, conn, parent, local, remote, in, data.getBytes(StandardCharsets.UTF_8), null,
                tls);
    }

    @Test
    void tlsFactsMakeTlsSetupsAndThePythonSpeaksSsl() {
        TlsInfo agreed = new TlsInfo("TLSv1.3", "TLS_AES_256_GCM_SHA384", "h2", "localhost", List.of(), List.of(),
                List.of(new TlsRecord(true, "ClientHello", 517)));
        List<Fact> facts = List.of(
                fact(Fact.Type.LISTEN, 1, -1, SERVER, null, false, "", null),
                fact(Fact.Type.CONNECT, 3, -1, CLIENT, SERVER, false, "", null),
                fact(Fact.Type.ACCEPT, 2, 1, SERVER, CLIENT, false, "", null),
                fact(Fact.Type.TLS, 3, -1, CLIENT, SERVER, false, "", agreed),
                fact(Fact.Type.TLS, 2, 1, SERVER, CLIENT, false, "", agreed),
                fact(Fact.Type.DATA, 3, -1, CLIENT, SERVER, false, "hello", null),
                fact(Fact.Type.DATA, 2, 1, SERVER, CLIENT, true, "hello", null));
        ExportRecord record = ExportRecord.fromFacts(facts);
        assertThat(record.server().tls()).isNotNull();
        assertThat(record.server().tls().selfSigned()).isTrue();
        assertThat(record.server().tls().alpn()).containsExactly("h2");
        var client = record.clients().get(0).setup().tls();
        assertThat(client).isNotNull();
        assertThat(client.serverName()).isEqualTo("localhost");
        assertThat(client.verify()).isTrue();
        assertThat(client.alpn()).containsExactly("h2");
        assertThat(PythonExport.client(record)).contains("import ssl").contains("wrap_socket(")
                .contains("server_hostname='localhost'");
        assertThat(PythonExport.server(record)).contains("server_ctx.load_cert_chain(");

        ExportRecord plain = ExportRecord.fromFacts(facts.stream().filter(f -> f.type() != Fact.Type.TLS).toList());
        assertThat(plain.server().tls()).isNull();
        assertThat(plain.clients().get(0).setup().tls()).isNull();
    }
}
