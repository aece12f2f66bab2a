package dev.heapscope;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surefire runs only classes named {@code *Test}: a class of tests named otherwise compiles and is silently
 * never run (four property suites were, once). Every file with tests must be named so it runs.
 */
class EveryTestRunsTest {
    private static final Pattern HAS_TESTS = Pattern.compile("@(Test|Property|ParameterizedTest|RepeatedTest|Example)\\b");

    @Test
    void everyClassWithTestsIsNamedSoSurefireRunsIt() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            List<Path> unnamed = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().endsWith("Test.java"))
                    .filter(file -> HAS_TESTS.matcher(read(file)).find())
                    // benchmarks are run by name on purpose (docs/PERFORMANCE.md), never in the normal build
                    .filter(file -> !read(file).contains("@Tag(\"slow-bench\")")).toList();
            assertThat(unnamed).isEmpty();
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
