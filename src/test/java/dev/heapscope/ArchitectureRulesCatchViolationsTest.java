package dev.heapscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each architecture rule, run over a few deliberately wrong classes (the {@code ArchFixture*} classes of the
 * test sources, in the packages they violate), must fail and name the violation: a rule that cannot fail
 * protects nothing.
 */
class ArchitectureRulesCatchViolationsTest {

    private static JavaClasses fixture(String... names) {
        return new ClassFileImporter().importClasses(load(names));
    }

    private static Class<?>[] load(String... names) {
        Class<?>[] classes = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            try {
                classes[i] = Class.forName("dev.heapscope." + names[i], false,
                        ArchitectureRulesCatchViolationsTest.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return classes;
    }

    private static void fails(ArchRule rule, JavaClasses classes, String naming) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class).hasMessageContaining(naming);
    }

    @Test
    void theLayersCatchTheModelReachingUp() {
        assertThatThrownBy(() -> ArchitectureRules.LAYERS.check(fixture("model.ArchFixtureModelUsesSession",
                "session.DataDirectory"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ArchFixtureModelUsesSession").hasMessageContaining("DataDirectory");
    }

    @Test
    void theLayersCatchTheCliReachingUpToTheLauncher() {
        assertThatThrownBy(() -> ArchitectureRules.LAYERS.check(fixture("cli.ArchFixtureCliUsesLaunch",
                "launch.HeapScope"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ArchFixtureCliUsesLaunch").hasMessageContaining("HeapScope");
    }

    @Test
    void theCycleRuleCatchesACycle() {
        // the real parse → model dependencies, plus one fixture in model that uses the parser
        JavaClasses modelAndParse = new ClassFileImporter().importPackages("dev.heapscope.model", "dev.heapscope.parse");
        fails(ArchitectureRules.NO_PACKAGE_CYCLES, modelAndParse, "ArchFixtureModelUsesParse");
    }

    @Test
    void theCliMayNotUseTheUi() {
        fails(ArchitectureRules.CLI_NEVER_USES_UI, fixture("cli.ArchFixtureCliUsesUi", "ui.common.Theme"), "Theme");
    }

    @Test
    void eachLibraryRuleCatchesItsLibraryOutsideItsPackage() {
        JavaClasses wrong = fixture("analysis.ArchFixtureLibraries");
        fails(ArchitectureRules.ONLY_UI_USES_JAVAFX, wrong, "javafx.scene.paint.Color");
        fails(ArchitectureRules.ONLY_SERIAL_TRANSPORT_USES_JSERIALCOMM, wrong, "com.fazecast.jSerialComm.SerialPort");
        fails(ArchitectureRules.ONLY_PTY_TRANSPORT_USES_JNA, wrong, "com.sun.jna.Pointer");
        fails(ArchitectureRules.ONLY_SIM_USES_LUAJ, wrong, "org.luaj.vm2.LuaValue");
        fails(ArchitectureRules.JACKSON_ONLY_IN_EXPORT_SESSION_AND_CLI, wrong, "ObjectMapper");
        fails(ArchitectureRules.ONLY_CLI_AND_UI_PRINT, wrong, "System.out");
    }
}
