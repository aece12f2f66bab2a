package dev.heapscope.analysis.timeline;

/**
 * Allocation events reduced to the pixel columns of a time window: per column how many records
 * were allocated, their bytes, and the largest single one (so one big allocation among many small
 * ones still stands out).
 */
public record AllocationColumns(int[] counts, long[] bytes, int[] largestBytes) {

    public int columns() {
        return counts.length;
    }

    /** Events in the window, all columns together. */
    public long totalCount() {
        long sum = 0;
        for (int count : counts) {
            sum += count;
        }
        return sum;
    }

    /** The most bytes any one column holds (0 when the window is empty). */
    public long mostBytesInAColumn() {
        long most = 0;
        for (long value : bytes) {
            most = Math.max(most, value);
        }
        return most;
    }
}
