package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code export -f svg} against reviewed golden files (src/test/resources/golden/flame), byte for byte:
 * from a console log, from folded stacks with awkward names, and from a generated set of stacks deep and
 * wide enough that some frames are narrower than a pixel. {@code -Dflame.golden.update=true} rewrites
 * the files (review the diff before committing it).
 */
class FlameSvgGoldenTest {
    private static final String SESSION = CliRunner.log("shared/nodemcu-session-idf51.log");
    private static final boolean UPDATE = Boolean.getBoolean("flame.golden.update");

    @TempDir
    Path dir;

    @Test
    void aLogsLastCompleteDump() throws IOException {
        matches("session-last-dump.svg", CliRunner.run("export", SESSION, "--format", "svg"));
    }

    @Test
    void aLogsFirstDumpByCount() throws IOException {
        matches("session-dump1-count.svg", CliRunner.run("export", SESSION, "--format", "svg", "--dump", "1", "--count"));
    }

    @Test
    void foldedStacksWithAwkwardNames() throws IOException {
        Path folded = dir.resolve("awkward.folded");
        Files.writeString(folded, "# a comment\r\n"
                + "main;  app_main ;leak <b>&amp;\"x\" 208\r\n"
                + "main;app_main;leak <b>&amp;\"x\" 100\n"
                + "main;app_main\tidle 16\n"
                + "\n"
                + "main;#hash;déjà vu 30\n"
                + "main;app_main 7\n"
                + "main;app 0\n"
                + "main;app_main;a b 5\n"
                + "main;app_main;a;b 6\n"
                + "zeta;\uD83D\uDE00;x 9\n"
                + "zeta;\uFB01;x 9\n"
                + "other 1\n", StandardCharsets.UTF_8);
        matches("folded-awkward.svg", CliRunner.run("export", folded.toString(), "--format", "svg"));
    }

    @Test
    void manyGeneratedStacks() throws IOException {
        Path folded = dir.resolve("generated.folded");
        Files.writeString(folded, generated(3000, 42), StandardCharsets.UTF_8);
        matches("generated-3000.svg", CliRunner.run("export", folded.toString(), "--format", "svg"));
    }

    /** Skewed names and values: a few wide frames and many narrow ones, as real profiles have. */
    static String generated(int stacks, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < stacks; i++) {
            int depth = 1 + random.nextInt(12);
            for (int k = 0; k < depth; k++) {
                int bound = k < 2 ? 4 : 40;
                int name = (int) (bound * Math.pow(random.nextDouble(), 2));
                out.append(k == 0 ? "" : ";").append("fn_").append(k % 3).append('_').append(name);
            }
            long value = random.nextInt(10) == 0 ? 1 + random.nextInt(100_000) : 1 + random.nextInt(300);
            out.append(' ').append(value).append('\n');
        }
        return out.toString();
    }

    private void matches(String golden, CliRunner result) throws IOException {
        assertThat(result.exitCode()).as(result.err()).isZero();
        if (UPDATE) {
            Files.writeString(Path.of("src/test/resources/golden/flame", golden), result.out(), StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/flame/" + golden)) {
            assertThat(in).as("golden file " + golden).isNotNull();
            assertThat(result.out()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
