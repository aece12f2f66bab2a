package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;

/**
 * One call chain's live records in two dumps.
 *
 * @param survivors  records of this chain live in both dumps (the same allocation, not just the
 *                   same chain); see {@link DumpDiff}
 */
public record DiffRow(CallChain chain, DiffStatus status, int beforeCount, long beforeBytes,
                      int afterCount, long afterBytes, int survivors) {

    public int countDelta() {
        return afterCount - beforeCount;
    }

    public long byteDelta() {
        return afterBytes - beforeBytes;
    }

    static DiffStatus statusOf(int beforeCount, long beforeBytes, int afterCount, long afterBytes) {
        if (beforeCount == 0 && afterCount > 0) {
            return DiffStatus.NEW;
        }
        if (afterCount == 0 && beforeCount > 0) {
            return DiffStatus.GONE;
        }
        int byBytes = Long.compare(afterBytes, beforeBytes);
        int order = byBytes != 0 ? byBytes : Integer.compare(afterCount, beforeCount);
        return order > 0 ? DiffStatus.GROWN : order < 0 ? DiffStatus.SHRUNK : DiffStatus.UNCHANGED;
    }
}
