package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code heapscope run} reads a scenario's header (ScenarioHeader) for the virtual seconds its timers need. */
@Timeout(120)
class RunCommandTest {
    private static final Path TIMER = Path.of(System.getProperty("heapscope.project.dir", "."), "simulator",
            "scenarios", "timer-captures-state.lua");

    @TempDir
    Path dir;

    private static JsonNode leaks(String... args) throws Exception {
        CliRunner result = CliRunner.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(result.out()).get("leaks");
    }

    @Test
    void withoutSecondsAScenarioRunsTheVirtualSecondsItsHeaderStates() throws Exception {
        JsonNode fromHeader = leaks("run", TIMER.toString(), "--json");
        JsonNode thirty = leaks("run", TIMER.toString(), "--json", "--seconds", "30");
        JsonNode none = leaks("run", TIMER.toString(), "--json", "--seconds", "0");

        assertThat(fromHeader).as("expect.seconds = 30").isEqualTo(thirty);
        assertThat(none).as("an explicit --seconds wins over the header").isNotEqualTo(thirty);
    }

    @Test
    void aMalformedHeaderIsOneLineAndExitCodeTwoUnlessSecondsAreGiven() throws Exception {
        Path script = Files.writeString(dir.resolve("typo.lua"), "-- expect.seconds = soon\nx = 1\n");

        CliRunner result = CliRunner.run("run", script.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("heapscope: " + script + " line 1: expect.seconds must be a whole number, not 'soon'")
                .endsWith("(or give --seconds)");
        assertThat(CliRunner.run("run", script.toString(), "--seconds", "0").exitCode()).isZero();
    }

    @Test
    void whatCallbacksPrintWhileVirtualTimeRunsIsTheScriptsOutputToo() throws Exception {
        Path script = Files.writeString(dir.resolve("tick.lua"), """
                -- expect.seconds = 3
                t = tmr.create()
                t:alarm(1000, tmr.ALARM_AUTO, function() print("tick", node.uptime() // 1000000) end)
                print("armed")
                """);

        CliRunner result = CliRunner.run("run", script.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Console output of tick.lua:\n  | armed\n  | tick\t1\n  | tick\t2\n  | tick\t3\n")
                .doesNotContain("collectgarbage()");
    }

    @Test
    void aWarmedUpScriptPrintsItsWarmUpOutputAndItsSteadyState() throws Exception {
        Path script = Files.writeString(dir.resolve("warm.lua"), """
                -- expect.warmup.seconds = 2
                -- expect.seconds = 2
                t = tmr.create()
                t:alarm(1000, tmr.ALARM_AUTO, function() print("tick", node.uptime() // 1000000) end)
                print("armed")
                """);

        CliRunner result = CliRunner.run("run", script.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // the timer made before the trace is no leak; the ticks of both phases are the script's output
        assertThat(result.out()).contains("No leaks").contains("  | armed\n  | tick\t1\n  | tick\t2\n")
                .contains("  | tick\t4\n").doesNotContain("  | heaptrace.").doesNotContain("  | >");
    }
}
