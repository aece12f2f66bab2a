package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.List;

/** The live records of one call chain, added in insertion order, as one {@link LeakRow}. */
final class ChainGroup {
    /** Null when the records are only counted: a streamed dump keeps no records. */
    private final List<Record> records;
    private int count;
    private long bytes;
    private int minSize = Integer.MAX_VALUE;
    private int maxSize = Integer.MIN_VALUE;
    private RegionMix regions;
    private Sighting first;
    // the latest sighting as numbers, made a Sighting only for the row: no object per record
    private int lastIndex;
    private int lastCpu;
    private int lastCcount;

    ChainGroup(boolean keepRecords) {
        records = keepRecords ? new ArrayList<>() : null;
    }

    /** @param index the record's position in its dump, freed records included */
    void add(Record record, int index) {
        if (records != null) {
            records.add(record);
        }
        count++;
        bytes += record.sizeBytes();
        minSize = Math.min(minSize, record.sizeBytes());
        maxSize = Math.max(maxSize, record.sizeBytes());
        regions = regions == null ? RegionMix.of(record.region()) : regions.with(record.region());
        if (first == null) {
            first = new Sighting(index, record.cpu(), record.ccount());
        }
        lastIndex = index;
        lastCpu = record.cpu();
        lastCcount = record.ccount();
    }

    LeakRow toRow(CallChain chain) {
        Sighting last = first.index() == lastIndex ? first : new Sighting(lastIndex, lastCpu, lastCcount);
        return new LeakRow(chain, count, bytes, minSize, maxSize, regions, first, last,
                records == null ? List.of() : records);
    }
}
