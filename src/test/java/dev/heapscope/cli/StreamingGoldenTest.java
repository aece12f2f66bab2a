package dev.heapscope.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every output of {@code analyze} (text, {@code --top}, {@code --json}, {@code --folded}, {@code --count}) and
 * {@code report}, byte for byte, against goldens written by the build before analysis streamed
 * (src/test/resources/golden/stream). Exit code and standard error are part of each golden. The inputs are
 * the shared samples of all three dialects, logs with several dumps, cut dumps, records without a header,
 * monitor names and a saved session. {@code -Dgolden.update=true} rewrites the goldens (review the diff).
 */
class StreamingGoldenTest {
    private static final String[] LOGS = {"shared/01-espressif-docs-v4-xtensa-leaks.txt",
            "shared/02-espressif-docs-v44-riscv-empty-caller.txt", "shared/03-espressif-docs-v55-riscv-freed-suffix.txt",
            "shared/04-espressif-docs-v55-trace-all-freed-by.txt", "shared/dialect-a-idf44-leaks.log",
            "shared/dialect-b-all-psram-overflow.log", "shared/dialect-c-idf55-freed.log",
            "shared/incomplete-dump-panic-reboot.log", "shared/nodemcu-session-idf51.log", "board-events.log",
            "hostile-names.log"};
    private static final String[] GENERATED = {"multi-dump.log", "cut-only.log"};

    static Stream<Arguments> cases() throws URISyntaxException {
        List<Path> inputs = new ArrayList<>();
        for (String log : LOGS) {
            inputs.add(Path.of(CliRunner.log(log)));
        }
        for (String log : GENERATED) {
            inputs.add(resource("/golden/stream/inputs/" + log));
        }
        inputs.add(resource("/sessions/nodemcu-session-v1.heapscope"));
        List<Arguments> cases = new ArrayList<>();
        for (Path input : inputs) {
            String file = input.toString();
            cases.add(Arguments.of(input, "analyze.txt", new String[]{"analyze", file}));
            cases.add(Arguments.of(input, "top2.txt", new String[]{"analyze", file, "--top", "2"}));
            cases.add(Arguments.of(input, "json", new String[]{"analyze", file, "--json"}));
            cases.add(Arguments.of(input, "folded", new String[]{"analyze", file, "--folded"}));
            cases.add(Arguments.of(input, "count.folded", new String[]{"analyze", file, "--folded", "--count"}));
            cases.add(Arguments.of(input, "report.html", new String[]{"report", file}));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("cases")
    void outputIsByteIdenticalToTheGolden(Path input, String kind, String[] args) throws Exception {
        CliRunner result = CliRunner.run(args);
        // the input's absolute path (in some warnings) differs between checkouts: the only normalisation
        String actual = ("exit " + result.exitCode() + "\n--- stderr\n" + result.err() + "--- stdout\n" + result.out())
                .replace(input.toString(), "INPUT");
        Path golden = goldenDirectory().resolve(input.getFileName() + "." + kind);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden file (run with -Dgolden.update=true to create)").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** The goldens live in the source tree, so an update lands where git sees it. */
    private static Path goldenDirectory() throws IOException {
        Path directory = Path.of("src/test/resources/golden/stream/expected");
        Files.createDirectories(directory);
        return directory;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(StreamingGoldenTest.class.getResource(name).toURI());
    }
}
