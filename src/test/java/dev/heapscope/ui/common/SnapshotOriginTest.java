package dev.heapscope.ui.common;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotOriginTest {
    private static final AgentSnapshot.Visibility ALL = new AgentSnapshot.Visibility(true, true, true, true);

    private static AgentSnapshot agent(boolean complete, String problem) {
        return new AgentSnapshot(7, ALL, 9_000, List.of(new AgentSnapshot.Node(1, 0, "table", 56, "_G")), complete,
                problem, complete ? 2_000 : -1);
    }

    @Test
    void anAgentSnapshotsTitleSaysItsSizesAreEstimatedAndWhyItIsCut() {
        HeapSnapshot whole = agent(true, null).toHeapSnapshot(1, SnapshotOrigin.agentLabel("before", agent(true, null)), 0);
        assertThat(whole.title()).isEqualTo("#1 (before · agent, estimated)");
        assertThat(SnapshotOrigin.byAgent(whole)).isTrue();
        assertThat(SnapshotOrigin.incomplete(whole)).isFalse();

        AgentSnapshot reset = agent(false, "the board reset while the agent ran; the objects before it are kept");
        HeapSnapshot cut = reset.toHeapSnapshot(2, SnapshotOrigin.agentLabel("", reset), 0);
        assertThat(cut.title()).isEqualTo("#2 (agent, estimated, INCOMPLETE: board reset)");
        assertThat(SnapshotOrigin.incomplete(cut)).isTrue();

        assertThat(SnapshotOrigin.shortWhy("cancelled by the user; the board finishes its walk")).isEqualTo("cancelled");
        assertThat(SnapshotOrigin.shortWhy("the output stopped before the snapshot's end line (a reset, a crash or "
                + "a lost connection)")).isEqualTo("output cut");
        assertThat(SnapshotOrigin.shortWhy("the agent stopped with an error: out of memory")).isEqualTo("agent error");
    }

    @Test
    void theVirtualBoardsOwnSnapshotsAreNotTheAgents() {
        HeapSnapshot own = new HeapSnapshot(1, "after the scenario", 0, List.of());
        assertThat(SnapshotOrigin.byAgent(own)).isFalse();
        assertThat(SnapshotOrigin.incomplete(own)).isFalse();
    }
}
