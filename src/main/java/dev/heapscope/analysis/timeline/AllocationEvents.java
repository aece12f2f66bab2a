package dev.heapscope.analysis.timeline;

import dev.heapscope.analysis.TimedRecord;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every allocation of a session at its estimated host time, as two parallel arrays sorted by time
 * (epoch µs and size in bytes), so a window is found by binary search and reduced in time
 * proportional to the events in it. A record seen in several dumps is one event. Records without
 * an estimate are only counted ({@link #unestimatedCount()}). Immutable.
 */
public final class AllocationEvents {
    public static final AllocationEvents EMPTY = new AllocationEvents(new long[0], new int[0], 0);

    private final long[] timesMicros;
    private final int[] sizesBytes;
    private final int unestimatedCount;

    private AllocationEvents(long[] timesMicros, int[] sizesBytes, int unestimatedCount) {
        this.timesMicros = timesMicros;
        this.sizesBytes = sizesBytes;
        this.unestimatedCount = unestimatedCount;
    }

    /** Events from the clock's estimates; the arrays are sorted here. */
    public static AllocationEvents of(List<TimedRecord> timed) {
        long[] times = new long[timed.size()];
        int[] sizes = new int[timed.size()];
        Set<Sighting> seen = new HashSet<>();
        int n = 0;
        int unestimated = 0;
        for (TimedRecord record : timed) {
            if (!seen.add(new Sighting(record.cpu(), record.record().address(), record.unwrappedCycles()))) {
                continue;
            }
            if (!record.anchored()) {
                unestimated++;
                continue;
            }
            times[n] = (long) Math.floor(record.estimatedHostMillis() * 1000.0);
            sizes[n] = record.record().sizeBytes();
            n++;
        }
        return fromUnsorted(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(sizes, n), unestimated);
    }

    /** Events from parallel arrays in any order (taken over, not copied). */
    public static AllocationEvents fromUnsorted(long[] timesMicros, int[] sizesBytes, int unestimatedCount) {
        if (timesMicros.length != sizesBytes.length) {
            throw new IllegalArgumentException("times and sizes differ in length: " + timesMicros.length + " and "
                    + sizesBytes.length);
        }
        ParallelSort.byTime(timesMicros, sizesBytes);
        return new AllocationEvents(timesMicros, sizesBytes, unestimatedCount);
    }

    public int size() {
        return timesMicros.length;
    }

    public boolean isEmpty() {
        return timesMicros.length == 0;
    }

    public long timeMicros(int index) {
        return timesMicros[index];
    }

    public int sizeBytes(int index) {
        return sizesBytes[index];
    }

    /** Records whose time could not be estimated (no dump with an arrival time anchored their core). */
    public int unestimatedCount() {
        return unestimatedCount;
    }

    /** Index of the first event at or after {@code micros} ({@link #size()} when none). */
    public int firstAtOrAfter(long micros) {
        int low = 0;
        int high = timesMicros.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (timesMicros[middle] < micros) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Events from {@code fromMicros} to {@code toMicros}, both included. */
    public int countBetween(long fromMicros, long toMicros) {
        if (toMicros < fromMicros) {
            return 0;
        }
        return firstAtOrAfter(toMicros == Long.MAX_VALUE ? toMicros : toMicros + 1) - firstAtOrAfter(fromMicros);
    }

    /** Bytes of the events from {@code fromMicros} to {@code toMicros}, both included. */
    public long bytesBetween(long fromMicros, long toMicros) {
        long sum = 0;
        for (int i = firstAtOrAfter(fromMicros); i < timesMicros.length && timesMicros[i] <= toMicros; i++) {
            sum += sizesBytes[i];
        }
        return sum;
    }

    /**
     * The events of the window {@code [fromMicros, toMicros]} in {@code columns} equal columns; the
     * work is proportional to the events in the window plus the columns.
     */
    public AllocationColumns reduce(long fromMicros, long toMicros, int columns) {
        return reduce(fromMicros, toMicros, columns, null);
    }

    /** As {@link #reduce(long, long, int)}, refilling {@code reuse} when it has as many columns (no allocation). */
    public AllocationColumns reduce(long fromMicros, long toMicros, int columns, AllocationColumns reuse) {
        int width = Math.max(columns, 0);
        AllocationColumns out;
        if (reuse != null && reuse.columns() == width) {
            out = reuse;
            java.util.Arrays.fill(out.counts(), 0);
            java.util.Arrays.fill(out.bytes(), 0);
            java.util.Arrays.fill(out.largestBytes(), 0);
        } else {
            out = new AllocationColumns(new int[width], new long[width], new int[width]);
        }
        if (width == 0 || toMicros <= fromMicros) {
            return out;
        }
        double columnsPerMicro = (double) width / (toMicros - fromMicros);
        for (int i = firstAtOrAfter(fromMicros); i < timesMicros.length && timesMicros[i] <= toMicros; i++) {
            int column = Math.min(width - 1, (int) ((timesMicros[i] - fromMicros) * columnsPerMicro));
            int size = sizesBytes[i];
            out.counts()[column]++;
            out.bytes()[column] += size;
            if (size > out.largestBytes()[column]) {
                out.largestBytes()[column] = size;
            }
        }
        return out;
    }

    private record Sighting(int cpu, int address, long unwrappedCycles) {
    }
}
