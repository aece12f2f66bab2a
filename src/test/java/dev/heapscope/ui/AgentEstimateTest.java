package dev.heapscope.ui;

import dev.heapscope.console.CommandResult;
import dev.heapscope.session.AgentObjectGuess;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentEstimateTest {
    @Test
    void theObjectCountFollowsTheLuaHeapFromABootedBoardOrFromTheBoardsLastSnapshot() {
        // measured on the virtual board: 9,772 bytes for 64 objects booted, 75,888 for 1,472 with a mixed heap
        assertThat((double) AgentObjectGuess.objectsFor(9_772) / 64).isBetween(0.5, 2.0);
        assertThat((double) AgentObjectGuess.objectsFor(75_888) / 1_472).isBetween(0.8, 1.25);
        assertThat(AgentObjectGuess.since(9_772, 64, 9_772 + 48 * 100)).as("100 objects more").isEqualTo(164);
        assertThat(AgentObjectGuess.since(75_888, 1_472, 0)).as("never below one").isEqualTo(1);
    }

    @Test
    void theTextSaysItIsAnEstimateAndAsksOnlyAboveTheThreshold() {
        AgentEstimate quick = new AgentEstimate(57_344, 1_900, 7.4, 115_200);
        assertThat(quick.text()).isEqualTo("about 7 s on the wire at 115,200 baud (an estimate: about 1,900 objects "
                + "in a Lua heap of 56 KB, the agent's upload included)");
        assertThat(quick.worthAsking(AgentEstimate.ASK_ABOVE_SECONDS)).isFalse();
        AgentEstimate slow = new AgentEstimate(-1, 2_000, 185, 9_600);
        assertThat(slow.text()).startsWith("about 3 min 05 s on the wire at 9,600 baud").contains("size unknown");
        assertThat(slow.worthAsking(AgentEstimate.ASK_ABOVE_SECONDS)).isTrue();
    }

    @Test
    void collectgarbageCountIsReadInKilobytes() {
        assertThat(AgentSnapshots.luaBytes(new CommandResult("=collectgarbage(\"count\")", List.of("8.5"), null, 0, 1)))
                .isEqualTo(8_704);
        assertThat(AgentSnapshots.luaBytes(new CommandResult("=collectgarbage(\"count\")", List.of("nil"), null, 0, 1)))
                .isEqualTo(-1);
        assertThat(AgentSnapshots.luaBytes(new CommandResult("=x", List.of(), "stdin:1: boom", 0, 1))).isEqualTo(-1);
    }
}
