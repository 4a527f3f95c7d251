package io.socketworkbench.lesson.exercise;

import io.socketworkbench.engine.Address;
import io.socketworkbench.lesson.Texts;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The tutorial's tasks, each checked against a student's own program: the app plays the other side. The texts
 * (title, statement, checks and hints) are in lesson/texts*.properties under {@code exercise.NAME.*}.
 */
public enum Exercise {
    HOMEWORK_CLIENT(false, 37777),
    HOMEWORK_SERVER(true, 37777),
    ECHO_SERVER(true, 37778),
    UDP_ECHO(true, 37779),
    UNIX_ECHO(true, 0),
    TIMEOUT_CLIENT(false, 37780),
    CHAT_CLIENT(false, 37783),
    MULTICAST_RECEIVER(true, 37781),
    TLS_CLIENT(false, 37782);

    /** The AF_UNIX exercise's socket file. */
    public static final Path UNIX_PATH = Path.of("/tmp/socket-workbench-echo.sock");
    /** The multicast exercise's group: administratively scoped, it never leaves the site. */
    public static final String GROUP = "239.255.0.1";

    /** The chat exercise: the longest name line the app reads, in bytes. */
    public static final int LONGEST_NAME = 256;

    private final boolean studentListens;
    private final int port;

    Exercise(boolean studentListens, int port) {
        this.studentListens = studentListens;
        this.port = port;
    }

    /** The name the command line takes: {@code homework-client}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when the student writes the server and the app connects to it; false when the app serves. */
    public boolean studentListens() {
        return studentListens;
    }

    public boolean udp() {
        return this == UDP_ECHO || this == MULTICAST_RECEIVER;
    }

    /** Where the exercise runs unless told otherwise. */
    public Address defaultAddress() {
        if (this == MULTICAST_RECEIVER) {
            return Address.inet(GROUP, port);
        }
        return this == UNIX_ECHO ? Address.unix(UNIX_PATH) : Address.inet("127.0.0.1", port);
    }

    public String title() {
        return Texts.t("exercise." + id() + ".title");
    }

    /** What to write, for a beginner who has read the tutorial; {@code at} is where it runs. */
    public String statement(Address at) {
        return Texts.t("exercise." + id() + ".statement", Address.format(at), certificate());
    }

    /** What the app will do while it checks. */
    public String plays(Address at) {
        return Texts.t("exercise." + id() + ".plays", Address.format(at), certificate());
    }

    /**
     * The certificate a TLS exercise's client loads as its CA: this machine's self-signed one, made now if it is
     * not there yet so that the path the statement gives exists. Null for the other exercises.
     */
    public java.nio.file.Path certificate() {
        if (this != TLS_CLIENT) {
            return null;
        }
        java.nio.file.Path folder = io.socketworkbench.session.ConfigFolder.tls();
        try {
            io.socketworkbench.tls.Certificates.selfSigned(folder);
        } catch (io.socketworkbench.tls.TlsFileException e) {
            // the check says why when it starts its server
        }
        return folder.resolve("localhost-cert.pem");
    }

    /** What the chat exercise's server answers a client that sent {@code name} (as the window and the board). */
    public static byte[] chatAnswer(String name) {
        return ("Hello, " + name + "!\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** By the command line's name, or null. */
    public static Exercise byId(String id) {
        for (Exercise exercise : values()) {
            if (exercise.id().equals(id)) {
                return exercise;
            }
        }
        return null;
    }
}
