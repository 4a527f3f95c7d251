package io.socketworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketworkbench.codec.PayloadFormat;
import io.socketworkbench.codec.PayloadSyntaxException;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.ui.common.EndpointForm;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** English and 简体中文 stay in step: the same keys, every key used, no key missing. */
class LocalizationConsistencyTest {
    private static final Path BASE = Path.of(System.getProperty("project.basedir", "."));
    private static final Path BUNDLES = BASE.resolve("resources/io/socketworkbench/ui/i18n");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9-]+)+)\"");

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p.stringPropertyNames();
    }

    /** Keys made at run time from enum values, such as {@code "error." + kind.key()}. */
    private static Set<String> builtKeys() {
        Set<String> keys = new HashSet<>();
        for (ErrorKind kind : ErrorKind.values()) {
            keys.add("error." + kind.key());
        }
        for (PayloadSyntaxException.Problem problem : PayloadSyntaxException.Problem.values()) {
            keys.add("syntax." + problem.name());
        }
        for (PayloadFormat format : PayloadFormat.values()) {
            keys.add("transcript.mode." + format.name().toLowerCase(Locale.ROOT));
            keys.add("input.format." + format.name().toLowerCase(Locale.ROOT));
        }
        for (io.socketworkbench.lesson.LessonStep step : io.socketworkbench.lesson.LessonStep.values()) {
            keys.add("lesson.step." + step.key());
            keys.add("lesson.short." + step.key());
        }
        for (io.socketworkbench.lesson.SequenceDiagram.Role role : io.socketworkbench.lesson.SequenceDiagram.Role.values()) {
            keys.add("seq.role." + role.name().toLowerCase(Locale.ROOT));
        }
        // QuickStore.skippedLines: why a line of a quick-messages file was skipped (QuickList.read).
        for (String why : List.of("fields", "format", "delay")) {
            keys.add("quick.skip." + why);
        }
        for (io.socketworkbench.tls.TlsFileException.Reason reason
                : io.socketworkbench.tls.TlsFileException.Reason.values()) {
            keys.add("tls.file." + reason.key());
        }
        for (io.socketworkbench.session.ServerTlsChoice.ClientAuth mode : io.socketworkbench.session.ServerTlsChoice.ClientAuth.values()) {
            keys.add("tls.clientAuth." + mode.name().toLowerCase(Locale.ROOT));
        }
        // MainWindow.badWorkspace: what is wrong with a workspace file, and the kinds of value it names.
        for (io.socketworkbench.session.WorkspaceFile.Problem problem
                : io.socketworkbench.session.WorkspaceFile.Problem.values()) {
            keys.add("workspace.problem." + problem.key());
        }
        for (String kind : List.of("string", "number", "boolean", "null", "list", "object", "other")) {
            keys.add("workspace.kind." + kind);
        }
        for (io.socketworkbench.ui.model.ClassBoard.Kind kind : io.socketworkbench.ui.model.ClassBoard.Kind.values()) {
            keys.add("class.note." + kind.id());
            kind.checks().forEach(check -> keys.add("class.check." + check));
        }
        for (io.socketworkbench.session.ReplyRule.Flaw flaw : io.socketworkbench.session.ReplyRule.Flaw.values()) {
            keys.add("workspace.rule." + flaw.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        // MainWindow.chooseSessionExport: what the session is written as.
        for (String kind : List.of("recording", "pytest", "pcapng")) {
            keys.add("session." + kind);
            keys.add("session.files." + kind);
        }
        for (io.socketworkbench.engine.CheckedCertificate.Flaw flaw
                : io.socketworkbench.engine.CheckedCertificate.Flaw.values()) {
            keys.add("tls.flaw." + flaw.name().toLowerCase(Locale.ROOT));
        }
        for (io.socketworkbench.ui.model.Protocol protocol : io.socketworkbench.ui.model.Protocol.values()) {
            keys.add("protocol." + protocol.name().toLowerCase(Locale.ROOT));
        }
        for (io.socketworkbench.session.ReplyRule.Match match : io.socketworkbench.session.ReplyRule.Match.values()) {
            keys.add("rules.match." + match.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        for (io.socketworkbench.session.ReplyRule.Reply reply : io.socketworkbench.session.ReplyRule.Reply.values()) {
            keys.add("rules.reply." + reply.name().toLowerCase(Locale.ROOT));
        }
        for (io.socketworkbench.ui.common.FramingPicker.Choice choice
                : io.socketworkbench.ui.common.FramingPicker.Choice.values()) {
            keys.add("frame." + choice.key());
            if (choice.takesParameter()) {
                keys.add("frame.param." + choice.key());
            }
        }
        return keys;
    }

    private static Set<String> keysInCode(Set<String> known) throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(BASE.resolve("src/main/java/io/socketworkbench"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).matches(".*\\.(txt|css|properties|sock|py|png)")) {
                        continue;
                    }
                    if (known.contains(m.group(1)) || m.group(1).matches("(app|menu|server|client|log|event|"
                            + "transcript|input|port|host|status|language|about|lesson|dialog|options|lab|seq|export|mirror)\\..*")) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return used;
    }

    /** A key given twice is silently the last one: a label that overrides a sentence's part, say. */
    @Test
    void noBundleGivesAKeyTwice() throws IOException {
        List<Path> bundles = new java.util.ArrayList<>(List.of(BUNDLES.resolve("messages.properties"),
                BUNDLES.resolve("messages_zh_CN.properties")));
        Path texts = BASE.resolve("resources/io/socketworkbench/lesson");
        bundles.add(texts.resolve("texts.properties"));
        bundles.add(texts.resolve("texts_zh_CN.properties"));
        for (Path bundle : bundles) {
            Set<String> seen = new HashSet<>();
            List<String> twice = Files.readAllLines(bundle, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip()).filter(key -> !seen.add(key)).toList();
            assertThat(twice).as(bundle.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        assertThat(keys("messages_zh_CN.properties")).containsExactlyInAnyOrderElementsOf(keys("messages.properties"));
    }

    @Test
    void everyKeyTheCodeAsksForExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> used = keysInCode(english);
        used.addAll(builtKeys());
        assertThat(english).as("keys the code asks for").containsAll(used);
        assertThat(used).as("keys in the bundle that nothing uses").containsAll(english);
    }
}
