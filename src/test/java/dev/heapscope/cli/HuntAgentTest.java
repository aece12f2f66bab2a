package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.sim.ScenarioHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hunt --port PATH --agent} on the virtual board over a real pseudo-terminal: the heaptrace leaks and,
 * from the agent's snapshots before and after the workload, the Lua paths that hold what grew.
 */
class HuntAgentTest {
    private static final Path SCENARIOS = Path.of("simulator/scenarios");

    @TempDir
    Path dir;
    private final VirtualBoardOnPty board = new VirtualBoardOnPty();

    @AfterEach
    void unplug() throws InterruptedException {
        board.stop();
    }

    private static List<String> grownPaths(JsonNode json) {
        return StreamSupport.stream(json.get("agent").get("grown").spliterator(), false)
                .map(row -> row.get("path").asText()).toList();
    }

    /** The scenario's own words for what holds its leak, from its header. */
    private static String holderOf(Path scenario) throws Exception {
        String holder = ScenarioHeader.read(scenario.getFileName().toString(), Files.readString(scenario)).heldBy();
        assertThat(holder).isEqualTo("_G.Registry.lookup ▸ upvalue 'cache'");
        return holder;
    }

    @Test
    void aLeakingScenarioInJsonHasTheCLeaksAndTheLuaPathThatHoldsThem() throws Exception {
        Path scenario = SCENARIOS.resolve("cache-never-evicts.lua");
        String holder = holderOf(scenario);
        Path link = board.serve(dir, "--fast");

        CliRunner json = CliRunner.run("hunt", "--port", link.toString(), "--script", scenario.toString(), "--agent",
                "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.err()).contains("note: 2 snapshots of the board's heap")
                .contains("typing the agent into the board's flash (an estimate: a typed line took")
                .contains("hunt: Lua heap snapshot by the HeapScope agent, before the workload")
                .doesNotContain("warning");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("leakedBytes").asLong()).as("the C records still say what leaked").isPositive();
        assertThat(report.get("agent").get("problem").isNull()).isTrue();
        assertThat(report.get("agent").get("before").get("complete").asBoolean()).isTrue();
        assertThat(report.get("agent").get("after").get("complete").asBoolean()).isTrue();
        assertThat(report.get("agent").get("after").get("objects").asInt())
                .isGreaterThan(report.get("agent").get("before").get("objects").asInt());
        // the 40 cached entries: their tables, each under the cache table the upvalue holds
        JsonNode entries = StreamSupport.stream(report.get("agent").get("grown").spliterator(), false)
                .filter(row -> row.get("path").asText().equals(holder + "[*]")).findFirst()
                .orElseThrow(() -> new AssertionError(grownPaths(report).toString()));
        assertThat(entries.get("count").asInt()).isEqualTo(40);
        assertThat(report.get("snapshots").get("source").asText()).isEqualTo("agent");
    }

    @Test
    void aLeakingScenarioInTextShowsTheLuaPathAfterTheCLeaks() throws Exception {
        // a board of its own: run twice, the scenario replaces its Registry, and no path grows by the second run
        Path scenario = SCENARIOS.resolve("cache-never-evicts.lua");
        String holder = holderOf(scenario);
        Path link = board.serve(dir, "--fast");
        CliRunner text = CliRunner.run("hunt", "--port", link.toString(), "--script", scenario.toString(), "--agent");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Leaked ")
                .contains("Lua heap snapshots by the HeapScope agent #1 (before the workload) and #2 (after the workload)")
                .containsPattern("(?m)^ +[0-9]+ +40  " + java.util.regex.Pattern.quote(holder + "[*]") + "$");
        assertThat(text.out().indexOf("Leaked ")).isLessThan(text.out().indexOf("Lua heap snapshots"));
    }

    /**
     * Only the registry table's own size may differ (the agent's first run grows it by its node.task.post
     * references): no object is added anywhere, and nothing under _G grows.
     */
    @Test
    void aCleanWorkloadLeaksNothingAndNoLuaObjectIsAdded() throws Exception {
        Path link = board.serve(dir, "--fast");
        CliRunner json = CliRunner.run("hunt", "--port", link.toString(), "--lua",
                "local t = {} for i = 1, 20 do t[i] = {i} end", "--agent", "--json", "--fail-on-leak", "0");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("leakedBytes").asLong()).isZero();
        assertThat(report.get("agent").get("after").get("objects").asInt())
                .isEqualTo(report.get("agent").get("before").get("objects").asInt());
        assertThat(report.get("agent").get("grown")).allSatisfy(row -> assertThat(row.get("count").asInt()).isZero());
        assertThat(grownPaths(report)).noneMatch(path -> path.startsWith("_G"));

        CliRunner text = CliRunner.run("hunt", "--port", link.toString(), "--lua",
                "local t = {} for i = 1, 20 do t[i] = {i} end", "--agent");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("No leaks").contains("Lua heap snapshots by the HeapScope agent")
                .doesNotContainPattern("(?m)^ +[0-9]+ +[1-9][0-9]*  ").doesNotContain("  _G");
    }

    @Test
    void anAgentThatCannotRunIsOneLineAndTheHeaptraceVerdictStands() throws Exception {
        Path link = board.serve(dir, "--fast");
        // no file system module: the agent cannot be uploaded, the heaptrace hunt needs none
        VirtualBoardOnPty.typeAt(link, "file = nil io = nil");
        CliRunner json = CliRunner.run("hunt", "--port", link.toString(), "--lua",
                "kept = {} for i = 1, 5 do kept[i] = {i} end", "--agent", "--json", "--fail-on-leak", "0");
        assertThat(json.exitCode()).as("the leak gate, not the agent, decides: %s", json.err()).isEqualTo(3);
        assertThat(json.err().lines().filter(line -> line.startsWith("heapscope: warning: ")))
                .singleElement().asString().startsWith("heapscope: warning: the agent's snapshot before the workload failed: ");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("leakedBytes").asLong()).isPositive();
        assertThat(report.get("agent").get("problem").asText()).startsWith("the agent's snapshot before the workload failed")
                .doesNotContain("Exception").doesNotContain("java.");
        assertThat(report.get("agent").get("before").isNull()).isTrue();
        assertThat(report.get("agent").get("grown")).isEmpty();
        assertThat(report.has("snapshots")).isFalse();
    }
}
