package dev.heapscope.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher in a JVM of its own, as a user starts it: the environment decides, not this test JVM's
 * headless settings. (PackagedJarTest does the same with {@code java -jar} on the built jar.)
 */
@Timeout(120)
class HeapScopeProcessTest {

    /** The exit code, standard output and standard error of a child JVM. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome launch(List<String> javaCommand, Map<String, String> display, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(display);
        Process child = builder.start();
        child.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(child.getErrorStream()));
        byte[] out = child.getInputStream().readAllBytes();
        if (!child.waitFor(90, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the launcher did not exit: " + command);
        }
        return new Outcome(child.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> fromClassPath() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Dheapscope.home=" + System.getProperty("heapscope.home", "target/test-home"),
                "-cp", System.getProperty("java.class.path"), HeapScope.class.getName());
    }

    @Test
    void withoutADisplayNoArgumentsPrintTheFullHelp() throws Exception {
        Outcome outcome = launch(fromClassPath(), Map.of());
        assertThat(outcome.code()).isZero();
        assertThat(outcome.out()).contains("Usage: heapscope", "heapscope gui", "Commands:", "Exit codes:");
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void guiWithoutADisplayIsOneClearLine() throws Exception {
        Outcome outcome = launch(fromClassPath(), Map.of(), "gui");
        assertThat(outcome.code()).isEqualTo(4);
        assertThat(outcome.err().lines()).containsExactly("heapscope: no display to open the window on "
                + "(DISPLAY and WAYLAND_DISPLAY are not set); the commands work without one: heapscope --help");
        assertThat(outcome.out()).isEmpty();
    }

    /** JavaFX really starts here and fails: its warnings and stack trace must not reach the user. */
    @Test
    void aDisplayThatDoesNotAnswerIsOneClearLineWithTheDetailsInAFile() throws Exception {
        Outcome outcome = launch(fromClassPath(), Map.of("DISPLAY", ":59"), "gui");
        assertThat(outcome.code()).isEqualTo(4);
        assertThat(outcome.err().lines()).hasSize(1).first().asString()
                .startsWith("heapscope: the window cannot open: no display answers at DISPLAY=:59 (details: ")
                .doesNotContain("Exception", "java.");
        String details = outcome.err().replaceFirst("(?s).*\\(details: (.*)\\)\\s*$", "$1");
        assertThat(Path.of(details)).content().contains("Unable to open DISPLAY");
        java.nio.file.Files.deleteIfExists(Path.of(details));
    }
}
