package dev.heapscope.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * target/heapscope, the launcher the package phase writes beside the jar (run by surefire's packaged-jars
 * execution, after package): it runs what {@code java -jar} runs, with the class-data-sharing archive
 * when there is one, and silently without it when the archive no longer fits the jar.
 */
@Timeout(120)
@DisabledOnOs(OS.WINDOWS) // a POSIX shell script
class PackagedLauncherTest {
    private static final Path DIR = Path.of(System.getProperty("heapscope.jar.dir", "target"));

    private static Map<String, String> env(String javaOptions) {
        return Map.of("JAVA_HOME", System.getProperty("java.home"), "HEAPSCOPE_JAVA_OPTIONS",
                "-Dheapscope.home=" + System.getProperty("heapscope.home", "target/test-home") + " " + javaOptions);
    }

    @Test
    void theLauncherRunsTheCommandLineAsTheJarDoes() throws Exception {
        Path launcher = DIR.resolve("heapscope");
        assertThat(Files.isExecutable(launcher)).as(launcher + " executable").isTrue();
        HeapScopeProcessTest.Outcome outcome = HeapScopeProcessTest.launch(List.of(launcher.toString()), env(""));
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).contains("heapscope gui", "Commands:", "analyze", "Exit codes:");
        assertThat(outcome.err()).isEmpty();
    }

    /** -Xshare:on makes the JVM fail rather than run without the archive: the build's archive fits the jar. */
    @Test
    void theBuildsArchiveFitsTheJar() throws Exception {
        assumeTrue(Files.exists(DIR.resolve("heapscope.jsa")), "the build made no archive (it warned why)");
        HeapScopeProcessTest.Outcome outcome = HeapScopeProcessTest.launch(List.of(DIR.resolve("heapscope").toString()),
                env("-Xshare:on"), "--version");
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).startsWith("HeapScope ");
    }

    /** Copied elsewhere, the archive names the old jar: the launcher still runs, without a word about it. */
    @Test
    void aLauncherMovedWithAStaleArchiveStillRunsQuietly(@TempDir Path elsewhere) throws Exception {
        assumeTrue(Files.exists(DIR.resolve("heapscope.jsa")), "the build made no archive (it warned why)");
        for (String file : List.of("heapscope", "heapscope.jar", "heapscope.jsa")) {
            Files.copy(DIR.resolve(file), elsewhere.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        elsewhere.resolve("heapscope.jar").toFile().setLastModified(System.currentTimeMillis() + 5_000);
        HeapScopeProcessTest.Outcome outcome = HeapScopeProcessTest.launch(
                List.of(elsewhere.resolve("heapscope").toString()), env(""), "--version");
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).startsWith("HeapScope ");
        assertThat(outcome.err()).isEmpty();
    }
}
