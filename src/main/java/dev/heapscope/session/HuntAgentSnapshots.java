package dev.heapscope.session;

import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.AgentSnapshot;

/**
 * The HeapScope agent's two snapshots of a guided hunt ({@link GuidedHunt#withAgentSnapshots}): the Lua heap
 * before the workload and after it. Either may be incomplete (a reset, a cut line); when the agent could not
 * run, the snapshots it did not take are null and {@code problem} says why in one line. The hunt's heaptrace
 * verdict never depends on them.
 */
public record HuntAgentSnapshots(AgentSnapshot before, AgentSnapshot after, String problem) {
    public static final String BEFORE = "before the workload";
    public static final String AFTER = "after the workload";

    /** What grew between them by retaining path (estimated bytes); null unless both were taken. */
    public SnapshotGrowth growth() {
        return before == null || after == null ? null
                : SnapshotGrowth.between(before.toHeapSnapshot(1, BEFORE, 0), after.toHeapSnapshot(2, AFTER, 0));
    }
}
