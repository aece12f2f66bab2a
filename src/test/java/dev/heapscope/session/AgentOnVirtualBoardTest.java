package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent uploaded to the virtual board and run there, on a board whose time follows the wall clock as a
 * real one does (the agent's walk yields through node.task.post). The comparison of its paths and sizes
 * with the board's own, for every scenario, is {@link AgentFidelityTest}.
 */
class AgentOnVirtualBoardTest {
    @Test
    void theAgentsSnapshotOfTheVirtualBoardIsCompleteAndSeesTheGlobals() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                BoardOptions.defaults().withRealTime(true),
                Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            var probe = opened.session().execute("print(type(debug) == 'table' and type(debug.getregistry))")
                    .get(20, TimeUnit.SECONDS);
            assertThat(probe.text()).contains("function");
            opened.session().execute("cache = {} for i = 1, 5 do cache[i] = {n = i} end").get(20, TimeUnit.SECONDS);
            AgentSnapshot snapshot = new AgentRun(AgentRun.shippedAgent()).take(opened.session(), 60_000L)
                    .get(90, TimeUnit.SECONDS);
            assertThat(snapshot.complete()).as(String.valueOf(snapshot.problem())).isTrue();
            assertThat(snapshot.toHeapSnapshot(1, "agent", 0).objects())
                    .filteredOn(o -> o.path().grouped().equals("_G.cache[*]")).hasSize(5);
            // the libraries and modules are ROTables in flash: not heap, not walked
            assertThat(snapshot.toHeapSnapshot(1, "agent", 0).objects()).extracting(o -> o.path().grouped())
                    .noneMatch(path -> path.startsWith("_G.string") || path.startsWith("_G.tmr")
                            || path.startsWith("_G.wifi"));
        }
    }

    @Test
    void onABoardWhoseDebugLibraryHasNoUpvaluesTheSnapshotSaysSoAndStillWalksTheTables() throws Exception {
        BoardProfile legacy = BoardProfile.load("esp32-idf44-legacy"); // Lua 5.1, minimal debug: no getupvalue
        try (OpenedSession opened = Sessions.virtualBoard(legacy, BoardOptions.defaults().withRealTime(true)
                .withLua(dev.heapscope.sim.LuaRelease.LUA_51), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            opened.session().execute("cache = {} for i = 1, 5 do cache[i] = {n = i} end").get(20, TimeUnit.SECONDS);
            AgentSnapshot snapshot = new AgentRun(AgentRun.shippedAgent()).take(opened.session(), 60_000L)
                    .get(90, TimeUnit.SECONDS);
            assertThat(snapshot.complete()).as(String.valueOf(snapshot.problem())).isTrue();
            assertThat(snapshot.visible().upvalues()).isFalse();
            assertThat(snapshot.visible().missing()).contains("upvalues");
            assertThat(snapshot.toHeapSnapshot(1, "agent", 0).objects())
                    .filteredOn(o -> o.path().grouped().equals("_G.cache[*]")).hasSize(5);
        }
    }

    @Test
    void aResetMidSnapshotKeepsWhatArrivedMarksItAndTheSessionGoesOn() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                BoardOptions.defaults().withRealTime(true), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            // the board goes down after the agent's 40th line, as a watchdog reset or a crash would take it
            opened.session().execute("local p, n = print, 0 print = function(...) n = n + 1 if n == 40 then "
                    + "node.restart() end return p(...) end").get(20, TimeUnit.SECONDS);
            AgentSnapshot snapshot = new AgentRun(AgentRun.shippedAgent()).take(opened.session(), 60_000L)
                    .get(90, TimeUnit.SECONDS);
            assertThat(snapshot.complete()).isFalse();
            assertThat(snapshot.problem()).contains("reset");
            assertThat(snapshot.objects()).hasSizeGreaterThanOrEqualTo(30);
            // the board is rebooting meanwhile: a command sent before its prompt is back is refused, then it answers
            String answer = null;
            for (int attempt = 0; attempt < 20 && answer == null; attempt++) {
                try {
                    answer = opened.session().execute("=6 * 7").get(20, TimeUnit.SECONDS).text();
                } catch (java.util.concurrent.ExecutionException rebooting) {
                    assertThat(rebooting.getCause()).hasMessageContaining("reset");
                    Thread.sleep(250);
                }
            }
            assertThat(answer).contains("42");
        }
    }
}
