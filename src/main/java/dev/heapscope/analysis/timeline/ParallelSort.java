package dev.heapscope.analysis.timeline;

/** Sorts times ascending and moves the sizes along with them, without boxing (stable merge sort). */
final class ParallelSort {
    private ParallelSort() {
    }

    static void byTime(long[] times, int[] sizes) {
        int n = times.length;
        if (isSorted(times)) {
            return; // records usually arrive in time order
        }
        long[] timesBuffer = new long[n];
        int[] sizesBuffer = new int[n];
        long[] fromTimes = times;
        int[] fromSizes = sizes;
        long[] toTimes = timesBuffer;
        int[] toSizes = sizesBuffer;
        for (int width = 1; width < n; width *= 2) {
            for (int start = 0; start < n; start += 2 * width) {
                int middle = Math.min(start + width, n);
                int end = Math.min(start + 2 * width, n);
                int left = start;
                int right = middle;
                for (int out = start; out < end; out++) {
                    boolean takeLeft = left < middle && (right >= end || fromTimes[left] <= fromTimes[right]);
                    int source = takeLeft ? left++ : right++;
                    toTimes[out] = fromTimes[source];
                    toSizes[out] = fromSizes[source];
                }
            }
            long[] swapTimes = fromTimes;
            fromTimes = toTimes;
            toTimes = swapTimes;
            int[] swapSizes = fromSizes;
            fromSizes = toSizes;
            toSizes = swapSizes;
        }
        if (fromTimes != times) {
            System.arraycopy(fromTimes, 0, times, 0, n);
            System.arraycopy(fromSizes, 0, sizes, 0, n);
        }
    }

    private static boolean isSorted(long[] times) {
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                return false;
            }
        }
        return true;
    }
}
