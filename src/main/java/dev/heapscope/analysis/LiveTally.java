package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dump's records added up as they stream by, in insertion order: how many, how many live and their
 * bytes, and the live ones grouped by call chain into what {@link LeakTable#of(java.util.List)} would give
 * for the same records. Without records its memory follows the distinct chains, not the records, and the
 * chains are capped ({@link #MAX_CHAINS}): the live records of chains past the cap are only counted
 * ({@link #overLimit()}), in the totals and, in a tree, under {@link CallTree#OVER_LIMIT}.
 */
public final class LiveTally {
    /** Distinct chains tallied per dump: a real heap trace holds at most tens of thousands of records. */
    static final int MAX_CHAINS = Integer.getInteger("heapscope.maxTalliedChains", 500_000);

    private final boolean keepRecords;
    private final int maxChains;
    // the parser interns chains, so identity finds a chain's group without hashing its frames
    private final Map<CallChain, ChainGroup> byChain = new IdentityHashMap<>();
    private final Map<CallChain, ChainGroup> inOrder = new LinkedHashMap<>();
    private int records;
    private int live;
    private long liveBytes;
    private int overLimitCount;
    private long overLimitBytes;

    /** @param keepRecords keep each row's records (for what held them); else only count them */
    public LiveTally(boolean keepRecords) {
        this(keepRecords, MAX_CHAINS);
    }

    LiveTally(boolean keepRecords, int maxChains) {
        this.keepRecords = keepRecords;
        this.maxChains = maxChains;
    }

    /** Adds the dump's next record. */
    public void add(Record record) {
        int index = records++;
        if (record.freed()) {
            return;
        }
        live++;
        liveBytes += record.sizeBytes();
        ChainGroup group = byChain.get(record.caller());
        if (group == null) {
            // a chain past the parser's interning cap is equal to its group's key, not identical to it
            group = inOrder.get(record.caller());
            if (group == null && inOrder.size() >= maxChains) {
                overLimitCount++;
                overLimitBytes += record.sizeBytes();
                return;
            }
            if (group == null) {
                group = new ChainGroup(keepRecords);
                inOrder.put(record.caller(), group);
            }
            if (byChain.size() < maxChains) {
                byChain.put(record.caller(), group);
            }
        }
        group.add(record, index);
    }

    /** Live records of chains past the cap, with their bytes: counted, in no row. */
    public LeakTable.LeftOut overLimit() {
        return new LeakTable.LeftOut(overLimitCount, overLimitBytes);
    }

    /** Records added, freed ones included. */
    public int records() {
        return records;
    }

    /** Records not freed. */
    public int live() {
        return live;
    }

    /** Bytes of the records not freed. */
    public long liveBytes() {
        return liveBytes;
    }

    /** The live records by chain, as {@link LeakTable#of(java.util.List)}; rows hold records only when kept. */
    public LeakTable leakTable() {
        return LeakTable.of(inOrder, overLimit());
    }

    /** The tree of the live records by {@code weight}, as {@link CallTree#of} gives it for them. */
    public CallTree callTree(Weight weight, FrameNamer namer) {
        CallTree.Builder builder = new CallTree.Builder(weight);
        inOrder.forEach((chain, group) -> {
            LeakRow row = group.toRow(chain);
            long value = weight == Weight.BYTES ? row.totalBytes() : row.count();
            if (value > 0) { // as CallTree.of: a chain worth nothing adds no node
                builder.addAt(builder.leafFor(chain, namer), value);
            }
        });
        builder.addOverLimit(weight == Weight.BYTES ? overLimitBytes : overLimitCount, overLimitCount);
        return builder.build();
    }
}
