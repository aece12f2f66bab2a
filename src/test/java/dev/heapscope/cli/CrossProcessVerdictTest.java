package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two separate JVMs (separate heaps, separate identity hashes, separate collectors) running the same
 * scenario print the same dumps, record for record: addresses, sizes, cycle counts and call chains.
 */
@Timeout(180)
class CrossProcessVerdictTest {

    private static JsonNode runInAnotherJvm(Path scenario) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.heapscope.cli.Main", "run", scenario.toString(), "--json") // its header gives the seconds
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = child.getInputStream().readAllBytes();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        JsonNode report = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        report.get("dumps").forEach(dump -> ((ObjectNode) dump).remove("receivedAtMillis")); // host clock
        return report;
    }

    @Test
    void theSameScenarioInTwoProcessesPrintsTheSameDumpsAndVerdict() throws Exception {
        Path scenario = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator", "scenarios",
                "timer-captures-state.lua");
        JsonNode first = runInAnotherJvm(scenario);
        JsonNode second = runInAnotherJvm(scenario);
        assertThat(first.get("dumps").get(1).get("records").size()).as("30 s of timer ticks").isGreaterThan(30);
        assertThat(second).isEqualTo(first);
    }
}
