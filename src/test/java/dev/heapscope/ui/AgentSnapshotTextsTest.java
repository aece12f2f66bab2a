package dev.heapscope.ui;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.ui.common.SnapshotOrigin;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSnapshotTextsTest {
    private static final List<AgentSnapshot.Node> NODES = List.of(new AgentSnapshot.Node(1, 0, "table", 56, "_G"),
            new AgentSnapshot.Node(2, 1, "string", 1_200, ".big"));

    @Test
    void aCompleteSnapshotSaysItsObjectsEstimatedBytesAndTheAgentsOwnMemory() {
        AgentSnapshot agent = new AgentSnapshot(7, new AgentSnapshot.Visibility(true, true, true, true), 9_000, NODES,
                true, null, 3_456);
        String text = AgentSnapshotTexts.done(agent.toHeapSnapshot(2, SnapshotOrigin.agentLabel("after", agent), 0), agent);
        assertThat(text).isEqualTo("Heap snapshot #2 (after · agent, estimated): 2 objects, ~1,256 bytes; "
                + "agent's own 3,456 bytes left out");
    }

    @Test
    void aSnapshotWithoutUpvaluesAndCutShortSaysWhatItCouldNotSeeAndWhy() {
        AgentSnapshot agent = new AgentSnapshot(7, new AgentSnapshot.Visibility(true, false, true, true), 9_000, NODES,
                false, "the board reset while the agent ran; the objects before it are kept", -1);
        String text = AgentSnapshotTexts.done(agent.toHeapSnapshot(1, SnapshotOrigin.agentLabel("", agent), 0), agent);
        assertThat(text).startsWith("Heap snapshot #1 (agent, estimated, INCOMPLETE: board reset): 2 objects")
                .contains("; upvalues not visible (no debug.getupvalue")
                .endsWith("; INCOMPLETE: the board reset while the agent ran; the objects before it are kept")
                .doesNotContain("agent's own");
    }
}
