package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guided hunt ({@code run}) over a realistic IoT node (simulator/examples/iot-node.lua) measured in its
 * steady state for 10 simulated minutes: no leak; the same script with one classic mistake shows that leak
 * by function, line and holder. Its steady heap is checked in sim.net.IotNodeSteadyHeapTest.
 */
@Timeout(180)
class IotNodeHuntTest {
    private static final Path SCRIPT = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator",
            "examples", "iot-node.lua");
    /** The mistake: the receive handler answers through the connection it captured, not its argument. */
    private static final String CLEAN_HANDLER = "conn:on(\"receive\", on_request)";
    private static final String LEAKY_HANDLER = "conn:on(\"receive\", function(s, request) on_request(conn, request) end)";

    @Test
    void theGuidedHuntFindsNoLeakInTheCleanNode() throws Exception {
        JsonNode report = run(SCRIPT);
        assertThat(report.get("leakedBytes").asLong()).isZero();
    }

    @Test
    void oneClassicMistakeShowsItsLeakByFunctionLineAndHolder(@TempDir Path dir) throws Exception {
        String text = Files.readString(SCRIPT);
        assertThat(text).contains(CLEAN_HANDLER);
        Path leaky = dir.resolve("iot-node-leaky.lua");
        Files.writeString(leaky, text.replace(CLEAN_HANDLER, LEAKY_HANDLER)
                .replace("-- expect.max.leaked.bytes = 0\n", "-- (this variant leaks: no bound)\n"));
        int line = lineOf(text, CLEAN_HANDLER);
        JsonNode report = run(leaky);
        assertThat(report.get("leakedBytes").asLong()).as("a socket and its handler per visitor").isGreaterThan(5_000);
        List<JsonNode> atTheMistake = new ArrayList<>();
        List<String> madeBy = new ArrayList<>();
        report.get("leaks").forEach(leak -> {
            for (JsonNode frame : leak.get("frames")) { // the innermost Lua frame made it
                if (frame.path("file").asText().endsWith(".lua")) {
                    if (frame.path("line").asInt() == line) {
                        atTheMistake.add(leak);
                        madeBy.add(frame.path("function").asText());
                    }
                    break;
                }
            }
        });
        assertThat(atTheMistake).as("leaks made at line %d", line).isNotEmpty()
                .allSatisfy(leak -> assertThat(leak.get("heldBy").asText()).startsWith("net.tcpsocket")
                        .contains("receive callback"));
        assertThat(madeBy).as("named as Lua 5.3 names the listen callback")
                .containsOnly("function <iot-node-leaky.lua:" + (line - 1) + ">");
    }

    private static int lineOf(String text, String code) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(code)) {
                return i + 1;
            }
        }
        throw new AssertionError(code + " not found");
    }

    private static JsonNode run(Path script) throws Exception {
        CliRunner result = CliRunner.run("run", script.toString(), "--json");
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        return new ObjectMapper().readTree(result.out());
    }
}
