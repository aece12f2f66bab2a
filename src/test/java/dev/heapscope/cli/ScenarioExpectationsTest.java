package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code simulator/scenarios/*.lua} through {@code heapscope run --json} and checks the
 * {@code -- expect.*} lines in its header: {@code expect.seconds} (virtual seconds to run timers),
 * {@code expect.leak.function} with {@code expect.leak.line} (some leak group has that Lua frame),
 * {@code expect.min.leaked.bytes} and {@code expect.max.leaked.bytes}, {@code expect.held.by} (the leak group
 * at that function and line is held by a path that starts with this text: the global, field or upvalue
 * the scenario's story names).
 */
@Timeout(120)
class ScenarioExpectationsTest {
    private static final Pattern EXPECT = Pattern.compile("^--\\s*expect\\.([a-z.]+)\\s*=\\s*(.+?)\\s*$");
    private static final Set<String> KNOWN = Set.of("seconds", "leak.function", "leak.line", "min.leaked.bytes",
            "max.leaked.bytes", "held.by");

    static Stream<Path> scenarios() throws IOException {
        Path dir = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> lua = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
            assertThat(lua).as("scenarios in %s", dir).isNotEmpty();
            return lua.stream();
        }
    }

    static Map<String, String> expectations(Path scenario) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(scenario)) {
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) {
                assertThat(KNOWN).as("expectation key in %s", scenario.getFileName()).contains(m.group(1));
                expected.put(m.group(1), m.group(2));
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioMeetsTheExpectationsInItsHeader(Path scenario) throws IOException {
        Map<String, String> expected = expectations(scenario);
        assertThat(expected.keySet()).as("a scenario states how much it leaks")
                .containsAnyOf("min.leaked.bytes", "max.leaked.bytes");
        CliRunner result = CliRunner.run("run", scenario.toString(), "--json", "--seconds",
                expected.getOrDefault("seconds", "0"));
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        long leakedBytes = report.get("leakedBytes").asLong();

        if (expected.containsKey("min.leaked.bytes")) {
            assertThat(leakedBytes).as("leaked bytes").isGreaterThanOrEqualTo(Long.parseLong(expected.get("min.leaked.bytes")));
        }
        if (expected.containsKey("max.leaked.bytes")) {
            assertThat(leakedBytes).as("leaked bytes").isLessThanOrEqualTo(Long.parseLong(expected.get("max.leaked.bytes")));
        }
        if (expected.containsKey("leak.function")) {
            String function = expected.get("leak.function");
            Integer line = expected.containsKey("leak.line") ? Integer.valueOf(expected.get("leak.line")) : null;
            assertThat(report.get("leaks")).as("leak groups of %s", scenario.getFileName())
                    .anySatisfy(leak -> assertThat(leak.get("frames")).anySatisfy(frame -> {
                        assertThat(frame.get("function").asText()).isEqualTo(function);
                        if (line != null) {
                            assertThat(frame.get("line").asInt()).isEqualTo(line);
                        }
                    }));
        }
        if (expected.containsKey("held.by")) {
            String holder = expected.get("held.by");
            String function = expected.get("leak.function");
            int line = Integer.parseInt(expected.get("leak.line"));
            assertThat(report.get("leaks")).as("every leak of %s says what holds it", scenario.getFileName())
                    .allSatisfy(leak -> {
                        assertThat(leak.get("heldBy").asText()).isNotBlank();
                        assertThat(leak.get("records")).allSatisfy(record ->
                                assertThat(record.get("path").asText()).isNotBlank());
                    });
            List<JsonNode> atTheLine = new java.util.ArrayList<>();
            report.get("leaks").forEach(leak -> {
                JsonNode innermostLua = null;
                for (JsonNode frame : leak.get("frames")) {
                    if (innermostLua == null && frame.hasNonNull("file") && frame.get("file").asText().endsWith(".lua")) {
                        innermostLua = frame;
                    }
                }
                if (innermostLua != null && innermostLua.get("function").asText().equals(function)
                        && innermostLua.get("line").asInt() == line) {
                    atTheLine.add(leak);
                }
            });
            assertThat(atTheLine).as("leaks made at %s line %d", function, line).isNotEmpty()
                    .allSatisfy(leak -> assertThat(leak.get("heldBy").asText()).startsWith(holder));
        }
    }
}
