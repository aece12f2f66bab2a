package dev.heapscope.analysis;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.RetainingPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What grew between two heap snapshots of one board, by grouped retaining path: objects and bytes in each,
 * largest growth first (then the path's text, a stable order). Paths that shrank or vanished are kept too,
 * with negative growth, at the end. Immutable.
 */
public final class SnapshotGrowth {
    /** One grouped path in both snapshots. */
    public record Row(RetainingPath path, int countBefore, long bytesBefore, int countAfter, long bytesAfter) {
        public long bytesGrown() {
            return bytesAfter - bytesBefore;
        }

        public int countGrown() {
            return countAfter - countBefore;
        }
    }

    private final HeapSnapshot before;
    private final HeapSnapshot after;
    private final List<Row> rows;

    private SnapshotGrowth(HeapSnapshot before, HeapSnapshot after, List<Row> rows) {
        this.before = before;
        this.after = after;
        this.rows = List.copyOf(rows);
    }

    public static SnapshotGrowth between(HeapSnapshot before, HeapSnapshot after) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, RetainingPath> paths = new LinkedHashMap<>();
        add(before, 0, totals, paths);
        add(after, 2, totals, paths);
        List<Row> rows = new ArrayList<>();
        totals.forEach((grouped, t) -> {
            if (t[0] != t[2] || t[1] != t[3]) {
                rows.add(new Row(paths.get(grouped), (int) t[0], t[1], (int) t[2], t[3]));
            }
        });
        rows.sort(Comparator.comparingLong(Row::bytesGrown).reversed()
                .thenComparing(row -> row.path().grouped()));
        return new SnapshotGrowth(before, after, rows);
    }

    private static void add(HeapSnapshot snapshot, int at, Map<String, long[]> totals, Map<String, RetainingPath> paths) {
        for (HeapSnapshot.HeapObject object : snapshot.objects()) {
            String grouped = object.path().grouped();
            paths.putIfAbsent(grouped, object.path());
            long[] t = totals.computeIfAbsent(grouped, k -> new long[4]);
            t[at]++;
            t[at + 1] += object.sizeBytes();
        }
    }

    public HeapSnapshot before() {
        return before;
    }

    public HeapSnapshot after() {
        return after;
    }

    /** Every path whose objects or bytes changed, largest growth first. */
    public List<Row> rows() {
        return rows;
    }

    /** Only the paths that grew in bytes. */
    public List<Row> grown() {
        return rows.stream().filter(row -> row.bytesGrown() > 0).toList();
    }

    public long bytesGrown() {
        return after.totalBytes() - before.totalBytes();
    }
}
