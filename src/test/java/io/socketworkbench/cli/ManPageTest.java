package io.socketworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man page the .deb installs: made from the command line's own model, so it lists what --help lists. */
class ManPageTest {
    private final String page = ManPage.render();

    @Test
    void everyCommandAndEveryOptionOfTheHelpIsOnThePage() {
        CommandLine tree = Cli.tree(new Cli.Root(), new Streams(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream())));
        assertThat(tree.getSubcommands()).containsOnlyKeys("server", "client", "relay", "exercise", "export");
        for (CommandLine sub : tree.getSubcommands().values()) {
            assertThat(page).contains(".SS \"socket\\-workbench " + sub.getCommandName() + "\"");
            for (OptionSpec option : sub.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(page).as(sub.getCommandName() + " " + option.longestName())
                            .contains("\\fB" + ManPage.escape(String.join(", ", option.names())));
                }
            }
        }
        // Descriptions as --help renders them: the default filled in, no picocli variable left over.
        assertThat(page).contains("(default: 37777)").doesNotContain("${").doesNotContain("%n");
        assertThat(page).contains("socket\\-workbench client 127.0.0.1 37777");
        assertThat(page).contains(".SH \"EXIT STATUS\"");
    }

    @Test
    void troffSeesNoStrayRequests() {
        assertThat(page).startsWith(".TH \"SOCKET\\-WORKBENCH\" \"1\"");
        List<String> macros = List.of(".TH", ".SH", ".SS", ".TP", ".PP", ".RS", ".RE", ".nf", ".fi", ".B", ".in",
                ".ti", ".nh", ".ad");
        for (String line : page.split("\n")) {
            if (line.startsWith(".") || line.startsWith("'")) {
                assertThat(macros).as(line).contains(line.split(" ", 2)[0]);
            }
        }
        assertThat(ManPage.escape(".start")).isEqualTo("\\&.start");
        assertThat(ManPage.escape("a\\r-b")).isEqualTo("a\\er\\-b");
    }

    /** Where groff is installed (the CI machine has it through man-db), it formats the page without a warning. */
    @Test
    void groffFormatsItWithoutWarnings(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        Path file = dir.resolve("socket-workbench.1");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        Process groff = new ProcessBuilder("groff", "-man", "-Tutf8", "-K", "utf-8", "-ww", "-z", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(groff.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(groff.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        assertThat(groff.exitValue()).isZero();
    }
}
