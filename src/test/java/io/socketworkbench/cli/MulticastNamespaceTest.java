package io.socketworkbench.cli;

import io.socketworkbench.session.ClientLab;
import io.socketworkbench.session.ClientSetup;
import io.socketworkbench.session.ServerSetup;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcast and multicast (issue 29), in a private network namespace each test makes ({@code unshare -rn}, with
 * loopback up, multicast on and a route for 224.0.0.0/4 on it), so that nothing leaves the machine. The command
 * line runs in its own JVM inside the namespace; Python is the other side. Where no namespace can be made here,
 * the tests are skipped and say why.
 */
class MulticastNamespaceTest {
    /**
     * Job control on ({@code set -m}): each background job is a process group of its own, so {@code kill %1} ends the
     * Java program the {@code sw} function started, not only the subshell around it (which left servers running
     * after the tests, two a run); and whatever a script leaves running is ended when it exits.
     */
    private static final String SETUP = "set -m; trap 'for job in $(jobs -p); do kill -- -$job 2>/dev/null; done' EXIT\n"
            + "ip link set lo up multicast on && ip route add 224.0.0.0/4 dev lo && "
            + "sw() { \"$JAVA\" --module-path \"$MODULES\" -m io.socketworkbench/io.socketworkbench.app.Launcher "
            + "\"$@\"; }\n"
            + "await() { for i in $(seq 100); do grep -q \"$1\" \"$2\" 2>/dev/null && return 0; sleep 0.1; done; "
            + "return 1; }\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void namespaces() throws Exception {
        String why;
        try {
            Process probe = new ProcessBuilder("unshare", "-rn", "sh", "-c",
                    "ip link set lo up multicast on && ip route add 224.0.0.0/4 dev lo").redirectErrorStream(true).start();
            why = new String(probe.getInputStream().readAllBytes(), UTF_8).strip();
            if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            why = e.getMessage();
        }
        Assumptions.abort("no private network namespace can be made here (unshare -rn, ip): " + why);
    }

    /** Runs {@code script} in a new namespace with {@code sw} (our command line) and {@code await}; its output. */
    private String inNamespace(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("unshare", "-rn", "bash", "-c", SETUP + script);
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("MODULES", System.getProperty("jdk.module.path"));
        builder.environment().put("DIR", dir.toString());
        builder.directory(dir.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        return output;
    }

    @Test
    void aServerJoinedToAGroupHearsPythonsSenderAndOurClient() throws Exception {
        String output = inNamespace("""
                sw server --udp --join 239.255.0.1 --port 37781 --echo > out 2> err &
                await 'Listening on' err || { cat err; exit 1; }
                python3 -c "
                import socket
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton('127.0.0.1'))
                s.settimeout(5)
                s.sendto(b'from python\\n', ('239.255.0.1', 37781))
                print('python heard', s.recvfrom(100)[0])"
                sw client --udp --ttl 2 --iface 127.0.0.1 239.255.0.1 37781 --send 'from our client\\n' --timeout 1
                echo "client exit $?"
                await 'from our client' out
                kill %1; wait
                echo '--- out'; cat out; echo '--- err'; cat err
                """);
        assertThat(output).contains("python heard b'from python\\n'", "from our client\nclient exit 0");
        assertThat(output.substring(output.indexOf("--- out"))).contains("from python\nfrom our client\n");
        assertThat(output).contains("Listening on 239.255.0.1:37781\nJoined 239.255.0.1 on lo")
                .containsPattern("Datagrams from 127\\.0\\.0\\.1:\\d+ to group 239\\.255\\.0\\.1");
    }

    @Test
    void aBroadcastReachesPythonWithTheFlagAndFailsAsPythonsDoesWithout() throws Exception {
        String output = inNamespace("""
                python3 -c "
                import socket
                b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                b.bind(('0.0.0.0', 37782))
                open('ready', 'w').close()
                b.settimeout(10)
                print('python received', b.recvfrom(100)[0], flush=True)" > heard &
                for i in $(seq 100); do [ -e ready ] && break; sleep 0.1; done
                sw client --udp --broadcast 127.255.255.255 37782 --send 'to everyone' --timeout 0.5
                echo "with --broadcast: exit $?"
                wait
                cat heard
                sw --explain client --udp 127.255.255.255 37782 --send 'to everyone' --timeout 0.5
                echo "without: exit $?"
                """);
        assertThat(output).contains("with --broadcast: exit 0", "python received b'to everyone'");
        assertThat(output).contains("PermissionError: [Errno 13] Permission denied\n"
                + "Sending to a broadcast address needs SO_BROADCAST", "without: exit 1");
    }

    @Test
    void usageErrorsForAGroupThatIsNotOneABadInterfaceAndATtlOutOfRange() throws Exception {
        String output = inNamespace("""
                sw server --udp --join 10.0.0.1; echo "exit $?"
                sw server --udp --join 239.1.1.1 --iface eth9; echo "exit $?"
                sw server --join 239.1.1.1; echo "exit $?"
                sw client --udp --ttl 256 239.1.1.1 5000 --send x; echo "exit $?"
                """);
        assertThat(output).contains("Invalid value for option '--join': '10.0.0.1' is not a multicast address",
                "Invalid value for option '--iface': no interface is named or has the address 'eth9'",
                "--join and --iface need --udp", "Invalid value for option '--ttl': '256' is not from 0 to 255");
        assertThat(output.lines().filter(l -> l.startsWith("exit ")).toList()).containsOnly("exit 2");
    }

    @Test
    void anIpv6GroupOnLoopbackWhereTheKernelDeliversIt() throws Exception {
        String probe = inNamespace("""
                ip -6 route add multicast ff00::/8 dev lo table local 2>/dev/null
                python3 -c "
                import socket, struct
                i = socket.if_nametoindex('lo')
                r = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); r.bind(('::', 37783))
                r.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP,
                             socket.inet_pton(socket.AF_INET6, 'ff02::1:2') + struct.pack('@I', i))
                r.settimeout(1)
                s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, i)
                s.sendto(b'six', ('ff02::1:2', 37783, 0, i))
                print('delivered', r.recvfrom(10)[0])" 2>&1
                """);
        Assumptions.assumeTrue(probe.contains("delivered b'six'"),
                "this kernel does not deliver IPv6 multicast on loopback, even to Python: " + probe.strip());
        String output = inNamespace("""
                ip -6 route add multicast ff00::/8 dev lo table local 2>/dev/null
                sw server --udp --join ff02::1:2 --iface lo --port 37783 > out 2> err &
                await 'Listening on' err || { cat err; exit 1; }
                python3 -c "
                import socket
                i = socket.if_nametoindex('lo')
                s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, i)
                s.sendto(b'six\\n', ('ff02::1:2', 37783, 0, i))"
                await six out
                kill %1; wait; cat err out
                """);
        assertThat(output).contains("Listening on [ff02::1:2]:37783", "six");
    }

    /**
     * A multicast session as the window records it (a server joined to 239.255.0.1 that echoes, a client that sends
     * to the group with a TTL from 127.0.0.1), exported as Python: each script does what its side did, against the
     * app's command line.
     */
    @Test
    void theExportedScriptsOfAMulticastSessionRunAgainstTheApp() throws Exception {
        io.socketworkbench.lesson.Lesson lesson = new io.socketworkbench.lesson.Lesson();
        byte[] line = "hello group\n".getBytes(UTF_8);
        java.net.InetSocketAddress group = new java.net.InetSocketAddress("239.255.0.1", 37781);
        java.net.InetSocketAddress client = new java.net.InetSocketAddress("127.0.0.1", 50002);
        java.net.InetSocketAddress server = new java.net.InetSocketAddress("127.0.0.1", 37781);
        lesson.serverListening(new ServerSetup(io.socketworkbench.engine.Address.inet("239.255.0.1", 37781), true,
                io.socketworkbench.session.ReplyMode.ECHO, null, 1024,
                        io.socketworkbench.engine.SocketOptionsSpec.DEFAULTS,
                                io.socketworkbench.engine.Multicast.join("239.255.0.1", "127.0.0.1"), null), group);
        lesson.clientOpening(new ClientSetup(io.socketworkbench.engine.Address.inet("239.255.0.1", 37781), true,
                io.socketworkbench.engine.SocketOptionsSpec.DEFAULTS, new ClientLab(false, 5.0, false, 1024, false),
                        null, new io.socketworkbench.engine.Multicast(null, "127.0.0.1", 2, null)));
        lesson.clientBound(client);
        lesson.sentDatagram(io.socketworkbench.lesson.Lesson.Side.CLIENT, line,
                io.socketworkbench.engine.Address.inet("239.255.0.1", 37781));
        lesson.receivedDatagram(io.socketworkbench.lesson.Lesson.Side.SERVER, line, client, 65535, 0);
        lesson.sentDatagram(io.socketworkbench.lesson.Lesson.Side.SERVER, line, client);
        lesson.receivedDatagram(io.socketworkbench.lesson.Lesson.Side.CLIENT, line, server, 65535, 0);
        String serverPy = io.socketworkbench.lesson.PythonExport.server(lesson.exportRecord());
        String clientPy = io.socketworkbench.lesson.PythonExport.client(lesson.exportRecord());
        assertThat(serverPy).contains("import struct",
                "mreq = struct.pack('4s4s', socket.inet_aton('239.255.0.1'), socket.inet_aton('127.0.0.1'))",
                "s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)", "s.bind(('239.255.0.1', 37781))");
        assertThat(clientPy).contains("c.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)",
                "c.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton('127.0.0.1'))");
        Files.writeString(dir.resolve("server.py"), serverPy);
        Files.writeString(dir.resolve("client.py"), clientPy);
        assertThat(lesson.group()).isTrue();

        String output = inNamespace("""
                python3 -u server.py > py-server.out 2>&1 &
                sleep 0.5
                sw client --udp --iface 127.0.0.1 239.255.0.1 37781 --send 'from the app\n' --timeout 2
                echo "app client exit $?"
                kill %1; wait
                echo '--- exported server printed'; cat py-server.out
                sw server --udp --join 239.255.0.1 --iface 127.0.0.1 --port 37781 --echo > out 2> err &
                await 'Listening on' err || { cat err; exit 1; }
                timeout 10 python3 client.py
                echo "exported client exit $?"
                kill %1; wait
                """);
        assertThat(output).contains("from the app\napp client exit 0");
        assertThat(output).contains("--- exported server printed\nb'from the app\\n' from ('127.0.0.1',");
        assertThat(output).contains("b'hello group\\n' from ('127.0.0.1', 37781)", "exported client exit 0");
    }

    /** The multicast-receiver exercise: a program that joins the group passes, one that only binds the port fails. */
    @Test
    void theMulticastReceiverExercisePassesAMemberAndExplainsAMissingJoin() throws Exception {
        Path programs = ExerciseCliTest.PROGRAMS.resolve("multicast-receiver");
        String output = inNamespace("""
                sw exercise multicast-receiver --timeout 3 -- python3 "$PROGRAMS/good.py" 37781
                echo "good: exit $?"
                sw exercise multicast-receiver --timeout 3 -- python3 "$PROGRAMS/no_join.py" 37781
                echo "no_join: exit $?"
                sw exercise multicast-receiver --timeout 3 -- python3 "$PROGRAMS/only_one.py" 37781
                echo "only_one: exit $?"
                """.replace("$PROGRAMS", programs.toString()));
        assertThat(output).containsPattern("PASS Your program receives what is sent to the group 239\\.255\\.0\\.1:37781: "
                + "hello, group \\d{6} #1\\nPASS Your program goes on receiving: 3 datagrams in a row: all 3 printed\\n"
                + "(?s:.*)good: exit 0");
        assertThat(output).contains("FAIL Your program receives what is sent to the group 239.255.0.1:37781: it printed "
                + "nothing. Hint: Bind the group's port, join the group before recvfrom()", "no_join: exit 1");
        assertThat(output).contains("FAIL Your program goes on receiving: 3 datagrams in a row: it printed 1, then "
                + "nothing more within 2 s. Hint: Receive in a loop", "only_one: exit 1");
    }
}
