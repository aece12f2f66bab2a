package dev.heapscope.session;

import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.LuaLineAttribution;
import dev.heapscope.sim.LuaRelease;
import dev.heapscope.sim.SimulatedBoard;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation profiler uploaded to the virtual board and run there over its console, on a board whose time
 * follows the wall clock as a real one does; its lines and bytes against the board's own heap trace attribution.
 */
class ProfileOnVirtualBoardTest {
    private static final String SCENARIO = "request-handler-leak.lua";

    private static LuaAllocationProfile profile(BoardProfile board, BoardOptions options, ProfileRun.Workload workload,
                                                String setup) throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(board, options.withRealTime(true), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            if (setup != null) {
                opened.session().execute(setup).get(20, TimeUnit.SECONDS);
            }
            return new ProfileRun(ProfileRun.shippedProfiler()).run(opened.session(), workload,
                    ProfileRun.Settings.DEFAULT, 60_000L).get(90, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Long> profiledLines(LuaAllocationProfile profile) {
        return profile.lines().stream().collect(Collectors.toMap(LuaAllocationProfile.Line::where,
                LuaAllocationProfile.Line::bytes, Long::sum, TreeMap::new));
    }

    private static Predicate<Map.Entry<String, Long>> within15PercentOf(Map<String, Long> profiled) {
        return entry -> profiled.containsKey(entry.getKey())
                && Math.abs(profiled.get(entry.getKey()) - entry.getValue()) <= 0.15 * entry.getValue();
    }

    @Test
    void theProfileOfTheRequestHandlerLeakNamesTheBoardsOwnLinesWithItsBytes() throws Exception {
        byte[] scenario = Files.readAllBytes(Path.of("simulator/scenarios", SCENARIO));
        LuaAllocationProfile profile = profile(BoardProfile.defaults(), BoardOptions.defaults(),
                ProfileRun.Workload.upload(SCENARIO, scenario), null);
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        Map<String, Long> profiled = profiledLines(profile);

        // every allocation, as the board's heap trace attributes it (the collector stopped, as under the profiler)
        Map<String, Long> allocated = LuaLineAttribution.perLine(SCENARIO, true);
        assertThat(allocated).containsKeys(SCENARIO + ":19", SCENARIO + ":20", SCENARIO + ":21", SCENARIO + ":26");
        assertThat(allocated.entrySet()).as("profiled %s", profiled).allMatch(within15PercentOf(profiled));
        // the one line only the profile names: the listeners table's first block, which the heap trace moves to
        // the line that reallocated it (line 20), while the profile charges each line its own growth
        assertThat(profiled.keySet()).containsAll(allocated.keySet());
        Map<String, Long> onlyProfiled = new TreeMap<>(profiled);
        onlyProfiled.keySet().removeAll(allocated.keySet());
        assertThat(onlyProfiled).isEqualTo(Map.of(SCENARIO + ":16", 32L));

        // what leaks (the collector running): the leak table's lines, each one the profile names with its bytes
        Map<String, Long> leaked = LuaLineAttribution.perLine(SCENARIO, false);
        assertThat(leaked).containsOnlyKeys(SCENARIO + ":19", SCENARIO + ":20", SCENARIO + ":26");
        assertThat(leaked.entrySet()).as("profiled %s", profiled).allMatch(within15PercentOf(profiled));

        assertThat(profile.stacksByBytes().get(0).outermostFirst()).extracting(LuaAllocationProfile.Frame::label)
                .containsExactly("main chunk (" + SCENARIO + ":26)", "handle_request (" + SCENARIO + ":19)");
        assertThat(profile.overhead().hookedMicros()).isPositive();
        assertThat(profile.overhead().baseKind()).isEqualTo("estimated");
    }

    @Test
    void theProfilersOwnMemoryIsNotChargedToTheWorkload() throws Exception {
        LuaAllocationProfile profile = profile(BoardProfile.defaults(), BoardOptions.defaults(),
                ProfileRun.Workload.chunk("local a = 0 for i = 1, 300 do a = a + i end"), null);
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        assertThat(profile.hooks()).isGreaterThan(300);
        assertThat(profile.ownBytes()).as("its hook allocates").isPositive();
        assertThat(profile.lines()).as("but the workload allocates nothing").isEmpty();
    }

    @Test
    void whatACallerAllocatesAfterACallReturnsIsOnTheCallersLine() throws Exception {
        // no line event fires when run goes on with line 5 after make returns: the return event hands it over
        String chunk = String.join("\n", "local function make(n)", "  return {n, n, n}", "end",
                "local function run(i)", "  local s = make(i)[1] .. '-a-long-enough-suffix-to-be-a-new-string'", "end",
                "for i = 1, 10 do run(i) end");
        LuaAllocationProfile profile = profile(BoardProfile.defaults(), BoardOptions.defaults(),
                ProfileRun.Workload.chunk(chunk), null);
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        Map<Integer, Long> perLine = profile.lines().stream().collect(Collectors.toMap(LuaAllocationProfile.Line::line,
                LuaAllocationProfile.Line::bytes, Long::sum));
        // ten strings of 41 or 42 characters, each a 16-byte header, the text and its NUL (LUA-SIZES.md)
        assertThat(perLine.get(5)).isEqualTo(9 * (17 + 41) + (17 + 42));
        assertThat(perLine.get(2)).as("the tables alone").isEqualTo(10 * (perLine.get(2) / 10)).isPositive();
        assertThat(profile.lines()).extracting(LuaAllocationProfile.Line::line).containsExactlyInAnyOrder(2, 3, 5, 6); // 3 and 6: the closures, made on their "end" lines
    }

    @Test
    void theBoardsTablesStayBoundedAndWhatDidNotFitIsCounted() throws Exception {
        // 70 lines that each allocate: a chunk too long for one console line, so it is uploaded as a file
        String chunk = java.util.stream.IntStream.rangeClosed(1, 70).mapToObj(i -> "local t" + i + " = {" + i + "}")
                .collect(Collectors.joining("\n"));
        LuaAllocationProfile profile = profile(BoardProfile.defaults(), BoardOptions.defaults(),
                ProfileRun.Workload.chunk(chunk), null);
        assertThat(profile.complete()).as(String.valueOf(profile.problem())).isTrue();
        assertThat(profile.lines()).hasSize(64);
        assertThat(profile.dropped().lines()).isEqualTo(6);
        assertThat(profile.dropped().stacks()).isEqualTo(6);
        assertThat(profile.dropped().bytes()).isPositive();
        assertThat(profile.lines()).allMatch(line -> line.source().equals(ProfileRun.WORKLOAD_FILE) && line.line() <= 64);
    }

    @Test
    void aBoardWithoutSethookSaysSoAndRunsNothing() throws Exception {
        BoardProfile legacy = BoardProfile.load("esp32-idf44-legacy"); // Lua 5.1, minimal debug: no sethook
        try (OpenedSession opened = Sessions.virtualBoard(legacy, BoardOptions.defaults().withRealTime(true)
                .withLua(LuaRelease.LUA_51), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            LuaAllocationProfile profile = new ProfileRun(ProfileRun.shippedProfiler()).run(opened.session(),
                    ProfileRun.Workload.chunk("ran = true"), ProfileRun.Settings.DEFAULT, 60_000L).get(90, TimeUnit.SECONDS);
            assertThat(profile.complete()).isFalse();
            assertThat(profile.problem()).startsWith("no debug.sethook");
            assertThat(profile.lines()).isEmpty();
            assertThat(opened.session().execute("print(ran)").get(20, TimeUnit.SECONDS).text()).contains("nil");
        }
    }

    @Test
    void aResetWhileTheProfilePrintsKeepsWhatArrivedAndTheSessionGoesOn() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                BoardOptions.defaults().withRealTime(true), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            opened.session().execute("local p, n = print, 0 print = function(...) n = n + 1 if n == 4 then "
                    + "node.restart() end return p(...) end").get(20, TimeUnit.SECONDS);
            LuaAllocationProfile profile = new ProfileRun(ProfileRun.shippedProfiler()).run(opened.session(),
                    ProfileRun.Workload.chunk("t = {} for i = 1, 3 do t[i] = {i} end"), ProfileRun.Settings.DEFAULT,
                    60_000L).get(90, TimeUnit.SECONDS);
            assertThat(profile.complete()).isFalse();
            assertThat(profile.problem()).contains("reset");
            String answer = null;
            for (int attempt = 0; attempt < 20 && answer == null; attempt++) {
                try {
                    answer = opened.session().execute("=6 * 7").get(20, TimeUnit.SECONDS).text();
                } catch (java.util.concurrent.ExecutionException rebooting) {
                    Thread.sleep(250);
                }
            }
            assertThat(answer).contains("42");
        }
    }
}
