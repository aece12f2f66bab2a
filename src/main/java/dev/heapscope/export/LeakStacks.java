package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.analysis.flame.FrameNames;

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
        for (LeakRow row : table.rows()) {
            if (row.totalBytes() > 0) { // as from the records: zero-byte allocations draw nothing
                stacks.addChain(row.chain(), row.totalBytes(), namer, maxDepth);
            }
        }
        if (table.leftOut().bytes() > 0) { // records of chains past the tally's cap: drawn as one frame, as in a tree
            stacks.add(new int[] {stacks.names().idOf(CallTree.OVER_LIMIT)}, 1, table.leftOut().bytes());
        }
        return stacks;
    }
}
