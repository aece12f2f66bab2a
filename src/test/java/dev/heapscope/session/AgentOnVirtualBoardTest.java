package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The agent uploaded to the virtual board and run there. Skipped until the virtual board has NodeMCU's debug
 * module (debug.getregistry): without it the agent still runs, but the comparison with the board's own paths
 * is the point.
 */
class AgentOnVirtualBoardTest {
    @Test
    void theAgentsSnapshotOfTheVirtualBoardIsCompleteAndSeesTheGlobals() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(), BoardOptions.defaults(),
                Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            var probe = opened.session().execute("print(type(debug) == 'table' and type(debug.getregistry))")
                    .get(20, TimeUnit.SECONDS);
            assumeTrue(probe.text().contains("function"), "the virtual board has no debug.getregistry yet");
            opened.session().execute("cache = {} for i = 1, 5 do cache[i] = {n = i} end").get(20, TimeUnit.SECONDS);
            AgentSnapshot snapshot = new AgentRun(AgentRun.shippedAgent()).take(opened.session(), 60_000L)
                    .get(90, TimeUnit.SECONDS);
            assertThat(snapshot.complete()).as(String.valueOf(snapshot.problem())).isTrue();
            assertThat(snapshot.toHeapSnapshot(1, "agent", 0).objects())
                    .filteredOn(o -> o.path().grouped().equals("_G.cache[*]")).hasSize(5);
        }
    }
}
