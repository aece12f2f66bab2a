package dev.heapscope.symbols;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Which units may hold code at an address: the address ranges units declare, sorted by start with the
 * running maximum of their ends, so that "every range that starts at or before a and ends after b" is a
 * backwards walk that stops as soon as no earlier range can reach b (at once, when ranges do not
 * overlap). Units that declare nothing are {@link #always()}: they are asked about every address.
 */
final class UnitRanges {
    private final long[] lows;
    private final long[] highs;
    private final long[] highestSoFar;
    private final int[] units;
    private final int[] always;

    private UnitRanges(long[] lows, long[] highs, int[] units, int[] always) {
        this.lows = lows;
        this.highs = highs;
        this.units = units;
        this.always = always;
        this.highestSoFar = new long[lows.length];
        long highest = Long.MIN_VALUE;
        for (int i = 0; i < lows.length; i++) {
            highest = Math.max(highest, highs[i]);
            highestSoFar[i] = highest;
        }
    }

    /** Collects ranges, then {@link #build()}. */
    static final class Builder {
        private final List<long[]> ranges = new ArrayList<>();
        private final BitSet always = new BitSet();

        void add(int unit, long low, long high) {
            if (high > low) {
                ranges.add(new long[]{low, high, unit});
            }
        }

        void addAlways(int unit) {
            always.set(unit);
        }

        UnitRanges build() {
            ranges.sort((x, y) -> Long.compare(x[0], y[0]));
            long[] lows = new long[ranges.size()];
            long[] highs = new long[ranges.size()];
            int[] units = new int[ranges.size()];
            for (int i = 0; i < lows.length; i++) {
                lows[i] = ranges.get(i)[0];
                highs[i] = ranges.get(i)[1];
                units[i] = (int) ranges.get(i)[2];
            }
            return new UnitRanges(lows, highs, units, always.stream().toArray());
        }
    }

    int[] always() {
        return always;
    }

    /** Units with a range {@code [low, high)} where {@code low <= a} and {@code high > b}; may repeat a unit. */
    int[] reaching(long b, long a) {
        int index = lastLowAtOrBefore(a);
        int[] found = new int[4];
        int count = 0;
        for (int i = index; i >= 0 && highestSoFar[i] > b; i--) {
            if (highs[i] > b) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = units[i];
            }
        }
        return Arrays.copyOf(found, count);
    }

    private int lastLowAtOrBefore(long a) {
        int low = 0;
        int high = lows.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (lows[middle] <= a) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }
}
