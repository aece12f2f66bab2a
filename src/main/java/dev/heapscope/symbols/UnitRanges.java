package dev.heapscope.symbols;

import java.util.Arrays;
import java.util.BitSet;

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
        private long[] lows = new long[64];
        private long[] highs = new long[64];
        private int[] units = new int[64];
        private int count;
        private final BitSet always = new BitSet();

        void add(int unit, long low, long high) {
            if (high > low) {
                if (count == lows.length) {
                    lows = Arrays.copyOf(lows, count * 2);
                    highs = Arrays.copyOf(highs, count * 2);
                    units = Arrays.copyOf(units, count * 2);
                }
                lows[count] = Math.max(0, Math.min(low, 0xFFFFFFFFL)); // 32-bit addresses: wider is garbage
                highs[count] = high;
                units[count] = unit;
                count++;
            }
        }

        void addAlways(int unit) {
            always.set(unit);
        }

        UnitRanges build() {
            // Addresses are 32-bit: start and position fit one primitive key.
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = lows[i] << 31 | i;
            }
            Arrays.sort(keys);
            long[] sortedLows = new long[count];
            long[] sortedHighs = new long[count];
            int[] sortedUnits = new int[count];
            for (int k = 0; k < count; k++) {
                int i = (int) (keys[k] & Integer.MAX_VALUE);
                sortedLows[k] = lows[i];
                sortedHighs[k] = highs[i];
                sortedUnits[k] = units[i];
            }
            return new UnitRanges(sortedLows, sortedHighs, sortedUnits, always.stream().toArray());
        }
    }

    int[] always() {
        return always;
    }

    boolean isEmpty() {
        return lows.length == 0 && always.length == 0;
    }

    /**
     * The one unit with ranges that start at or before {@code a} and end after {@code b} (ranges that do
     * not overlap: the usual case, answered without allocating), -1 when there is none, -2 when there are
     * several or some unit is asked about every address.
     */
    int soleUnitReaching(long b, long a) {
        if (always.length != 0) {
            return -2;
        }
        int sole = -1;
        for (int i = lastLowAtOrBefore(a); i >= 0 && highestSoFar[i] > b; i--) {
            if (highs[i] > b) {
                if (sole >= 0 && units[i] != sole) {
                    return -2;
                }
                sole = units[i];
            }
        }
        return sole;
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
