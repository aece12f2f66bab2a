package dev.heapscope.analysis.timeline;

import dev.heapscope.model.HeapSample;

import java.util.Arrays;
import java.util.List;

/**
 * Heap samples reduced to the pixel columns of a time window: the minimum and maximum free bytes
 * per column (so a one-sample dip still shows), NaN where a column has no sample.
 */
public record TimelineReduction(double[] minFreeBytes, double[] maxFreeBytes) {

    public static TimelineReduction of(List<HeapSample> samples, long fromMillis, long toMillis, int columns) {
        return of(samples, fromMillis, toMillis, columns, null);
    }

    /**
     * As {@link #of(List, long, long, int)}, refilling {@code reuse}'s arrays when it has as many columns
     * (a redraw then allocates nothing); {@code samples} should allow fast random access.
     */
    public static TimelineReduction of(List<HeapSample> samples, long fromMillis, long toMillis, int columns,
                                       TimelineReduction reuse) {
        int width = Math.max(columns, 0);
        boolean fits = reuse != null && reuse.columns() == width;
        double[] min = fits ? reuse.minFreeBytes() : new double[width];
        double[] max = fits ? reuse.maxFreeBytes() : new double[width];
        TimelineReduction out = fits ? reuse : new TimelineReduction(min, max);
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        if (columns <= 0 || toMillis <= fromMillis) {
            return out;
        }
        double columnsPerMilli = (double) columns / (toMillis - fromMillis);
        for (int i = 0, n = samples.size(); i < n; i++) {
            HeapSample sample = samples.get(i);
            if (sample.hostMillis() < fromMillis || sample.hostMillis() > toMillis) {
                continue;
            }
            int column = Math.min(columns - 1, (int) ((sample.hostMillis() - fromMillis) * columnsPerMilli));
            double free = sample.freeBytes();
            min[column] = Double.isNaN(min[column]) ? free : Math.min(min[column], free);
            max[column] = Double.isNaN(max[column]) ? free : Math.max(max[column], free);
        }
        return out;
    }

    public int columns() {
        return minFreeBytes.length;
    }

    /** Columns that hold at least one sample. */
    public int filledColumns() {
        int filled = 0;
        for (double value : minFreeBytes) {
            if (!Double.isNaN(value)) {
                filled++;
            }
        }
        return filled;
    }
}
