package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;

/**
 * The HeapScope agent's two snapshots of a guided hunt ({@link GuidedHunt#withAgentSnapshots}): the Lua heap
 * before the workload and after it. Either may be incomplete (a reset, a cut line); when the agent could not
 * run, the snapshots it did not take are null and {@code problem} says why in one line. The hunt's heaptrace
 * verdict never depends on them. What grew between them is {@code SnapshotGrowth.between(heapBefore(), heapAfter())}
 * (analysis, which the session layer does not use).
 */
public record HuntAgentSnapshots(AgentSnapshot before, AgentSnapshot after, String problem) {
    public static final String BEFORE = "before the workload";
    public static final String AFTER = "after the workload";

    /** Whether both snapshots were taken (either may still be incomplete), so there is a growth to show. */
    public boolean compared() {
        return before != null && after != null;
    }

    /** The snapshot before, in the model the virtual board's snapshots use (#1, "before the workload"); null if not taken. */
    public HeapSnapshot heapBefore() {
        return before == null ? null : before.toHeapSnapshot(1, BEFORE, 0);
    }

    /** The snapshot after (#2, "after the workload"); null if not taken. */
    public HeapSnapshot heapAfter() {
        return after == null ? null : after.toHeapSnapshot(2, AFTER, 0);
    }
}
