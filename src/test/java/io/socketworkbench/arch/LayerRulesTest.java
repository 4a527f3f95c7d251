package io.socketworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of src/doc/ARCHITECTURE.md, checked on the compiled main classes. */
class LayerRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        Path classes = Path.of(System.getProperty("project.basedir", "."), "target", "classes");
        main = new ClassFileImporter().importPath(classes);
    }

    @Test
    void onlyTheUiAndAppTouchJavaFx() {
        noClasses().that().resideInAnyPackage("io.socketworkbench.engine..", "io.socketworkbench.codec..",
                        "io.socketworkbench.lesson..", "io.socketworkbench.session..", "io.socketworkbench.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.socketworkbench.ui..",
                        "atlantafx..", "org.kordamp..")
                .check(main);
    }

    @Test
    void theEngineUsesJavaBaseAndNothingAboveIt() {
        classes().that().resideInAPackage("io.socketworkbench.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.socketworkbench.engine..", "java..",
                        "javax.net.ssl..")
                .check(main);
    }

    /** TLS's certificates and trust sit above the engine, on the JDK and Bouncy Castle, below every caller. */
    @Test
    void tlsUsesTheEngineTheJdkAndBouncyCastleOnly() {
        classes().that().resideInAPackage("io.socketworkbench.tls..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.socketworkbench.tls..",
                        "io.socketworkbench.engine..", "java..", "javax..", "org.bouncycastle..")
                .check(main);
    }

    /** One socket stack: every socket the app opens is an engine endpoint, on the engine's threads. */
    @Test
    void onlyTheEngineOpensSockets() {
        noClasses().that().resideOutsideOfPackage("io.socketworkbench.engine..")
                // A JSSE trust manager's interface names java.net.Socket in its signatures; it opens none.
                .and().doNotHaveFullyQualifiedName("io.socketworkbench.tls.Verifier")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.MulticastSocket")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.SocketChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.ServerSocketChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.DatagramChannel")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.channels.Selector")
                .check(main);
    }

    /** Below the window only the engine starts threads (timers, a stream's pump, a program's output readers). */
    @Test
    void onlyTheEngineAndTheBridgeStartThreads() {
        noClasses().that().resideOutsideOfPackages("io.socketworkbench.engine..", "io.socketworkbench.ui.fx..")
                .should().callMethod(Thread.class, "start")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat()
                        .haveFullyQualifiedName("java.util.concurrent.ScheduledThreadPoolExecutor")
                .check(main);
    }

    /** One bridge: in the window, only ui.fx reaches the FX thread (Platform) or makes threads. */
    @Test
    void inTheWindowOnlyTheBridgeStartsThreadsOrTouchesPlatform() {
        noClasses().that().resideInAPackage("io.socketworkbench.ui..")
                .and().resideOutsideOfPackage("io.socketworkbench.ui.fx..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .orShould().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                        .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("a Thread",
                                        owner -> owner.isAssignableTo(Thread.class)))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .check(main);
    }

    /**
     * Panes build controls and bind to view models: the window's view models own the engine's sockets and hear its
     * events, and a pane uses only the engine's values (addresses, socket options, multicast settings, errors and
     * the interfaces it offers to choose from).
     */
    @Test
    void panesUseTheEnginesValuesOnly() {
        java.util.List<String> values = java.util.List.of("Address", "SocketOptionsSpec", "Multicast", "SocketError",
                "ErrorKind", "Interfaces");
        noClasses().that().resideInAnyPackage("io.socketworkbench.ui.common..", "io.socketworkbench.ui.client..",
                        "io.socketworkbench.ui.server..", "io.socketworkbench.ui.relay..",
                        "io.socketworkbench.ui.exercise..", "io.socketworkbench.ui.lesson..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are the engine's sockets, events or threads", (com.tngtech.archunit.core.domain.JavaClass c) ->
                                c.getPackageName().startsWith("io.socketworkbench.engine")
                                        && values.stream().noneMatch(v -> c.getName().equals(
                                                "io.socketworkbench.engine." + v)
                                                || c.getName().startsWith("io.socketworkbench.engine." + v + "$"))))
                .check(main);
    }

    @Test
    void noCyclesBetweenPackages() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("io.socketworkbench.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void codecsAreIndependentOfSocketsAndUi() {
        classes().that().resideInAPackage("io.socketworkbench.codec..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.socketworkbench.codec..", "java..")
                .check(main);
    }

    @Test
    void onlyTheLauncherKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("io.socketworkbench.cli..")
                .and().doNotHaveFullyQualifiedName("io.socketworkbench.app.Launcher")
                .should().dependOnClassesThat().resideInAPackage("io.socketworkbench.cli..")
                .check(main);
    }

    /**
     * View models and what they build on live in ui.model, found by their package: tested without the toolkit, so
     * they must not need it, nor the bridge that runs on it (they post through its EventPort).
     */
    @Test
    void viewModelsDoNotTouchJavaFx() {
        noClasses().that().resideInAPackage("io.socketworkbench.ui.model..")
                .or().haveFullyQualifiedName("io.socketworkbench.ui.fx.EventPort")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.socketworkbench.ui.fx.FxBridge")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.socketworkbench.ui.common..",
                        "io.socketworkbench.ui.client..", "io.socketworkbench.ui.server..",
                        "io.socketworkbench.ui.relay..", "io.socketworkbench.ui.exercise..",
                        "io.socketworkbench.ui.lesson..")
                .check(main);
    }
}
