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

    static FlameStacks of(LeakTable table, FrameNamer namer) {
        FlameStacks stacks = new FlameStacks(Weight.BYTES, new FrameNames());
        int[] ids = new int[16];
        for (LeakRow row : table.rows()) {
            if (row.totalBytes() <= 0) {
                continue; // as from the records: zero-byte allocations draw nothing
            }
            CallChain chain = row.chain();
            int depth = Math.max(1, chain.depth());
            if (ids.length < depth) {
                ids = new int[depth];
            }
            if (chain.isEmpty()) {
                ids[0] = stacks.names().idOf(CallTree.NO_CALLER);
            }
            for (int i = chain.depth() - 1, k = 0; i >= 0; i--, k++) {
                ids[k] = stacks.names().idOf(namer.name(chain.frame(i)));
            }
            stacks.add(ids, depth, row.totalBytes());
        }
        return stacks;
    }
}
