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
        double[] min = new double[Math.max(columns, 0)];
        double[] max = new double[min.length];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        if (columns <= 0 || toMillis <= fromMillis) {
            return new TimelineReduction(min, max);
        }
        double columnsPerMilli = (double) columns / (toMillis - fromMillis);
        for (HeapSample sample : samples) {
            if (sample.hostMillis() < fromMillis || sample.hostMillis() > toMillis) {
                continue;
            }
            int column = Math.min(columns - 1, (int) ((sample.hostMillis() - fromMillis) * columnsPerMilli));
            double free = sample.freeBytes();
            min[column] = Double.isNaN(min[column]) ? free : Math.min(min[column], free);
            max[column] = Double.isNaN(max[column]) ? free : Math.max(max[column], free);
        }
        return new TimelineReduction(min, max);
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
