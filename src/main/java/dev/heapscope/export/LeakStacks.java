package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.analysis.flame.FrameNames;
import dev.heapscope.model.CallChain;

/**
 * A leak table's live bytes per chain as flame stacks, named like {@link FlameStacks#ofRecords}: the same
 * stacks the records give, from a table tallied without them.
 */
final class LeakStacks {
    private LeakStacks() {
    }

    /** Only the {@code maxDepth} outermost frames of each chain are kept, as {@link FlameStacks#ofRecords} keeps them. */
    static FlameStacks of(LeakTable table, FrameNamer namer, int maxDepth) {
        FlameStacks stacks = new FlameStacks(Weight.BYTES, new FrameNames());
        int[] ids = new int[16];
        for (LeakRow row : table.rows()) {
            if (row.totalBytes() <= 0) {
                continue; // as from the records: zero-byte allocations draw nothing
            }
            CallChain chain = row.chain();
            int depth = Math.min(maxDepth, Math.max(1, chain.depth()));
            if (ids.length < depth) {
                ids = new int[depth];
            }
            if (chain.isEmpty()) {
                ids[0] = stacks.names().idOf(CallTree.NO_CALLER);
            }
            for (int i = chain.depth() - 1, k = 0; k < depth && i >= 0; i--, k++) {
                ids[k] = stacks.names().idOf(namer.name(chain.frame(i)));
            }
            stacks.add(ids, depth, row.totalBytes());
        }
        return stacks;
    }
}
