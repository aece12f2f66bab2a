package dev.heapscope;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The package rules of docs/ARCHITECTURE.md, checked on every build over the production classes. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.heapscope");
    }

    @Test
    void eachPackageUsesOnlyWhatTheTableAllows() {
        ArchitectureRules.LAYERS.check(production);
    }

    @Test
    void noPackageCycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void theCliNeverUsesTheUi() {
        ArchitectureRules.CLI_NEVER_USES_UI.check(production);
    }

    @Test
    void eachLibraryStaysInItsPackage() {
        ArchitectureRules.ONLY_UI_USES_JAVAFX.check(production);
        ArchitectureRules.ONLY_SERIAL_TRANSPORT_USES_JSERIALCOMM.check(production);
        ArchitectureRules.ONLY_PTY_TRANSPORT_USES_JNA.check(production);
        ArchitectureRules.ONLY_SIM_USES_LUAJ.check(production);
        ArchitectureRules.JACKSON_ONLY_IN_EXPORT_SESSION_AND_CLI.check(production);
    }

    @Test
    void onlyTheCliAndTheUiWriteToStandardOutput() {
        ArchitectureRules.ONLY_CLI_AND_UI_PRINT.check(production);
    }

    /** One place resolves where HeapScope keeps its files, so tests and embedders can move it. */
    @Test
    void onlyDataDirectoryReadsTheUsersHome() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> readers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains("\"user.home\"")).map(sources::relativize).toList();
            assertThat(readers).containsExactly(Path.of("dev/heapscope/session/DataDirectory.java"));
        }
    }

    /** The house rule of docs/ARCHITECTURE.md: small files a newcomer can read. */
    @Test
    void noProductionFileIsOver300Lines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> long_ = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).lines().count() > 300)
                    .map(file -> file + " (" + read(file).lines().count() + " lines)").toList();
            assertThat(long_).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
