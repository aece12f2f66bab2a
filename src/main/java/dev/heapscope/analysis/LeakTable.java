package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dump still holds, grouped by allocating call chain: one {@link LeakRow} per distinct chain
 * among the records not freed, largest total bytes first (then most records, then the chain's text,
 * so equal rows always come out in the same order). Immutable.
 */
public final class LeakTable {
    static final Comparator<LeakRow> ORDER = Comparator.comparingLong(LeakRow::totalBytes).reversed()
            .thenComparing(Comparator.comparingInt(LeakRow::count).reversed())
            .thenComparing(row -> row.chain().toString());

    /** Live records counted in the totals but in no row: their chains came past a tally's cap. */
    public record LeftOut(int count, long bytes) {
        static final LeftOut NONE = new LeftOut(0, 0);
    }

    private final List<LeakRow> rows;
    private final long totalBytes;
    private final int totalCount;
    private final LeftOut leftOut;

    LeakTable(List<LeakRow> rows) {
        this(rows, LeftOut.NONE);
    }

    private LeakTable(List<LeakRow> rows, LeftOut leftOut) {
        this.rows = List.copyOf(rows);
        long bytes = leftOut.bytes();
        int count = leftOut.count();
        for (LeakRow row : rows) {
            bytes += row.totalBytes();
            count += row.count();
        }
        this.totalBytes = bytes;
        this.totalCount = count;
        this.leftOut = leftOut;
    }

    /** The live records of {@code dump}, grouped. */
    public static LeakTable of(Dump dump) {
        return of(dump.records());
    }

    /**
     * The records of {@code recordsInInsertionOrder} that are not freed, grouped. Freed records are
     * skipped but still count for the {@link Sighting#index()} positions.
     */
    public static LeakTable of(List<Record> recordsInInsertionOrder) {
        Map<CallChain, ChainGroup> groups = new LinkedHashMap<>();
        int index = 0;
        for (Record record : recordsInInsertionOrder) {
            if (!record.freed()) {
                groups.computeIfAbsent(record.caller(), chain -> new ChainGroup(true)).add(record, index);
            }
            index++;
        }
        return of(groups);
    }

    /** The table of groups made elsewhere (a {@link LiveTally} as records stream by). */
    static LeakTable of(Map<CallChain, ChainGroup> groups) {
        return of(groups, LeftOut.NONE);
    }

    static LeakTable of(Map<CallChain, ChainGroup> groups, LeftOut leftOut) {
        List<LeakRow> rows = new ArrayList<>(groups.size());
        groups.forEach((chain, group) -> rows.add(group.toRow(chain)));
        rows.sort(ORDER);
        return new LeakTable(rows, leftOut);
    }

    /** Live records in the totals but in no row (their chains came past the tally's cap); none for most tables. */
    public LeftOut leftOut() {
        return leftOut;
    }

    /** One row per chain, largest total bytes first. */
    public List<LeakRow> rows() {
        return rows;
    }

    /** Bytes of all live records. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Number of live records. */
    public int totalCount() {
        return totalCount;
    }

    /** Number of distinct chains (rows). */
    public int chainCount() {
        return rows.size();
    }
}
