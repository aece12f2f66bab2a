package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.sim.ScenarioHeader;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code simulator/scenarios/*.lua} through {@code heapscope run --json} and checks the
 * expectations its header states ({@link ScenarioHeader}): leaked bytes within {@code expect.min/max.leaked.bytes},
 * a leak group with the Lua frame {@code expect.leak.function} / {@code expect.leak.line}, and that the leaks at that
 * line are held by a path starting with {@code expect.held.by} (the global, field or upvalue the scenario's story names).
 */
@Timeout(120)
class ScenarioExpectationsTest {

    static Stream<Path> scenarios() throws IOException {
        Path dir = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> lua = files.filter(p -> p.toString().endsWith(".lua")).sorted().toList();
            assertThat(lua).as("scenarios in %s", dir).isNotEmpty();
            return lua.stream();
        }
    }

    /** The scenario's header, read strictly: a malformed one fails the test with its file and line. */
    static ScenarioHeader header(Path scenario) throws IOException, ScenarioHeader.MalformedException {
        return ScenarioHeader.read(scenario.getFileName().toString(), Files.readString(scenario));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioMeetsTheExpectationsInItsHeader(Path scenario) throws Exception {
        ScenarioHeader expected = header(scenario);
        assertThat(expected.minLeakedBytes() != null || expected.maxLeakedBytes() != null)
                .as("a scenario states how much it leaks").isTrue();
        CliRunner result = CliRunner.run("run", scenario.toString(), "--json", "--seconds",
                String.valueOf(expected.virtualSeconds()));
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(result.out());
        long leakedBytes = report.get("leakedBytes").asLong();

        if (expected.minLeakedBytes() != null) {
            assertThat(leakedBytes).as("leaked bytes").isGreaterThanOrEqualTo(expected.minLeakedBytes());
        }
        if (expected.maxLeakedBytes() != null) {
            assertThat(leakedBytes).as("leaked bytes").isLessThanOrEqualTo(expected.maxLeakedBytes());
        }
        if (expected.leakFunction() != null) {
            String function = expected.leakFunction();
            Integer line = expected.leakLine();
            assertThat(report.get("leaks")).as("leak groups of %s", scenario.getFileName())
                    .anySatisfy(leak -> assertThat(leak.get("frames")).anySatisfy(frame -> {
                        assertThat(frame.get("function").asText()).isEqualTo(function);
                        if (line != null) {
                            assertThat(frame.get("line").asInt()).isEqualTo(line);
                        }
                    }));
        }
        if (expected.heldBy() != null) {
            String holder = expected.heldBy();
            String function = expected.leakFunction();
            int line = expected.leakLine();
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
