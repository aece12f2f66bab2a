package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.List;

/**
 * The live (not freed) records of one dump that share one allocating call chain.
 *
 * @param chain         the allocating chain, innermost first
 * @param count         how many records
 * @param totalBytes    their sizes summed
 * @param minSizeBytes  smallest record
 * @param maxSizeBytes  largest record
 * @param regions       where they live
 * @param firstSeen     the earliest of them in the dump's insertion order
 * @param lastSeen      the latest of them in the dump's insertion order
 * @param records       the records themselves, in insertion order; empty when the row was tallied as the records
 *                      streamed by ({@link LiveTally} without records), {@code count} still holds their number
 */
public record LeakRow(CallChain chain, int count, long totalBytes, int minSizeBytes, int maxSizeBytes,
                      RegionMix regions, Sighting firstSeen, Sighting lastSeen, List<Record> records) {

    public LeakRow {
        records = List.copyOf(records);
    }

    public double averageSizeBytes() {
        return count == 0 ? 0 : (double) totalBytes / count;
    }
}
