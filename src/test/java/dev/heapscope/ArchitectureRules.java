package dev.heapscope;

import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of docs/ARCHITECTURE.md as ArchUnit rules. {@link ArchitectureTest} checks them on the
 * production classes; {@link ArchitectureRulesCatchViolationsTest} shows each one failing on a deliberate
 * violation, so none of them can pass vacuously.
 */
final class ArchitectureRules {
    private static final String OURS = "dev.heapscope.";

    private ArchitectureRules() {
    }

    /** The "may use" column of the package table, one layer per row. */
    static final Architectures.LayeredArchitecture LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("model").definedBy(OURS + "model..")
            .layer("parse").definedBy(OURS + "parse..")
            .layer("symbols").definedBy(OURS + "symbols..")
            .layer("analysis").definedBy(OURS + "analysis..")
            .layer("transport").definedBy(OURS + "transport..")
            .layer("console").definedBy(OURS + "console..")
            .layer("sim").definedBy(OURS + "sim..")
            .layer("session").definedBy(OURS + "session..")
            .layer("export").definedBy(OURS + "export..")
            .layer("cli").definedBy(OURS + "cli..")
            .layer("ui").definedBy(OURS + "ui..")
            .layer("launch").definedBy(OURS + "launch..")
            .whereLayer("model").mayNotAccessAnyLayer()
            .whereLayer("parse").mayOnlyAccessLayers("model")
            .whereLayer("symbols").mayOnlyAccessLayers("model")
            .whereLayer("analysis").mayOnlyAccessLayers("model", "symbols")
            .whereLayer("transport").mayOnlyAccessLayers("model")
            .whereLayer("console").mayOnlyAccessLayers("model", "parse", "transport")
            .whereLayer("sim").mayOnlyAccessLayers("model", "symbols", "transport")
            .whereLayer("session").mayOnlyAccessLayers("model", "parse", "symbols", "transport", "console", "sim")
            .whereLayer("export").mayOnlyAccessLayers("model", "parse", "symbols", "analysis")
            .whereLayer("cli").mayOnlyAccessLayers("model", "parse", "symbols", "analysis", "transport", "console",
                    "sim", "session", "export")
            .whereLayer("ui").mayOnlyAccessLayers("model", "parse", "symbols", "analysis", "transport", "console",
                    "sim", "session", "export")
            // the jar's main class: the one place that knows both the command line and the window
            .whereLayer("launch").mayOnlyAccessLayers("cli", "ui")
            .whereLayer("launch").mayNotBeAccessedByAnyLayer();

    /** Every package, sub-packages included, is its own slice: no two may depend on each other. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.heapscope.(**)").should().beFreeOfCycles();

    static final ArchRule CLI_NEVER_USES_UI = noClasses().that().resideInAPackage(OURS + "cli..")
            .should().dependOnClassesThat().resideInAPackage(OURS + "ui..");

    static final ArchRule ONLY_UI_USES_JAVAFX = noClasses().that().resideOutsideOfPackage(OURS + "ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    static final ArchRule ONLY_SERIAL_TRANSPORT_USES_JSERIALCOMM = noClasses()
            .that().resideOutsideOfPackage(OURS + "transport.serial..")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..");

    static final ArchRule ONLY_PTY_TRANSPORT_USES_JNA = noClasses()
            .that().resideOutsideOfPackage(OURS + "transport.pty..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..");

    static final ArchRule ONLY_SIM_USES_LUAJ = noClasses().that().resideOutsideOfPackage(OURS + "sim..")
            .should().dependOnClassesThat().resideInAPackage("org.luaj..");

    /** JSON is written by the exporters, saved sessions and the CLI's reports; nothing else needs Jackson. */
    static final ArchRule JACKSON_ONLY_IN_EXPORT_SESSION_AND_CLI = noClasses()
            .that().resideOutsideOfPackages(OURS + "export..", OURS + "session..", OURS + "cli..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..");

    /** The launcher too: it holds JavaFX's start-up output back from the user. */
    static final ArchRule ONLY_CLI_AND_UI_PRINT = noClasses()
            .that().resideOutsideOfPackages(OURS + "cli..", OURS + "ui..", OURS + "launch..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
