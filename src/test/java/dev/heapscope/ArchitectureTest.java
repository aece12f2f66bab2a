package dev.heapscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of docs/ARCHITECTURE.md, checked on every build. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.heapscope");
    }

    @Test
    void onlyTheUiTouchesJavaFxOrControlsFx() {
        noClasses().that().resideOutsideOfPackage("dev.heapscope.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void onlyTheSerialTransportTouchesJSerialComm() {
        noClasses().that().resideOutsideOfPackage("dev.heapscope.transport.serial..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void onlyTheSimulatorTouchesLuaJ() {
        noClasses().that().resideOutsideOfPackage("dev.heapscope.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("org.luaj..")
                .allowEmptyShould(true)
                .check(production);
    }

    @Test
    void theModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("dev.heapscope.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.heapscope.parse..", "dev.heapscope.analysis..", "dev.heapscope.symbols..",
                        "dev.heapscope.transport..", "dev.heapscope.console..", "dev.heapscope.session..",
                        "dev.heapscope.sim..", "dev.heapscope.export..", "dev.heapscope.cli..", "dev.heapscope.ui..")
                .check(production);
    }

    @Test
    void parsingAnalysisAndSymbolsNeverReachUpwards() {
        noClasses().that().resideInAnyPackage("dev.heapscope.parse..", "dev.heapscope.analysis..",
                        "dev.heapscope.symbols..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.heapscope.session..",
                        "dev.heapscope.export..", "dev.heapscope.cli..", "dev.heapscope.ui..")
                .check(production);
    }

    @Test
    void onlyTheCliWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackages("dev.heapscope.cli..", "dev.heapscope.ui..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(production);
    }
}
