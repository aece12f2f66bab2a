package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in the live (not freed) records between a "before" and an "after" dump: one
 * {@link DiffRow} per call chain live in either, largest absolute byte change first, and which
 * records are the same allocation in both.
 *
 * <p>A record of "after" survived from "before" when a live record of "before" has the same address,
 * size, caller chain, CPU and ccount. The ccount is part of the match on purpose: a block that was
 * freed and allocated again at the same address by the same code is a new allocation, and a record
 * that really persisted keeps the ccount it was allocated at. Each "before" record is matched at
 * most once, so duplicated records (a dump traced while dumping) are counted, not merged. Immutable.
 */
public final class DumpDiff {
    private static final Comparator<DiffRow> ORDER =
            Comparator.comparingLong((DiffRow row) -> Math.abs(row.byteDelta())).reversed()
                    .thenComparing(Comparator.comparingInt((DiffRow row) -> Math.abs(row.countDelta())).reversed())
                    .thenComparing(row -> row.chain().toString());

    private final List<DiffRow> rows;
    private final List<Record> survivors;
    private final List<Record> appeared;
    private final List<Record> disappeared;
    private final long beforeBytes;
    private final long afterBytes;
    private final int beforeCount;
    private final int afterCount;

    private DumpDiff(List<DiffRow> rows, List<Record> survivors, List<Record> appeared, List<Record> disappeared,
                     long beforeBytes, long afterBytes, int beforeCount, int afterCount) {
        this.rows = List.copyOf(rows);
        this.survivors = List.copyOf(survivors);
        this.appeared = List.copyOf(appeared);
        this.disappeared = List.copyOf(disappeared);
        this.beforeBytes = beforeBytes;
        this.afterBytes = afterBytes;
        this.beforeCount = beforeCount;
        this.afterCount = afterCount;
    }

    public static DumpDiff between(Dump before, Dump after) {
        return between(before.records(), after.records());
    }

    /** Compares the records not freed of each list (freed ones are ignored). */
    public static DumpDiff between(List<Record> before, List<Record> after) {
        Map<MatchKey, Deque<Record>> unmatchedBefore = new HashMap<>();
        Map<CallChain, Tally> tallies = new LinkedHashMap<>();
        long beforeBytes = 0;
        int beforeCount = 0;
        for (Record record : before) {
            if (!record.freed()) {
                unmatchedBefore.computeIfAbsent(MatchKey.of(record), key -> new ArrayDeque<>()).add(record);
                tallies.computeIfAbsent(record.caller(), chain -> new Tally()).addBefore(record);
                beforeBytes += record.sizeBytes();
                beforeCount++;
            }
        }
        List<Record> survivors = new ArrayList<>();
        List<Record> appeared = new ArrayList<>();
        long afterBytes = 0;
        int afterCount = 0;
        for (Record record : after) {
            if (record.freed()) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(record.caller(), chain -> new Tally());
            tally.addAfter(record);
            afterBytes += record.sizeBytes();
            afterCount++;
            Deque<Record> candidates = unmatchedBefore.get(MatchKey.of(record));
            if (candidates != null && !candidates.isEmpty()) {
                candidates.poll();
                survivors.add(record);
                tally.survivors++;
            } else {
                appeared.add(record);
            }
        }
        List<Record> disappeared = new ArrayList<>();
        for (Record record : before) {
            if (!record.freed()) {
                Deque<Record> left = unmatchedBefore.get(MatchKey.of(record));
                if (left.peek() == record) {
                    disappeared.add(left.poll());
                }
            }
        }
        List<DiffRow> rows = new ArrayList<>(tallies.size());
        tallies.forEach((chain, tally) -> rows.add(tally.toRow(chain)));
        rows.sort(ORDER);
        return new DumpDiff(rows, survivors, appeared, disappeared, beforeBytes, afterBytes, beforeCount, afterCount);
    }

    /** One row per chain live in either dump, largest absolute byte change first. */
    public List<DiffRow> rows() {
        return rows;
    }

    /** Live records of "after" that were already live in "before", in "after"'s order. */
    public List<Record> survivors() {
        return survivors;
    }

    /** Live records of "after" that "before" did not have, in "after"'s order. */
    public List<Record> appeared() {
        return appeared;
    }

    /** Live records of "before" that are no longer live in "after", in "before"'s order. */
    public List<Record> disappeared() {
        return disappeared;
    }

    public long beforeBytes() {
        return beforeBytes;
    }

    public long afterBytes() {
        return afterBytes;
    }

    public int beforeCount() {
        return beforeCount;
    }

    public int afterCount() {
        return afterCount;
    }

    public long byteDelta() {
        return afterBytes - beforeBytes;
    }

    public int countDelta() {
        return afterCount - beforeCount;
    }

    private record MatchKey(int address, int sizeBytes, CallChain caller, int cpu, int ccount) {
        static MatchKey of(Record record) {
            return new MatchKey(record.address(), record.sizeBytes(), record.caller(), record.cpu(), record.ccount());
        }
    }

    private static final class Tally {
        int beforeCount;
        long beforeBytes;
        int afterCount;
        long afterBytes;
        int survivors;

        void addBefore(Record record) {
            beforeCount++;
            beforeBytes += record.sizeBytes();
        }

        void addAfter(Record record) {
            afterCount++;
            afterBytes += record.sizeBytes();
        }

        DiffRow toRow(CallChain chain) {
            return new DiffRow(chain, DiffRow.statusOf(beforeCount, beforeBytes, afterCount, afterBytes),
                    beforeCount, beforeBytes, afterCount, afterBytes, survivors);
        }
    }
}
