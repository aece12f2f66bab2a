package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the agent's own memory on a heap of 2,000 objects is reported (the board's own count: what
 * {@code collectgarbage("count")} grew by while the agent ran, its garbage included) and stays below 16 KB plus
 * 16 bytes per object; and none of it is in the snapshot.
 */
class AgentMemoryTest {
    /** Tables, strings and closures: 485 × (a record, its name, a holder, a closure) and what the board boots with. */
    static final String HEAP_OF_2000 = "heap2000 = {} for i = 1, 485 do local name = 'item-' .. i "
            + "local t = { name = name, n = i } heap2000[i] = { t = t, f = function() return t end } end";

    /** Every object but the registry table itself, by type, size and grouped path, in a stable order. */
    private static java.util.List<String> heap(AgentSnapshot snapshot) {
        return snapshot.toHeapSnapshot(1, "", 0).objects().stream()
                .filter(o -> !o.path().grouped().equals("registry"))
                .map(o -> o.type() + " " + o.sizeBytes() + " " + o.path().grouped()).sorted().toList();
    }

    @Test
    void onAHeapOf2000ObjectsTheAgentNeedsLessThan16KBPlus16BytesAnObjectAndNoneOfItIsInTheSnapshot() throws Exception {
        try (OpenedSession opened = Sessions.virtualBoard(BoardProfile.defaults(),
                BoardOptions.defaults().withRealTime(true), Sessions.Setup.headless(20_000L))) {
            opened.connect().get(30, TimeUnit.SECONDS);
            opened.session().execute(HEAP_OF_2000).get(20, TimeUnit.SECONDS);
            AgentRun run = new AgentRun(AgentRun.shippedAgent());
            AgentSnapshot first = run.take(opened.session(), 60_000L).get(90, TimeUnit.SECONDS);
            AgentSnapshot second = run.take(opened.session(), 60_000L).get(90, TimeUnit.SECONDS);

            assertThat(second.complete()).as(String.valueOf(second.problem())).isTrue();
            assertThat(first.complete()).as(String.valueOf(first.problem())).isTrue();
            assertThat(first.objects()).hasSizeGreaterThanOrEqualTo(2_000);
            assertThat(first.agentBytes()).as("reported").isPositive()
                    .isLessThan(16_384L + 16L * first.objects().size());
            // the first run's state is gone and the second's own is not counted: the same heap, object for object
            // (but the registry table itself: the first run's posted tasks were references, and the registry keeps
            // the room they took, as luaL_unref leaves it; its entries may then come in another order)
            assertThat(heap(second)).isEqualTo(heap(first));
        }
    }
}
